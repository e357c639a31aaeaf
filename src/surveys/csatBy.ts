import { measureBy } from "./measureScores";
import type { SurveyGroupKey } from "./groupKey";
import { CSAT_KIND } from "../input/surveyKinds";
import type { NpsInput } from "../nps/surveyInput";
import type { CsatOptions } from "./csat";
import { csatFromCounts, type CsatResult } from "./csatFromCounts";

/** CSAT of one group; `key` is `null` for answers without a key. */
export interface CsatGroup extends CsatResult {
  readonly key: string | null;
}

/**
 * CSAT per group (segment, customer, or any key a function gives), as `npsBy` does for NPS.
 *
 * Each group follows `csat`. Answers whose key is missing form the group `null`, so nothing is
 * dropped. Groups are sorted by key, `null` last; only `kind: "csat"` answers count.
 *
 * @param responses - survey responses, `{ surveys }`, or a `Ledger` with surveys
 * @param key - `"segment"`, `"customerId"`, or a function of the response
 * @param options - optional `[start, end)` range and `confidence`
 * @returns one CSAT result per group
 * @throws {RetentionOptionsError} when `key` is neither a known field nor a function
 * @example
 * csatBy([{ at: "2024-01-01", score: 5, kind: "csat", segment: "web" }, { at: "2024-01-01", score: 1, kind: "csat", segment: "store" }], "segment")
 * //=> [{ key: "store", satisfiedShare: 0, ... }, { key: "web", satisfiedShare: 1, ... }]
 */
export function csatBy(responses: NpsInput, key: SurveyGroupKey, options: CsatOptions = {}): CsatGroup[] {
  return measureBy({ fn: "csatBy", kind: CSAT_KIND, fromCounts: csatFromCounts }, responses, key, options);
}

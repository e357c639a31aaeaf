import { measureBy } from "./measureScores";
import type { SurveyGroupKey } from "./groupKey";
import { CES_KIND } from "../input/surveyKinds";
import type { NpsInput } from "../nps/surveyInput";
import type { CesOptions } from "./ces";
import { cesFromCounts, type CesResult } from "./cesFromCounts";

/** CES of one group; `key` is `null` for answers without a key. */
export interface CesGroup extends CesResult {
  readonly key: string | null;
}

/**
 * CES per group (segment, customer, or any key a function gives), as `npsBy` does for NPS.
 *
 * Each group follows `ces`. Answers whose key is missing form the group `null`, so nothing is
 * dropped. Groups are sorted by key, `null` last; only `kind: "ces"` answers count.
 *
 * @param responses - survey responses, `{ surveys }`, or a `Ledger` with surveys
 * @param key - `"segment"`, `"customerId"`, or a function of the response
 * @param options - optional `[start, end)` range and `confidence`
 * @returns one CES result per group
 * @throws {RetentionOptionsError} when `key` is neither a known field nor a function
 * @example
 * cesBy([{ at: "2024-01-01", score: 7, kind: "ces", segment: "web" }, { at: "2024-01-01", score: 2, kind: "ces", segment: "store" }], "segment")
 * //=> [{ key: "store", mean: 2, ... }, { key: "web", mean: 7, ... }]
 */
export function cesBy(responses: NpsInput, key: SurveyGroupKey, options: CesOptions = {}): CesGroup[] {
  return measureBy({ fn: "cesBy", kind: CES_KIND, fromCounts: cesFromCounts }, responses, key, options);
}

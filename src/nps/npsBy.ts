import type { RangeOptions } from "../core/period";
import { measureBy } from "../surveys/measureScores";
import { npsFromScoreCounts, type NpsResult } from "./npsFromCounts";
import { NPS_KIND } from "../input/surveyKinds";
import type { NormalizedSurveyResponse, SurveyGroupKey } from "../surveys/groupKey";
import type { NpsInput } from "./surveyInput";

export type { NormalizedSurveyResponse };

/** What to group by: a field of the response, or a function returning the group key. */
export type NpsGroupKey = SurveyGroupKey;

/** NPS of one group; `key` is `null` for responses without a key. */
export interface NpsGroup extends NpsResult {
  readonly key: string | null;
}

/** Options of `npsBy`. */
export interface NpsByOptions extends RangeOptions {
  readonly confidence?: number | undefined;
}

/**
 * NPS per group, for example per segment or per store.
 *
 * Each group's score follows `nps` (NPS answers only). Responses whose key is missing form
 * the group `null`, so nothing is dropped. Groups are sorted by key, `null` last.
 *
 * @param responses - survey responses, `{ surveys }`, or a `Ledger` with surveys
 * @param key - `"segment"`, `"customerId"`, or a function of the response
 * @param options - optional `[start, end)` range and `confidence`
 * @returns one NPS result per group
 * @throws {RetentionOptionsError} when `key` is neither a known field nor a function
 * @example
 * npsBy([{ at: "2024-01-01", score: 10, segment: "web" }, { at: "2024-01-01", score: 2, segment: "store" }], "segment")
 * //=> [{ key: "store", score: -100, ... }, { key: "web", score: 100, ... }]
 */
export function npsBy(responses: NpsInput, key: NpsGroupKey, options: NpsByOptions = {}): NpsGroup[] {
  return measureBy({ fn: "npsBy", kind: NPS_KIND, fromCounts: npsFromScoreCounts }, responses, key, options);
}

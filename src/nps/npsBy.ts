import { readRange, type RangeOptions } from "../core/period";
import { RetentionOptionsError } from "../input/errors";
import { npsFromCounts, readConfidence, tallyScore, type NpsResult } from "./npsFromCounts";
import { toSurveyColumns, type NpsInput } from "./surveyInput";
import { readOptions } from "../input/readOptions";
import { printValue } from "../input/describeValue";

/** A response as the grouping function sees it: validated, with `at` as a `Date`. */
export interface NormalizedSurveyResponse {
  readonly customerId: string | undefined;
  readonly at: Date;
  readonly score: number;
  readonly segment: string | undefined;
}

/** What to group by: a field of the response, or a function returning the group key. */
export type NpsGroupKey =
  | "segment"
  | "customerId"
  | ((response: NormalizedSurveyResponse) => string | null | undefined);

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
 * Each group's score follows `nps`. Responses whose key is missing form the group `null`,
 * so nothing is dropped. Groups are sorted by key, `null` last.
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
  options = readOptions(options, "npsBy");
  const surveys = toSurveyColumns(responses);
  const confidence = readConfidence(options.confidence);
  const { start, end } = readRange(options);
  const keyOf = keyFunction(key);
  const tallies = new Map<string | null, [number, number, number]>();
  for (let k = 0; k < surveys.count; k++) {
    const at = surveys.at[k]!;
    if (at < start || at >= end) continue;
    const group =
      keyOf({ customerId: surveys.customerId[k], at: new Date(at), score: surveys.score[k]!, segment: surveys.segment[k] }) ??
      null;
    let tally = tallies.get(group);
    if (tally === undefined) tallies.set(group, (tally = [0, 0, 0]));
    tallyScore(tally, surveys.score[k]!);
  }
  return [...tallies]
    .sort(([a], [b]) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
    .map(([group, [promoters, passives, detractors]]) => ({
      key: group,
      ...npsFromCounts(promoters, passives, detractors, confidence),
    }));
}

function keyFunction(key: NpsGroupKey): (response: NormalizedSurveyResponse) => string | null | undefined {
  if (typeof key === "function") return key;
  if (key === "segment") return (response) => response.segment;
  if (key === "customerId") return (response) => response.customerId;
  throw new RetentionOptionsError("key", `expected "segment", "customerId" or a function, found ${printValue(key)}`);
}

import { RetentionOptionsError } from "../input/errors";
import { printValue } from "../input/describeValue";
import type { SurveyColumns } from "../input/surveyColumns";
import { SURVEY_KINDS, type SurveyKind } from "../input/surveyKinds";
import { emptyCounts, type ScoreCounts } from "./scoreCounts";

/** A response as a grouping function sees it: validated, with `at` as a `Date`. */
export interface NormalizedSurveyResponse {
  readonly customerId: string | undefined;
  readonly at: Date;
  readonly score: number;
  readonly segment: string | undefined;
  /** The answer's kind; only answers of the kind being measured reach the function. */
  readonly kind: SurveyKind;
}

/** What to group by: a field of the response, or a function returning the group key. */
export type SurveyGroupKey =
  | "segment"
  | "customerId"
  | ((response: NormalizedSurveyResponse) => string | null | undefined);

/**
 * Score counts per group of the answers of one kind in `[start, end)`, sorted by key with the
 * `null` group (answers without a key) last, so nothing is dropped.
 *
 * @throws {RetentionOptionsError} when `key` is neither a known field nor a function
 */
export function countScoresBy(surveys: SurveyColumns, kind: number, key: SurveyGroupKey, start: number, end: number): [string | null, ScoreCounts][] {
  const keyOf = keyFunction(key);
  const groups = new Map<string | null, ScoreCounts>();
  for (let k = 0; k < surveys.count; k++) {
    const at = surveys.at[k]!;
    if (at < start || at >= end || surveys.kind[k] !== kind) continue;
    const score = surveys.score[k]!;
    const group = keyOf({ customerId: surveys.customerId[k], at: new Date(at), score, segment: surveys.segment[k], kind: SURVEY_KINDS[kind]! }) ?? null;
    let counts = groups.get(group);
    if (counts === undefined) groups.set(group, (counts = emptyCounts()));
    counts[score]!++;
  }
  return [...groups].sort(([a], [b]) => compareGroupKeys(a, b));
}

/** The order of survey groups: keys by UTF-16 code units, the `null` group last. */
export function compareGroupKeys(a: string | null, b: string | null): number {
  return a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;
}

function keyFunction(key: SurveyGroupKey): (response: NormalizedSurveyResponse) => string | null | undefined {
  if (typeof key === "function") return key;
  if (key === "segment") return (response) => response.segment;
  if (key === "customerId") return (response) => response.customerId;
  throw new RetentionOptionsError("key", `expected "segment", "customerId" or a function, found ${printValue(key)}`);
}


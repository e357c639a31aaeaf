import { bucketIndex, checkBucketCount } from "../core/bucketIndex";
import { addBuckets, bucketKey, bucketStart, checkGranularity, checkWeekStartsOn, type WeekStartsOn } from "../core/calendar";
import { readRange, type RangeOptions } from "../core/period";
import { npsFromCounts, readConfidence, tallyScore, type NpsResult } from "./npsFromCounts";
import { toSurveyColumns, type NpsInput } from "./surveyInput";
import { readOptions } from "../input/readOptions";

/** Options of `npsTrend`. */
export interface NpsTrendOptions extends RangeOptions {
  readonly granularity: "week" | "month" | "quarter" | "year";
  /** First day of the week for weekly buckets (default 1, Monday: ISO weeks). */
  readonly weekStartsOn?: WeekStartsOn | undefined;
  readonly confidence?: number | undefined;
}

/** NPS of one calendar bucket `[start, end)`. */
export interface NpsTrendPoint extends NpsResult {
  /** `2024-W03`, `2024-01`, `2024-Q1` or `2024`. */
  readonly key: string;
  readonly start: Date;
  readonly end: Date;
}

/**
 * NPS per calendar week, month, quarter or year (UTC), for a trend chart.
 *
 * Every bucket from the first response's (or `start`'s) to the last response's (or the one
 * before `end`) appears, in order; a bucket without responses has `score: null`, never 0.
 *
 * @param responses - survey responses, `{ surveys }`, or a `Ledger` with surveys
 * @param options - `granularity`, optional range, `weekStartsOn` and `confidence`
 * @returns one point per bucket
 * @throws {RetentionOptionsError} on an unknown granularity, or a range of more than 100,000 buckets (`MAX_BUCKETS`)
 * @example
 * npsTrend([{ at: "2024-01-05", score: 10 }, { at: "2024-03-02", score: 0 }], { granularity: "month" })
 * //=> [{ key: "2024-01", score: 100, ... }, { key: "2024-02", score: null, ... }, { key: "2024-03", score: -100, ... }]
 */
export function npsTrend(responses: NpsInput, options: NpsTrendOptions): NpsTrendPoint[] {
  options = readOptions(options, "npsTrend");
  const surveys = toSurveyColumns(responses);
  const granularity = checkGranularity(options?.granularity, ["week", "month", "quarter", "year"], "npsTrend");
  const weekStartsOn = checkWeekStartsOn(options.weekStartsOn);
  const confidence = readConfidence(options.confidence);
  const { start, end } = readRange(options);
  let first = Number.isFinite(start) ? start : Number.POSITIVE_INFINITY;
  let last = Number.isFinite(end) ? end - 1 : Number.NEGATIVE_INFINITY;
  for (let k = 0; k < surveys.count; k++) {
    const at = surveys.at[k]!;
    if (at < start || at >= end) continue;
    if (!Number.isFinite(start) && at < first) first = at;
    if (!Number.isFinite(end) && at > last) last = at;
  }
  if (!(first <= last)) return [];
  checkBucketCount(Number.isFinite(end) ? "end" : "start", bucketIndex(last, granularity, weekStartsOn) - bucketIndex(first, granularity, weekStartsOn) + 1, `${granularity} buckets`);

  const points: NpsTrendPoint[] = [];
  let k = 0;
  for (let from = bucketStart(first, granularity, weekStartsOn); from <= last; ) {
    const to = addBuckets(from, granularity, 1);
    const tally: [number, number, number] = [0, 0, 0];
    while (k < surveys.count && surveys.at[k]! < from) k++;
    for (; k < surveys.count && surveys.at[k]! < to; k++) {
      if (surveys.at[k]! >= start && surveys.at[k]! < end) tallyScore(tally, surveys.score[k]!);
    }
    points.push({
      key: bucketKey(from, granularity, weekStartsOn),
      start: new Date(from),
      end: new Date(to),
      ...npsFromCounts(tally[0], tally[1], tally[2], confidence),
    });
    from = to;
  }
  return points;
}

import { bucketIndex, checkBucketCount } from "../core/bucketIndex";
import { addBuckets, bucketKey, bucketStart, checkGranularity, checkWeekStartsOn, type WeekStartsOn } from "../core/calendar";
import { readRange, type RangeOptions } from "../core/period";
import type { SurveyColumns } from "../input/surveyColumns";
import { emptyCounts, type ScoreCounts } from "./scoreCounts";

/** Options of the trend functions (`npsTrend`, `csatTrend`, `cesTrend`). */
export interface SurveyTrendOptions extends RangeOptions {
  readonly granularity: "week" | "month" | "quarter" | "year";
  /** First day of the week for weekly buckets (default 1, Monday: ISO weeks). */
  readonly weekStartsOn?: WeekStartsOn | undefined;
  readonly confidence?: number | undefined;
}

/** One calendar bucket `[start, end)` of a trend. */
export interface TrendBucket {
  /** `2024-W03`, `2024-01`, `2024-Q1` or `2024`. */
  readonly key: string;
  readonly start: Date;
  readonly end: Date;
}

/**
 * Score counts of one kind per calendar bucket (UTC), each bucket made into a result by `make`
 * (an empty bucket's counts are one shared array of zeros: read it, do not change it). Every bucket from the first answer's (or
 * `start`'s) to the last answer's (or the one before `end`) appears, in order, empty ones too;
 * with an open bound and no answer of the kind in range, the result is `[]`.
 *
 * @throws {RetentionOptionsError} on an unknown granularity, or more than `MAX_BUCKETS` buckets
 */
export function countScoresByBucket<T>(surveys: SurveyColumns, kind: number, options: SurveyTrendOptions, fn: string, make: (bucket: TrendBucket, counts: ScoreCounts) => T): T[] {
  const granularity = checkGranularity(options?.granularity, ["week", "month", "quarter", "year"], fn);
  const weekStartsOn = checkWeekStartsOn(options.weekStartsOn);
  const { start, end } = readRange(options);
  let first = Number.isFinite(start) ? start : Number.POSITIVE_INFINITY;
  let last = Number.isFinite(end) ? end - 1 : Number.NEGATIVE_INFINITY;
  for (let k = 0; k < surveys.count; k++) {
    const at = surveys.at[k]!;
    if (at < start || at >= end || surveys.kind[k] !== kind) continue;
    if (!Number.isFinite(start) && at < first) first = at;
    if (!Number.isFinite(end) && at > last) last = at;
  }
  let k = 0;
  const none = emptyCounts();
  return eachTrendBucket(first, last, granularity, weekStartsOn, Number.isFinite(end) ? "end" : "start", (bucket) => {
    const from = bucket.start.getTime();
    const to = bucket.end.getTime();
    let counts = none;
    while (k < surveys.count && surveys.at[k]! < from) k++;
    for (; k < surveys.count && surveys.at[k]! < to; k++) {
      const at = surveys.at[k]!;
      if (at < start || at >= end || surveys.kind[k] !== kind) continue;
      if (counts === none) counts = emptyCounts();
      counts[surveys.score[k]!]!++;
    }
    return make(bucket, counts);
  });
}

/**
 * Every calendar bucket from the one holding `first` to the one holding `last`, in order, each
 * made into a result by `make` (called once per bucket, oldest first); `[]` unless
 * first ≤ last. More than `MAX_BUCKETS` buckets is a `RetentionOptionsError` naming `option`.
 */
export function eachTrendBucket<T>(first: number, last: number, granularity: SurveyTrendOptions["granularity"], weekStartsOn: WeekStartsOn, option: string, make: (bucket: TrendBucket) => T): T[] {
  if (!(first <= last)) return [];
  checkBucketCount(option, bucketIndex(last, granularity, weekStartsOn) - bucketIndex(first, granularity, weekStartsOn) + 1, `${granularity} buckets`);
  const buckets: T[] = [];
  for (let from = bucketStart(first, granularity, weekStartsOn); from <= last; ) {
    const to = addBuckets(from, granularity, 1);
    buckets.push(make({ key: bucketKey(from, granularity, weekStartsOn), start: new Date(from), end: new Date(to) }));
    from = to;
  }
  return buckets;
}

import { addBuckets, bucketStart, checkGranularity, checkWeekStartsOn } from "../core/calendar";
import { readRange } from "../core/period";
import { readOptions } from "../input/readOptions";
import { npsFromCounts, readConfidence } from "../nps/npsFromCounts";
import type { NpsTrendOptions, NpsTrendPoint } from "../nps/npsTrend";
import { eachTrendBucket } from "../surveys/scoreTrend";
import { readNpsCountRows, type NpsCountRow } from "./npsCountRows";
import { rowError } from "./rowError";

/** Counts of one bucket, summed over the rows (and groups) that hold it. */
interface BucketCounts {
  readonly row: number;
  promoters: number;
  passives: number;
  detractors: number;
}

/**
 * `npsTrend` from the rows of `npsCountsSql` run with the same `granularity`, `weekStartsOn`
 * and range: the same points, value for value. Each bucket's counts are summed over its rows
 * (so a query split by `by` too serves the trend); every bucket from the first answer's (or
 * `start`'s) to the last one's (or the one before `end`) appears, an empty one with
 * `score: null`; NPS = 100 · (promoters − detractors) ÷ responses with its standard error and
 * interval at `confidence`, as `npsTrend`.
 *
 * @param rows - the query's rows (`period_start`, counts)
 * @param options - `npsTrend`'s options: granularity, start, end, weekStartsOn, confidence
 * @returns one point per bucket
 * @throws {RetentionInputError} naming `rows[i].field` for a bad value, a missing `period_start`,
 *   a `period_start` that is not a bucket start or lies outside the range, or `other_scores` > 0
 * @throws {RetentionOptionsError} on options `npsTrend` refuses
 * @example
 * npsTrendFromCounts([
 *   { period_start: "2024-01-01", promoters: 1, passives: 0, detractors: 0, other_scores: 0 },
 *   { period_start: "2024-03-01", promoters: 0, passives: 0, detractors: 1, other_scores: 0 },
 * ], { granularity: "month" })
 * //=> [{ key: "2024-01", score: 100, ... }, { key: "2024-02", score: null, ... }, { key: "2024-03", score: -100, ... }]
 */
export function npsTrendFromCounts(rows: readonly NpsCountRow[], options: NpsTrendOptions): NpsTrendPoint[] {
  options = readOptions(options, "npsTrendFromCounts");
  const confidence = readConfidence(options.confidence);
  const granularity = checkGranularity(options.granularity, ["week", "month", "quarter", "year"] as const, "npsTrendFromCounts");
  const weekStartsOn = checkWeekStartsOn(options.weekStartsOn);
  const { start, end } = readRange(options);
  const buckets = new Map<number, BucketCounts>();
  let first = Number.isFinite(start) ? start : Number.POSITIVE_INFINITY;
  let last = Number.isFinite(end) ? end - 1 : Number.NEGATIVE_INFINITY;
  readNpsCountRows(rows).forEach((row, index) => {
    const at = row.period_start;
    if (at === undefined || at === null) throw rowError(index, "period_start", "expected the bucket's start; run npsCountsSql with the granularity");
    if (bucketStart(at, granularity, weekStartsOn) !== at) throw rowError(index, "period_start", `expected the start of a ${granularity} (UTC), found ${new Date(at).toISOString()}`);
    if (row.promoters + row.passives + row.detractors === 0) return;
    let bucket = buckets.get(at);
    if (bucket === undefined) buckets.set(at, (bucket = { row: index, promoters: 0, passives: 0, detractors: 0 }));
    bucket.promoters += row.promoters;
    bucket.passives += row.passives;
    bucket.detractors += row.detractors;
    if (!Number.isFinite(start) && at < first) first = at;
    // The last answer lies somewhere in its bucket: its last instant stands for it (it may follow start).
    if (!Number.isFinite(end) && at > last) last = addBuckets(at, granularity, 1) - 1;
  });
  let used = 0;
  const points = eachTrendBucket(first, last, granularity, weekStartsOn, Number.isFinite(end) ? "end" : "start", (bucket) => {
    const counts = buckets.get(bucket.start.getTime());
    if (counts !== undefined) used++;
    return { ...bucket, ...npsFromCounts(counts?.promoters ?? 0, counts?.passives ?? 0, counts?.detractors ?? 0, confidence) };
  });
  if (used < buckets.size) {
    const shown = new Set(points.map((point) => point.start.getTime()));
    const outside = [...buckets].find(([at]) => !shown.has(at))!;
    throw rowError(outside[1].row, "period_start", `${new Date(outside[0]).toISOString()} lies outside the range [start, end); was the query run with another range?`);
  }
  return points;
}

import { bucketIndex, bucketIndexStart, checkBucketCount } from "../core/bucketIndex";
import { GRANULARITIES, bucketKey, checkGranularity, checkWeekStartsOn, type Granularity, type WeekStartsOn } from "../core/calendar";
import { readPeriod, type PeriodOptions } from "../core/period";
import { MAX_EPOCH_MS } from "../core/time";
import { RetentionOptionsError } from "../input/errors";

/** Options of a calendar series over `[start, end)`: `lifecycle` and `revenueMovements`. */
export interface PeriodSeriesOptions extends PeriodOptions {
  /** Calendar period (UTC): day, week, month, quarter or year. */
  readonly granularity: Granularity;
  /** First day of the week for weekly periods (default 1, Monday: ISO weeks). */
  readonly weekStartsOn?: WeekStartsOn | undefined;
}

/**
 * The whole calendar periods inside `[start, end)`, with the one period just before them.
 * `bounds[0]` is the start of that earlier period, `bounds[1]` the start of the first period
 * reported, and `bounds[i + 1]` the end of period `i` (so period `i` is `[bounds[i], bounds[i + 1])`,
 * period 0 being the earlier one). `keys[i]` labels period `i + 1`.
 */
export interface PeriodGrid {
  readonly granularity: Granularity;
  readonly weekStartsOn: WeekStartsOn;
  readonly bounds: Float64Array;
  readonly keys: readonly string[];
}

/**
 * Reads `{ granularity, start, end, weekStartsOn? }` and lays out the periods: the whole
 * buckets inside `[start, end)` (a partial bucket at either end is left out, as in
 * `retentionSeries`), plus the bucket before the first. No whole bucket fits: no periods,
 * only the bounds of the earlier one. At most `MAX_BUCKETS` periods (option `end`).
 *
 * @example
 * periodGrid({ granularity: "month", start: "2024-01-15", end: "2024-04-01" }, "lifecycle").keys
 * //=> ["2024-02", "2024-03"] (bounds: 2024-01-01, 2024-02-01, 2024-03-01, 2024-04-01)
 */
export function periodGrid(options: PeriodSeriesOptions, fn: string): PeriodGrid {
  const granularity = checkGranularity(options.granularity, GRANULARITIES, fn);
  const weekStartsOn = checkWeekStartsOn(options.weekStartsOn);
  const { start, end } = readPeriod(options, fn);
  let first = bucketIndex(start, granularity, weekStartsOn);
  if (bucketIndexStart(first, granularity, weekStartsOn) < start) first++;
  const last = bucketIndex(end, granularity, weekStartsOn);
  const count = Math.max(0, last - first);
  checkBucketCount("end", count, `${granularity} periods between start and end`);
  const bounds = new Float64Array(count + 2);
  const keys: string[] = [];
  for (let i = 0; i < bounds.length; i++) {
    const at = bucketIndexStart(first - 1 + i, granularity, weekStartsOn);
    if (!Number.isFinite(at) || Math.abs(at) > MAX_EPOCH_MS) {
      throw new RetentionOptionsError(i === 0 ? "start" : "end", `a ${granularity} period reaches past the dates a Date can hold (±8.64e15 ms, years −271821 to 275760)`);
    }
    bounds[i] = at;
    if (i >= 1 && i <= count) keys.push(bucketKey(at, granularity, weekStartsOn));
  }
  return { granularity, weekStartsOn, bounds, keys };
}

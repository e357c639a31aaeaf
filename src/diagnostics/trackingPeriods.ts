import { addBuckets, type Granularity } from "../core/calendar";
import { checkBucketCount } from "../core/bucketIndex";

/** Shortest length, in days, of a bucket of each granularity (for the bound checked before laying periods out). */
const MIN_DAYS: Readonly<Record<Granularity, number>> = { day: 1, week: 7, month: 28, quarter: 89, year: 365 };

/**
 * The period boundaries of a tracking series: `origin`, then `origin` plus 1, 2, … buckets of
 * `granularity` (calendar arithmetic in UTC, anchored at the origin, so weeks are the 7-day
 * blocks from the first entry, as in the BTYD walkthrough), the last one cut at `end`. Returns
 * the boundaries as epoch ms, `periods + 1` of them.
 *
 * @throws {RetentionOptionsError} (option `end`) when there would be more than `MAX_BUCKETS` periods
 */
export function trackingBoundaries(origin: number, end: number, granularity: Granularity): Float64Array {
  checkBucketCount("end", Math.ceil((end - origin) / (MIN_DAYS[granularity] * 86_400_000)), `${granularity} periods`);
  const bounds: number[] = [origin];
  for (let k = 1; bounds[bounds.length - 1]! < end; k++) bounds.push(Math.min(addBuckets(origin, granularity, k), end));
  return Float64Array.from(bounds);
}

import type { Granularity, WeekStartsOn } from "../core/calendar";
import type { Ledger } from "../input/ledger";
import { bucketIndex, bucketIndexStart, checkBucketCount, MAX_COHORT_CELLS } from "../core/bucketIndex";

/** Which customers form which cohort, and where each cohort's cells live in a flat array. */
export interface CohortLayout {
  /** Per customer: the cohort (row) they belong to, or -1 when they are in none shown. */
  readonly cohortOf: Int32Array;
  /** Per cohort, in time order: the bucket index of its acquisition bucket. */
  readonly bucket: readonly number[];
  /** Per cohort: number of customers. */
  readonly size: Uint32Array;
  /** Per cohort: index of its offset-0 cell; its cells are `cellStart[r] .. cellStart[r + 1]`. */
  readonly cellStart: Uint32Array;
  /** Index of the first bucket that has not ended at `asOf` (observed buckets are below it). */
  readonly limit: number;
}

/**
 * Puts every customer with a first activity into the cohort of its bucket and lays out the
 * observed cells: cohort r has offsets 0 … limit − bucket[r] − 1. Only cohorts whose bucket
 * has ended by `asOf`, whose start lies in `[from, to)` and that have customers are kept.
 * Before it allocates the cells it throws `RetentionOptionsError` (option `asOf`) when the
 * offsets span more than `MAX_BUCKETS` buckets or the table more than `MAX_COHORT_CELLS` cells.
 */
export function cohortLayout(
  ledger: Ledger,
  granularity: Granularity,
  weekStartsOn: WeekStartsOn,
  asOf: number,
  from: number,
  to: number,
): CohortLayout {
  const limit = bucketIndex(asOf, granularity, weekStartsOn);
  const customerCount = ledger.customerIds.length;
  const customerBucket = new Float64Array(customerCount);
  const sizeByBucket = new Map<number, number>();
  for (let c = 0; c < customerCount; c++) {
    const first = ledger.firstActivity[c]!;
    customerBucket[c] = Number.NaN;
    if (!Number.isFinite(first)) continue;
    const b = bucketIndex(first, granularity, weekStartsOn);
    if (b >= limit) continue;
    customerBucket[c] = b;
    sizeByBucket.set(b, (sizeByBucket.get(b) ?? 0) + 1);
  }
  // Buckets starting outside [from, to) are dropped once per bucket, not once per customer.
  const bucket = [...sizeByBucket.keys()]
    .filter((b) => {
      const start = bucketIndexStart(b, granularity, weekStartsOn);
      return start >= from && start < to;
    })
    .sort((a, b) => a - b);
  const cellStart = cohortCellStarts(bucket, limit, granularity);
  const rowOfBucket = new Map<number, number>();
  const size = new Uint32Array(bucket.length);
  bucket.forEach((b, r) => {
    rowOfBucket.set(b, r);
    size[r] = sizeByBucket.get(b)!;
  });
  const cohortOf = new Int32Array(customerCount).fill(-1);
  for (let c = 0; c < customerCount; c++) {
    const b = customerBucket[c]!;
    if (!Number.isNaN(b)) cohortOf[c] = rowOfBucket.get(b) ?? -1;
  }
  return { cohortOf, bucket, size, cellStart, limit };
}

/**
 * Where each cohort's cells start in the flat cell array: cohort r (acquisition bucket
 * `bucket[r]`, ascending) has offsets 0 … limit − bucket[r] − 1, and the last entry is the
 * total. Throws `RetentionOptionsError` (option `asOf`) first when the offsets span more than
 * `MAX_BUCKETS` buckets or the table more than `MAX_COHORT_CELLS` cells.
 */
export function cohortCellStarts(bucket: readonly number[], limit: number, granularity: Granularity): Uint32Array {
  if (bucket.length > 0) checkBucketCount("asOf", limit - bucket[0]!, `${granularity} offsets (from the first cohort to asOf)`);
  let cells = 0;
  for (const b of bucket) cells += limit - b;
  checkBucketCount("asOf", cells, `${granularity} cohort cells (cohorts × observed offsets)`, MAX_COHORT_CELLS);
  const cellStart = new Uint32Array(bucket.length + 1);
  bucket.forEach((b, r) => {
    cellStart[r + 1] = cellStart[r]! + (limit - b);
  });
  return cellStart;
}

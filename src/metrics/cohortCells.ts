import type { Granularity, WeekStartsOn } from "../core/calendar";
import { lowerBound } from "../core/search";
import type { Ledger } from "../input/ledger";
import { bucketIndex, bucketIndexStart } from "../core/bucketIndex";
import type { CohortLayout } from "./cohortBuckets";

/** How cells are counted: distinct buyers per bucket, buyers on or after, or net revenue units. */
export type CellKind = "return-on" | "return-on-or-after" | "revenue";

/**
 * Fills the flat cell array of `layout` in one pass over the time-sorted purchase rows
 * (rows are sorted, so the bucket index is recomputed only when a row crosses a bucket end):
 * - `return-on`: customers with an order in the bucket (each counted once per bucket);
 * - `return-on-or-after`: customers whose last order before `asOf` is in that bucket or later
 *   (an order in the unfinished bucket counts for every observed offset);
 * - `revenue`: net amount units (refunds included) of the cohort's rows in the bucket.
 */
export function cohortCells(
  ledger: Ledger,
  layout: CohortLayout,
  kind: CellKind,
  granularity: Granularity,
  weekStartsOn: WeekStartsOn,
  asOf: number,
): Float64Array {
  const { purchases } = ledger;
  const { cohortOf, bucket, cellStart, limit } = layout;
  const cells = new Float64Array(cellStart[bucket.length]!);
  const last = new Int32Array(ledger.customerIds.length).fill(-0x80000000);
  const end = kind === "return-on-or-after" ? asOf : bucketIndexStart(limit, granularity, weekStartsOn);
  const rows = lowerBound(purchases.at, end);
  // A row before the first cohort's bucket is at a negative offset of every cohort: skip them all.
  const first = bucket.length === 0 ? rows : lowerBound(purchases.at, bucketIndexStart(bucket[0]!, granularity, weekStartsOn));
  let current = 0;
  let next = Number.NEGATIVE_INFINITY;
  for (let k = first; k < rows; k++) {
    const at = purchases.at[k]!;
    if (at >= next) {
      current = bucketIndex(at, granularity, weekStartsOn);
      next = bucketIndexStart(current + 1, granularity, weekStartsOn);
    }
    const c = purchases.customer[k]!;
    const r = cohortOf[c]!;
    if (r < 0) continue;
    const offset = current - bucket[r]!;
    if (offset < 0) continue;
    if (kind === "revenue") {
      cells[cellStart[r]! + offset]! += purchases.amountUnits[k]!;
    } else if (purchases.orderStart[k] === 1 && last[c] !== current) {
      last[c] = current;
      if (kind === "return-on") cells[cellStart[r]! + offset]!++;
    }
  }
  if (kind === "return-on-or-after") countOnOrAfter(cells, layout, last);
  return cells;
}

/** Histogram of each customer's last observed offset, then suffix sums within each cohort. */
function countOnOrAfter(cells: Float64Array, layout: CohortLayout, last: Int32Array): void {
  const { cohortOf, bucket, cellStart, limit } = layout;
  for (let c = 0; c < cohortOf.length; c++) {
    const r = cohortOf[c]!;
    if (r < 0 || last[c] === -0x80000000) continue;
    const offset = Math.min(last[c]!, limit - 1) - bucket[r]!;
    if (offset >= 0) cells[cellStart[r]! + offset]!++;
  }
  for (let r = 0; r < bucket.length; r++) {
    for (let i = cellStart[r + 1]! - 2; i >= cellStart[r]!; i--) cells[i]! += cells[i + 1]!;
  }
}

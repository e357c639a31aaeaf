import { bucketKey } from "../core/calendar";
import { unitsToDecimal } from "../core/money";
import { bucketIndexStart } from "../core/bucketIndex";
import { normalQuantile } from "../core/special/normalQuantile";
import { wilsonBounds } from "../stats/wilsonBounds";
import { cohortCurve } from "./cohortCurve";
import type { ReadCohortOptions } from "./cohortOptions";
import type { CohortRetention, CohortRow } from "./cohortRetention";

/** The cohorts of a table and their cells, however they were counted (a ledger, or a warehouse's counts). */
export interface CohortCells {
  /** Per cohort, in time order: the bucket index of its acquisition bucket. */
  readonly bucket: readonly number[];
  /** Per cohort: its customers. */
  readonly size: ArrayLike<number>;
  /** Per cohort: index of its offset-0 cell in `cells`; its cells are `cellStart[r] .. cellStart[r + 1]`. */
  readonly cellStart: Uint32Array;
  /** Customers per cell, or net revenue in `10^-moneyScale` units for the `revenue` measure. */
  readonly cells: Float64Array;
  /** Decimal places of the revenue units. */
  readonly moneyScale: number;
}

/**
 * The `cohortRetention` result of counted cells: each cohort's key, bounds, values and rates
 * (customers: cell ÷ size; revenue: cell ÷ offset-0 cell, `null` unless that is positive), the
 * Wilson intervals when `interval` asks for them, and the customer-weighted average curve.
 */
export function cohortTable(counted: CohortCells, options: ReadCohortOptions): CohortRetention {
  const { granularity, asOf, measure, mode, weekStartsOn, interval } = options;
  const { bucket, size: sizes, cellStart, cells, moneyScale } = counted;
  const z = interval === null ? 0 : normalQuantile(1 - (1 - interval) / 2);
  const cohorts: CohortRow[] = [];
  const curveRows = bucket.map((b, r) => {
    const size = sizes[r]!;
    const counts = Array.from(cells.subarray(cellStart[r]!, cellStart[r + 1]!));
    const base = counts[0] ?? 0;
    const rates = counts.map((cell) => (measure === "customers" ? cell / size : base <= 0 ? null : cell / base));
    const start = bucketIndexStart(b, granularity, weekStartsOn);
    cohorts.push({
      key: bucketKey(start, granularity, weekStartsOn),
      start: new Date(start),
      end: new Date(bucketIndexStart(b + 1, granularity, weekStartsOn)),
      size,
      values: measure === "customers" ? counts : counts.map((units) => unitsToDecimal(units, moneyScale)),
      rates,
      ...(interval === null ? {} : { intervals: counts.map((cell) => wilsonBounds(cell, size, z)) }),
    });
    return { size, rates, counts: measure === "customers" ? counts : undefined };
  });
  return { granularity, measure, mode, asOf: new Date(asOf), cohorts, curve: cohortCurve(curveRows), ...(interval === null ? {} : { interval }) };
}

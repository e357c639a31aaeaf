import type { Ledger } from "../input/ledger";
import { customerMajorPurchases } from "../input/customerMajorPurchases";
import { GapBuffer, YEAR_MS, medianOfSorted } from "./gaps";

/** Per-customer order facts as of an instant, as typed columns indexed like `ledger.customerIds`. */
export interface OrderSummary {
  /** Orders at or before `asOf`. */
  readonly orders: Uint32Array;
  /** Distinct UTC days with an order at or before `asOf`. */
  readonly visits: Uint32Array;
  /** Last order instant (epoch ms); `NaN` without orders. */
  readonly lastOrderAt: Float64Array;
  /** Median gap between visits in days (each gap at least `minGapDays`); `NaN` with fewer than 2 visits. */
  readonly medianGapDays: Float64Array;
  /** Net amount units of rows in (lastOrder − 365 days, asOf]; 0 without orders. */
  readonly annualUnits: Float64Array;
  /** Median of the repeat buyers' `medianGapDays`; `null` when nobody has 2 visits. */
  readonly populationMedianGapDays: number | null;
  readonly repeatCustomers: number;
}

/**
 * One pass over every customer's purchase rows (in time order, up to `asOf` inclusive, read from
 * the customer-major copy so memory is read in sequence): counts orders and visit days, takes the
 * median of the day gaps between visits (gaps below `minGapDays` count as `minGapDays`) and sums
 * the 365-day value before the last order.
 */
export function summarizeOrders(ledger: Ledger, asOf: number, minGapDays: number): OrderSummary {
  const n = ledger.customerIds.length;
  const { offsets, at, amountUnits, orderStart } = customerMajorPurchases(ledger);
  const orders = new Uint32Array(n);
  const visits = new Uint32Array(n);
  const lastOrderAt = new Float64Array(n).fill(Number.NaN);
  const medianGapDays = new Float64Array(n).fill(Number.NaN);
  const annualUnits = new Float64Array(n);
  const medians = new Float64Array(n);
  const gaps = new GapBuffer(minGapDays);
  let repeatCustomers = 0;
  for (let c = 0; c < n; c++) {
    const from = offsets[c]!;
    const stop = offsets[c + 1]!;
    let end = from;
    let count = 0;
    let last = Number.NaN;
    gaps.reset();
    for (; end < stop; end++) {
      const t = at[end]!;
      if (t > asOf) break;
      if (orderStart[end] === 0) continue;
      count++;
      last = t;
      gaps.visit(t);
    }
    if (count === 0) continue;
    orders[c] = count;
    lastOrderAt[c] = last;
    visits[c] = gaps.visits;
    const windowFrom = last - YEAR_MS;
    let units = 0;
    for (let p = end - 1; p >= from && at[p]! > windowFrom; p--) units += amountUnits[p]!;
    annualUnits[c] = units;
    if (gaps.visits > 1) {
      const median = gaps.median();
      medianGapDays[c] = median;
      medians[repeatCustomers++] = median;
    }
  }
  const population = medianOfSorted(medians.subarray(0, repeatCustomers).sort());
  return {
    orders,
    visits,
    lastOrderAt,
    medianGapDays,
    annualUnits,
    populationMedianGapDays: repeatCustomers === 0 ? null : population,
    repeatCustomers,
  };
}

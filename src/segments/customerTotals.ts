import { customerMajorPurchases } from "../input/customerMajorPurchases";
import type { Ledger } from "../input/ledger";

/** Per-customer totals as of an instant, indexed like `ledger.customerIds` (internal). */
export interface CustomerTotals {
  /** Orders at or before `asOf`. */
  readonly orders: Uint32Array;
  /** Net amount units (refunds included) of rows at or before `asOf`. */
  readonly revenueUnits: Float64Array;
  /** Last order instant; `NaN` without orders. */
  readonly lastOrderAt: Float64Array;
  /** Customers with at least one order at or before `asOf`. */
  readonly buyers: number;
}

/**
 * Orders, net revenue and last order of every customer over the purchase rows at or before
 * `asOf` (`Infinity` for all rows): one pass over each customer's rows, read in sequence from
 * the customer-major copy.
 */
export function customerTotals(ledger: Ledger, asOf: number): CustomerTotals {
  const n = ledger.customerIds.length;
  const { offsets, at, amountUnits, orderStart } = customerMajorPurchases(ledger);
  const orders = new Uint32Array(n);
  const revenueUnits = new Float64Array(n);
  const lastOrderAt = new Float64Array(n).fill(Number.NaN);
  let buyers = 0;
  for (let c = 0; c < n; c++) {
    const stop = offsets[c + 1]!;
    let count = 0;
    let units = 0;
    let last = Number.NaN;
    for (let p = offsets[c]!; p < stop && at[p]! <= asOf; p++) {
      units += amountUnits[p]!;
      if (orderStart[p] === 0) continue;
      count++;
      last = at[p]!;
    }
    revenueUnits[c] = units;
    orders[c] = count;
    lastOrderAt[c] = last;
    if (count > 0) buyers++;
  }
  return { orders, revenueUnits, lastOrderAt, buyers };
}

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
 * `asOf` (`Infinity` for all rows): one pass over the time-sorted columns.
 */
export function customerTotals(ledger: Ledger, asOf: number): CustomerTotals {
  const n = ledger.customerIds.length;
  const { at, amountUnits, orderStart, customer } = ledger.purchases;
  const orders = new Uint32Array(n);
  const revenueUnits = new Float64Array(n);
  const lastOrderAt = new Float64Array(n).fill(Number.NaN);
  let buyers = 0;
  for (let k = 0; k < at.length && at[k]! <= asOf; k++) {
    const c = customer[k]!;
    revenueUnits[c]! += amountUnits[k]!;
    if (orderStart[k] === 0) continue;
    if (orders[c]!++ === 0) buyers++;
    lastOrderAt[c] = at[k]!;
  }
  return { orders, revenueUnits, lastOrderAt, buyers };
}

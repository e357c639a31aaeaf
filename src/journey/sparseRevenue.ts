import type { Ledger } from "../input/ledger";

/**
 * Net revenue per customer over one range of purchase rows, with the list of customers who
 * have a row there, so that a series of periods costs O(rows) rather than O(customers) per
 * period: only listed entries are read and cleared.
 */
export interface SparseRevenue {
  /** Net revenue per customer index, in `10^-moneyScale` units; 0 for unlisted customers. */
  readonly units: Float64Array;
  /** The first `count` entries are the customers with a row in the range. */
  readonly listed: Uint32Array;
  readonly isListed: Uint8Array;
  count: number;
}

/** An empty `SparseRevenue` for `customers` customers. */
export function sparseRevenue(customers: number): SparseRevenue {
  return { units: new Float64Array(customers), listed: new Uint32Array(customers), isListed: new Uint8Array(customers), count: 0 };
}

/** Clears `into`, then sums the purchase rows `[from, to)` (refunds included) into it. */
export function fillRevenue(into: SparseRevenue, ledger: Ledger, from: number, to: number): void {
  for (let i = 0; i < into.count; i++) {
    const c = into.listed[i]!;
    into.units[c] = 0;
    into.isListed[c] = 0;
  }
  into.count = 0;
  const { customer, amountUnits } = ledger.purchases;
  for (let k = from; k < to; k++) {
    const c = customer[k]!;
    if (into.isListed[c] === 0) {
      into.isListed[c] = 1;
      into.listed[into.count++] = c;
    }
    into.units[c]! += amountUnits[k]!;
  }
}

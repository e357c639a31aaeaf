import { lowerBound } from "../core/search";
import type { Ledger } from "../input/ledger";
import type { TimeAxis } from "./timeAxis";

/** Per customer (indexed like `Ledger.customerIds`): what the purchases in (from, to] hold. */
export interface CustomerScans {
  /** Transactions: distinct keys (UTC days or calendar buckets) with at least one non-refund purchase. */
  readonly transactions: Uint32Array;
  readonly firstKey: Float64Array;
  readonly lastKey: Float64Array;
  /** Sum of the values of the transactions after the first (same-key rows summed, refunds included), in money units. */
  readonly repeatUnits: Float64Array;
  /** Sum of every transaction's value, in money units. */
  readonly transactionUnits: Float64Array;
  /** Sum of every row, refunds included, in money units. */
  readonly revenueUnits: Float64Array;
  /** Orders opened (see `Ledger.purchases.orderStart`). */
  readonly orders: Uint32Array;
  /** First and last non-refund purchase instants (epoch ms); NaN when none. */
  readonly firstAt: Float64Array;
  readonly lastAt: Float64Array;
}

/**
 * One sequential pass over the time-sorted purchases with `from < at ≤ to`, collapsing each
 * customer's rows with the same transaction key (UTC day, or calendar bucket) into one
 * transaction whose value is their sum. A key with only refunds is not a transaction (its
 * amounts still count in revenue). Reading the columns in order, rather than customer by
 * customer, keeps the memory access sequential on large ledgers.
 */
export function scanCustomers(ledger: Ledger, from: number, to: number, axis: TimeAxis): CustomerScans {
  const n = ledger.customerIds.length;
  const { at, amountUnits, orderStart, customer } = ledger.purchases;
  const scans: CustomerScans = {
    transactions: new Uint32Array(n),
    firstKey: new Float64Array(n).fill(Number.NaN),
    lastKey: new Float64Array(n).fill(Number.NaN),
    repeatUnits: new Float64Array(n),
    transactionUnits: new Float64Array(n),
    revenueUnits: new Float64Array(n),
    orders: new Uint32Array(n),
    firstAt: new Float64Array(n).fill(Number.NaN),
    lastAt: new Float64Array(n).fill(Number.NaN),
  };
  const openKey = new Float64Array(n).fill(Number.NaN);
  const openUnits = new Float64Array(n);
  const openBought = new Uint8Array(n);
  const close = (c: number): void => {
    if (openBought[c] === 0) return;
    const units = openUnits[c]!;
    if (scans.transactions[c] === 0) scans.firstKey[c] = openKey[c]!;
    else scans.repeatUnits[c]! += units;
    scans.transactionUnits[c]! += units;
    scans.lastKey[c] = openKey[c]!;
    scans.transactions[c]!++;
  };
  const start = from === Number.NEGATIVE_INFINITY ? 0 : lowerBound(at, from);
  const key = axis.key;
  for (let k = start; k < at.length; k++) {
    const time = at[k]!;
    if (time <= from) continue;
    if (time > to) break;
    const c = customer[k]!;
    const amount = amountUnits[k]!;
    scans.revenueUnits[c]! += amount;
    scans.orders[c]! += orderStart[k]!;
    const rowKey = key(time);
    if (rowKey !== openKey[c]) {
      close(c);
      openKey[c] = rowKey;
      openUnits[c] = 0;
      openBought[c] = 0;
    }
    openUnits[c]! += amount;
    if (amount >= 0) {
      openBought[c] = 1;
      if (Number.isNaN(scans.firstAt[c]!)) scans.firstAt[c] = time;
      scans.lastAt[c] = time;
    }
  }
  for (let c = 0; c < n; c++) close(c);
  return scans;
}

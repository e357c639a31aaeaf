import { customerMajorPurchases } from "../input/customerMajorPurchases";
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
 * One pass over each customer's purchases with `from < at ≤ to` (read in sequence from the
 * customer-major copy), collapsing the customer's rows with the same transaction key (UTC day,
 * or calendar bucket) into one transaction whose value is their sum. A key with only refunds is
 * not a transaction (its amounts still count in revenue).
 */
export function scanCustomers(ledger: Ledger, from: number, to: number, axis: TimeAxis): CustomerScans {
  const n = ledger.customerIds.length;
  const { offsets, at, amountUnits, orderStart } = customerMajorPurchases(ledger);
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
  const key = axis.key;
  for (let c = 0; c < n; c++) {
    let start = offsets[c]!;
    const stop = offsets[c + 1]!;
    while (start < stop && at[start]! <= from) start++;
    let end = start;
    while (end < stop && at[end]! <= to) end++;
    if (start === end) continue;
    let transactions = 0;
    let firstKey = Number.NaN;
    let lastKey = Number.NaN;
    let repeatUnits = 0;
    let transactionUnits = 0;
    let revenueUnits = 0;
    let orders = 0;
    let firstAt = Number.NaN;
    let lastAt = Number.NaN;
    let openKey = Number.NaN;
    let openUnits = 0;
    let openBought = false;
    // Position `end` closes the last open key: NaN differs from every key.
    for (let p = start; p <= end; p++) {
      const rowKey = p === end ? Number.NaN : key(at[p]!);
      if (rowKey !== openKey) {
        if (openBought) {
          if (transactions === 0) firstKey = openKey;
          else repeatUnits += openUnits;
          transactionUnits += openUnits;
          lastKey = openKey;
          transactions++;
        }
        if (p === end) break;
        openKey = rowKey;
        openUnits = 0;
        openBought = false;
      }
      const amount = amountUnits[p]!;
      revenueUnits += amount;
      orders += orderStart[p]!;
      openUnits += amount;
      if (amount >= 0) {
        openBought = true;
        if (Number.isNaN(firstAt)) firstAt = at[p]!;
        lastAt = at[p]!;
      }
    }
    scans.transactions[c] = transactions;
    scans.firstKey[c] = firstKey;
    scans.lastKey[c] = lastKey;
    scans.repeatUnits[c] = repeatUnits;
    scans.transactionUnits[c] = transactionUnits;
    scans.revenueUnits[c] = revenueUnits;
    scans.orders[c] = orders;
    scans.firstAt[c] = firstAt;
    scans.lastAt[c] = lastAt;
  }
  return scans;
}

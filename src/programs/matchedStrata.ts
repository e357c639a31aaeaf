import { bucketIndex } from "../core/bucketIndex";
import { lowerBound } from "../core/search";
import type { Ledger } from "../input/ledger";

/** Per customer: the stratum it is matched in (-1 when it has no order before `start`), and the number of strata. */
export interface Strata {
  readonly stratum: Int32Array;
  readonly count: number;
}

/**
 * The matching cells of the baseline: customers with an order before `start`, grouped by the UTC
 * month of their first order and the decile of their net revenue in the pre-period `[preStart, start)`
 * (decile d = ⌊10 · #{customers with less revenue} ÷ n⌋, so tied customers share a decile). With
 * `matched` false, every such customer is in one stratum (the unadjusted comparison).
 */
export function matchedStrata(ledger: Ledger, preStart: number, start: number, matched: boolean): Strata {
  const n = ledger.customerIds.length;
  const firstOrder = firstOrders(ledger, start);
  const preRevenue = new Float64Array(n);
  const { at, customer, amountUnits } = ledger.purchases;
  const last = lowerBound(at, start);
  for (let k = lowerBound(at, preStart); k < last; k++) preRevenue[customer[k]!]! += amountUnits[k]!;
  const stratum = new Int32Array(n).fill(-1);
  let eligible = 0;
  for (let c = 0; c < n; c++) if (!Number.isNaN(firstOrder[c]!)) eligible++;
  if (!matched) {
    for (let c = 0; c < n; c++) if (!Number.isNaN(firstOrder[c]!)) stratum[c] = 0;
    return { stratum, count: eligible === 0 ? 0 : 1 };
  }
  const sorted = new Float64Array(eligible);
  for (let c = 0, j = 0; c < n; c++) if (!Number.isNaN(firstOrder[c]!)) sorted[j++] = preRevenue[c]!;
  sorted.sort();
  const cells = new Map<number, number>();
  for (let c = 0; c < n; c++) {
    const first = firstOrder[c]!;
    if (Number.isNaN(first)) continue;
    const month = bucketIndex(first, "month");
    const decile = Math.floor((10 * lowerBound(sorted, preRevenue[c]!)) / eligible);
    const key = month * 10 + decile;
    let cell = cells.get(key);
    if (cell === undefined) cells.set(key, (cell = cells.size));
    stratum[c] = cell;
  }
  return { stratum, count: cells.size };
}

/** Per customer, the time of their first order when it is before `start`, else NaN (their rows are in time order). */
function firstOrders(ledger: Ledger, start: number): Float64Array {
  const { offsets, rows } = ledger.purchasesByCustomer;
  const { at, orderStart } = ledger.purchases;
  const first = new Float64Array(ledger.customerIds.length).fill(Number.NaN);
  for (let c = 0; c < first.length; c++) {
    for (let i = offsets[c]!; i < offsets[c + 1]!; i++) {
      const k = rows[i]!;
      if (at[k]! >= start) break;
      if (orderStart[k] === 1) {
        first[c] = at[k]!;
        break;
      }
    }
  }
  return first;
}

import { lowerBound } from "../core/search";
import type { Ledger } from "../input/ledger";

/**
 * Net revenue per customer index in `[start, end)`, in `10^-moneyScale` units (refunds
 * included). Reads only the rows in range: the purchase columns are sorted by time.
 */
export function revenueByCustomer(ledger: Ledger, start: number, end: number): Float64Array {
  const { purchases } = ledger;
  const units = new Float64Array(ledger.customerIds.length);
  const last = lowerBound(purchases.at, end);
  for (let k = lowerBound(purchases.at, start); k < last; k++) {
    units[purchases.customer[k]!]! += purchases.amountUnits[k]!;
  }
  return units;
}

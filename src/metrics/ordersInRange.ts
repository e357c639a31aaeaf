import { lowerBound } from "../core/search";
import type { Ledger } from "../input/ledger";

/** Orders and revenue inside `[start, end)`: one pass over the rows in range. */
export interface OrdersInRange {
  /** Orders per customer index. */
  readonly ordersByCustomer: Uint32Array;
  /** Customers with at least one order. */
  readonly customers: number;
  /** Customers with at least two orders. */
  readonly repeatCustomers: number;
  readonly orders: number;
  /** Net revenue (refunds included) in `10^-moneyScale` units. */
  readonly revenueUnits: number;
}

/** Counts orders per customer and sums revenue over the purchase rows in `[start, end)`. */
export function ordersInRange(ledger: Ledger, start: number, end: number): OrdersInRange {
  const { purchases } = ledger;
  const ordersByCustomer = new Uint32Array(ledger.customerIds.length);
  let customers = 0;
  let repeatCustomers = 0;
  let orders = 0;
  let revenueUnits = 0;
  const last = lowerBound(purchases.at, end);
  for (let k = lowerBound(purchases.at, start); k < last; k++) {
    revenueUnits += purchases.amountUnits[k]!;
    if (purchases.orderStart[k] === 0) continue;
    orders++;
    const count = ++ordersByCustomer[purchases.customer[k]!]!;
    if (count === 1) customers++;
    else if (count === 2) repeatCustomers++;
  }
  return { ordersByCustomer, customers, repeatCustomers, orders, revenueUnits };
}

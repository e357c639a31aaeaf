import { readRange, type Range, type RangeOptions } from "../core/period";
import { toLedger, type MetricInput } from "../input/toLedger";
import { ordersInRange } from "./ordersInRange";
import { readOptions } from "../input/readOptions";

/** Share of buying customers who bought at least twice. */
export interface RepeatPurchaseRate {
  /** repeatCustomers / customers, or `null` when nobody ordered in range. */
  readonly rate: number | null;
  readonly repeatCustomers: number;
  readonly customers: number;
  readonly range: Range;
}

/**
 * Share of customers with at least two orders in a range.
 *
 * rate = customers with ≥ 2 orders ÷ customers with ≥ 1 order. An order is a distinct
 * `orderId`, else a purchase row; refunds are not orders. Matches the "repeat customer
 * rate" of Shopify-style analytics.
 *
 * @param input - purchases, `{ purchases }`, or a prepared `Ledger`
 * @param options - optional `[start, end)` range (UTC)
 * @returns the rate (`null` when there are no customers) and the counts behind it
 * @throws {RetentionInputError} when a purchase row is invalid (names the row and field)
 * @example
 * repeatPurchaseRate([{ customerId: "a", at: "2024-01-01", amount: "5" },
 *                     { customerId: "a", at: "2024-02-01", amount: "5" },
 *                     { customerId: "b", at: "2024-01-03", amount: "9" }])
 * //=> { rate: 0.5, repeatCustomers: 1, customers: 2, range: { start: null, end: null } }
 */
export function repeatPurchaseRate(input: MetricInput, options: RangeOptions = {}): RepeatPurchaseRate {
  options = readOptions(options, "repeatPurchaseRate");
  const ledger = toLedger(input);
  const { start, end, range } = readRange(options);
  const { customers, repeatCustomers } = ordersInRange(ledger, start, end);
  return { rate: customers === 0 ? null : repeatCustomers / customers, repeatCustomers, customers, range };
}

import { readRange, type Range, type RangeOptions } from "../core/period";
import { toLedger, type MetricInput } from "../input/toLedger";
import { ordersInRange } from "./ordersInRange";
import { readOptions } from "../input/readOptions";

/** Orders per buying customer. */
export interface PurchaseFrequency {
  /** orders / customers, or `null` when nobody ordered in range. */
  readonly value: number | null;
  readonly orders: number;
  readonly customers: number;
  readonly range: Range;
}

/**
 * Average number of orders per customer who ordered in a range.
 *
 * value = orders ÷ customers with ≥ 1 order. An order is a distinct `orderId`, else a
 * purchase row; refunds are not orders. The "purchase frequency" of the classic
 * CLV = AOV × frequency × lifespan decomposition.
 *
 * @param input - purchases, `{ purchases }`, or a prepared `Ledger`
 * @param options - optional `[start, end)` range (UTC)
 * @returns the value (`null` when there are no customers) with its counts
 * @throws {RetentionInputError} when a purchase row is invalid
 * @example
 * purchaseFrequency([{ customerId: "a", at: "2024-01-01", amount: "5" },
 *                    { customerId: "a", at: "2024-02-01", amount: "5" },
 *                    { customerId: "b", at: "2024-01-03", amount: "9" }])
 * //=> { value: 1.5, orders: 3, customers: 2, range: { start: null, end: null } }
 */
export function purchaseFrequency(input: MetricInput, options: RangeOptions = {}): PurchaseFrequency {
  options = readOptions(options, "purchaseFrequency");
  const ledger = toLedger(input);
  const { start, end, range } = readRange(options);
  const { orders, customers } = ordersInRange(ledger, start, end);
  return { value: customers === 0 ? null : orders / customers, orders, customers, range };
}

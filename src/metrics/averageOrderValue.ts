import { Decimal, unitsToDecimal } from "../core/money";
import { readRange, type Range, type RangeOptions } from "../core/period";
import { toLedger, type MetricInput } from "../input/toLedger";
import { ordersInRange } from "./ordersInRange";
import { readOptions } from "../input/readOptions";

/** Revenue per order. */
export interface AverageOrderValue {
  /** revenue / orders, rounded half-even to the money's decimal places (at least 2); `null` without orders. */
  readonly value: Decimal | null;
  /** Net revenue in range, refunds included, exact. */
  readonly revenue: Decimal;
  readonly orders: number;
  readonly currency: string | null;
  readonly range: Range;
}

/**
 * Average order value: net revenue ÷ orders in a range.
 *
 * value = Σ amount ÷ orders. Revenue is net of refunds in the range and exact to the
 * cent for any number of rows (integer minor units); refunds are not orders.
 *
 * @param input - purchases, `{ purchases }`, or a prepared `Ledger`
 * @param options - optional `[start, end)` range (UTC)
 * @returns the value (`null` when there are no orders), the exact revenue and the order count
 * @throws {RetentionInputError} when a purchase row is invalid
 * @example
 * averageOrderValue([{ customerId: "a", at: "2024-01-01", amount: "10.00" },
 *                    { customerId: "b", at: "2024-01-02", amount: "5.02" }])
 * //=> { value: Decimal("7.51"), revenue: Decimal("15.02"), orders: 2, ... }
 */
export function averageOrderValue(input: MetricInput, options: RangeOptions = {}): AverageOrderValue {
  options = readOptions(options, "averageOrderValue");
  const ledger = toLedger(input);
  const { start, end, range } = readRange(options);
  const { orders, revenueUnits } = ordersInRange(ledger, start, end);
  const revenue = unitsToDecimal(revenueUnits, ledger.moneyScale);
  const places = Math.max(ledger.moneyScale, 2);
  const value = orders === 0 ? null : revenue.div(orders).toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN);
  return { value, revenue, orders, currency: ledger.currency, range };
}

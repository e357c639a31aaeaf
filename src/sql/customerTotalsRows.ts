import type { CustomerTotals } from "../segments/customerTotals";
import { IssueCollector } from "../input/errors";
import { byCustomer } from "./customerRows";
import { moneyUnits } from "./moneyUnits";

/** The per-customer fields `CustomerTotals` is built from (validated rows). */
export interface TotalsRow {
  readonly customer_id: string;
  readonly orders: number;
  readonly last_order_at: number | null;
  readonly revenue: string;
}

/** Customer ids in id order with their totals, as a ledger would give them (internal). */
export interface RowTotals {
  readonly customerIds: readonly string[];
  readonly moneyScale: number;
  readonly totals: CustomerTotals;
  /** The position in the rows of each customer. */
  readonly rowOf: readonly number[];
}

/**
 * The `CustomerTotals` of validated rows, in customer-id order: orders, last order and revenue
 * in integer units of the rows' own money scale. A customer with orders needs `last_order_at`,
 * at or before `asOf` when given; a repeated customer, a missing field or an order after asOf
 * (the query ran with another asOf) is a `RetentionInputError` naming `rows[i].field`.
 *
 * @example
 * rowTotals([{ customer_id: "a", orders: 2, last_order_at: 0, revenue: "9.5" }]).totals.revenueUnits //=> Float64Array [95]
 */
export function rowTotals(rows: readonly TotalsRow[], asOf = Number.POSITIVE_INFINITY): RowTotals {
  const issues = new IssueCollector();
  rows.forEach((row, index) => {
    if (row.orders > 0 && row.last_order_at === null) issues.add({ index, path: ["rows", "last_order_at"], code: "missing", message: `a customer with ${row.orders} orders needs last_order_at, found null` });
    if (row.last_order_at !== null && row.last_order_at > asOf) issues.add({ index, path: ["rows", "last_order_at"], code: "after_as_of", message: `an order after asOf (${new Date(asOf).toISOString()}): run the query with the same asOf` });
  });
  issues.throwIfAny();
  const money = moneyUnits(rows.map((row, index) => [row.revenue, index, "revenue"] as const));
  const rowOf = byCustomer(rows);
  const orders = Uint32Array.from(rowOf, (i) => rows[i]!.orders);
  const lastOrderAt = Float64Array.from(rowOf, (i) => (rows[i]!.orders === 0 ? Number.NaN : rows[i]!.last_order_at!));
  const revenueUnits = Float64Array.from(rowOf, (i) => money.units(rows[i]!.revenue));
  let buyers = 0;
  for (const count of orders) if (count > 0) buyers++;
  return { customerIds: rowOf.map((i) => rows[i]!.customer_id), moneyScale: money.scale, totals: { orders, revenueUnits, lastOrderAt, buyers }, rowOf };
}

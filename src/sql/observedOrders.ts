import type { SqlSource } from "./source";

/**
 * The `observed` common table expression of the RFM and defection queries: the purchases at or
 * before `asOf` (a timestamp literal), with `is_order` 1 for a row of amount ≥ 0 (the table has
 * no order id, so an order is such a row).
 *
 * @example
 * `WITH ${observedOrders(source, "TIMESTAMP '1997-09-30 00:00:00.000'")} SELECT …`
 */
export function observedOrders(source: SqlSource, asOf: string): string {
  return `observed AS (
  SELECT ${source.customerId} AS customer_id,
         ${source.date} AS bought_at,
         ${source.amount} AS amount,
         CASE WHEN ${source.amount} >= 0 THEN 1 ELSE 0 END AS is_order
  FROM ${source.table}
  WHERE ${source.date} <= ${asOf}
)`;
}

import { dateLiteral, stringLiteral, timestampLiteral } from "./literals";
import { dayOf, daysBetween } from "./dates";
import type { SqlDialect } from "./dialect";
import type { SqlSource } from "./source";

/**
 * `asOf` as a zone-less timestamp: the shared literal, except on Snowflake, where it is
 * `CAST('…' AS TIMESTAMP_NTZ)` (the same value; the grammar the tests parse Snowflake with reads no
 * `TIMESTAMP_NTZ '…'` literal, while the cast is plain Snowflake).
 */
function asOfTimestamp(dialect: SqlDialect, asOf: Date): string {
  const literal = timestampLiteral(dialect, asOf, "asOf");
  return dialect === "snowflake" ? `CAST(${stringLiteral(dialect, literal.slice("TIMESTAMP_NTZ '".length, -1))} AS TIMESTAMP_NTZ)` : literal;
}

/**
 * The common table expressions that turn purchases into one row per customer with the
 * definitions of `customerSummary` (src/clv/customerSummary.ts) on its default day axis:
 * purchases at or before `asOf` count; a customer's rows on one UTC day are one transaction
 * whose value is their sum (refunds included); a day with only refunds is no transaction.
 *
 * The last expression, `rm_histories`, holds per customer with a transaction:
 * `customer_id`, `frequency` (transactions − 1), `recency_days` (last − first transaction day),
 * `t_days` (first transaction day → asOf's UTC day) and `repeat_value` (the summed value of the
 * transactions after the first). Times stay whole days, so they can be grouped and joined on
 * exactly; the finishing functions turn them into the summary's time unit. Internal: used by
 * `patternTableSql`, `spendPatternSql` and `scoreJoin`, so all three read the same customers.
 *
 * @example
 * customerHistoryCtes(readSqlSource({ dialect: "duckdb", table: "orders" }, "f", []), new Date("1997-09-30"))
 * //=> "rm_observed AS (…), rm_days AS (…), rm_transactions AS (…), rm_histories AS (…)"
 */
export function customerHistoryCtes(source: SqlSource, asOf: Date): string {
  const { dialect, table, customerId, date, amount } = source;
  const asOfDay = dateLiteral(asOf, "asOf");
  return `rm_observed AS (
  SELECT ${customerId} AS customer_id, ${dayOf(dialect, date)} AS tx_day, ${amount} AS tx_amount
  FROM ${table}
  WHERE ${date} <= ${asOfTimestamp(dialect, asOf)}
),
rm_days AS (
  SELECT customer_id, tx_day, SUM(tx_amount) AS tx_value
  FROM rm_observed
  GROUP BY customer_id, tx_day
  HAVING SUM(CASE WHEN tx_amount >= 0 THEN 1 ELSE 0 END) > 0
),
rm_transactions AS (
  SELECT customer_id, tx_day, tx_value, MIN(tx_day) OVER (PARTITION BY customer_id) AS first_day
  FROM rm_days
),
rm_histories AS (
  SELECT customer_id,
         COUNT(*) - 1 AS frequency,
         ${daysBetween(dialect, "MIN(tx_day)", "MAX(tx_day)")} AS recency_days,
         ${daysBetween(dialect, "MIN(tx_day)", asOfDay)} AS t_days,
         SUM(CASE WHEN tx_day > first_day THEN tx_value ELSE 0 END) AS repeat_value
  FROM rm_transactions
  GROUP BY customer_id
)`;
}

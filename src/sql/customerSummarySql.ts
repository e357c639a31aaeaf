import type { DateInput } from "../core/time";
import { dayOf } from "./dates";
import { timestampLiteral } from "./literals";
import { readSqlSource, readInstant, type SqlSourceOptions } from "./source";
import { readSummaryTimeUnit, SUMMARY_TIME_KEYS, type SqlSummaryTimeUnit } from "./summaryTimeUnit";

/** Options of `customerSummarySql` (and, as they are, of `customerSummaryFromRows`). */
export interface CustomerSummarySqlOptions extends SqlSourceOptions {
  /** End of observation: purchases at or before this instant count. */
  readonly asOf: DateInput;
  /** Unit of recency and T: `day` (default) or `week` (7 days exactly); the query is the same for both. */
  readonly timeUnit?: SqlSummaryTimeUnit | undefined;
}

/** The option keys of `customerSummarySql` besides the source's. */
export const CUSTOMER_SUMMARY_SQL_KEYS = ["asOf", ...SUMMARY_TIME_KEYS] as const;

/**
 * SQL for the per-customer aggregate that `customerSummaryFromRows` finishes into
 * `customerSummary(purchases, { asOf, timeUnit })`. One row per customer in the table:
 *
 * | column | meaning |
 * | --- | --- |
 * | `customer_id` | the customer |
 * | `transactions` | UTC days with a purchase (amount ≥ 0) at or before asOf; 0 for a customer the summary skips |
 * | `first_day`, `last_day` | the first and last of those days (DATE; NULL when none) |
 * | `first_at`, `last_at` | the first and last purchase instants (amount ≥ 0) at or before asOf |
 * | `repeat_value` | sum of the amounts (refunds included) on the transaction days after the first |
 * | `orders` | rows with amount ≥ 0 at or before asOf (the table has no order id) |
 * | `revenue` | sum of every amount at or before asOf, refunds included |
 *
 * Money is only summed, never divided: the finisher takes the mean with exact decimals. Times
 * are left as days, so the finisher computes recency and T with the in-memory arithmetic.
 *
 * @param options - source (`dialect`, `table`, `columns`), `asOf`, `timeUnit`
 * @returns the query text for `options.dialect`
 * @throws {RetentionOptionsError} when an option is missing, misspelled or invalid
 * @example
 * const sql = customerSummarySql({ dialect: "duckdb", table: "purchases", asOf: "1997-09-30", timeUnit: "week" });
 * const rows = await duckdb.runAndReadAll(sql); // then customerSummaryFromRows(rows, options)
 */
export function customerSummarySql(options: CustomerSummarySqlOptions): string {
  const source = readSqlSource(options, "customerSummarySql", CUSTOMER_SUMMARY_SQL_KEYS);
  readSummaryTimeUnit(options as unknown as Record<string, unknown>, "customerSummarySql");
  const { dialect } = source;
  const asOf = timestampLiteral(dialect, readInstant("asOf", options.asOf), "asOf");
  return `WITH observed AS (
  SELECT ${source.customerId} AS customer_id,
         ${dayOf(dialect, source.date)} AS tx_day,
         ${source.date} AS bought_at,
         CASE WHEN ${source.date} <= ${asOf} THEN ${source.amount} END AS amount,
         CASE WHEN ${source.date} <= ${asOf} AND ${source.amount} >= 0 THEN 1 ELSE 0 END AS bought
  FROM ${source.table}
),
days AS (
  SELECT customer_id, tx_day,
         SUM(amount) AS day_value,
         MAX(bought) AS bought,
         SUM(bought) AS orders,
         MIN(CASE WHEN bought = 1 THEN bought_at END) AS first_at,
         MAX(CASE WHEN bought = 1 THEN bought_at END) AS last_at
  FROM observed
  GROUP BY customer_id, tx_day
),
ranked AS (
  SELECT customer_id, tx_day, day_value, bought, orders, first_at, last_at,
         MIN(CASE WHEN bought = 1 THEN tx_day END) OVER (PARTITION BY customer_id) AS birth_day
  FROM days
)
SELECT customer_id,
       SUM(bought) AS transactions,
       MIN(birth_day) AS first_day,
       MAX(CASE WHEN bought = 1 THEN tx_day END) AS last_day,
       MIN(first_at) AS first_at,
       MAX(last_at) AS last_at,
       COALESCE(SUM(CASE WHEN bought = 1 AND tx_day > birth_day THEN day_value END), 0) AS repeat_value,
       SUM(orders) AS orders,
       COALESCE(SUM(day_value), 0) AS revenue
FROM ranked
GROUP BY customer_id`;
}

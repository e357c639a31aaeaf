import type { Granularity, WeekStartsOn } from "../core/calendar";
import type { DateInput } from "../core/time";
import type { PeriodAxisOptions, TimeAxisOptions } from "../clv/timeAxis";
import { bucketStartSql } from "./periodBuckets";
import { timestampLiteral } from "./literals";
import { readSqlSource, readInstant, type SqlSourceOptions } from "./source";
import { readSummaryAxis, SUMMARY_TIME_KEYS } from "./summaryAxis";

/** Options of `customerSummarySql` (and, as they are, of `customerSummaryFromRows`): `customerSummary`'s. */
export interface CustomerSummarySqlOptions extends SqlSourceOptions {
  /** End of observation: purchases at or before this instant count. */
  readonly asOf: DateInput;
  /** `day` (default) or `week` (7 days exactly) of elapsed time; `period` for the discrete-time summary (with `granularity`). */
  readonly timeUnit?: "day" | "week" | "period" | undefined;
  /** Whole calendar buckets instead of elapsed time (as `customerSummary`'s `calendar`). */
  readonly calendar?: Granularity | undefined;
  /** The bucket of one opportunity of the discrete-time summary (`timeUnit: "period"`). */
  readonly granularity?: Granularity | undefined;
  /** First day of a calendar week, 0 = Sunday … 6; default 1 (Monday). */
  readonly weekStartsOn?: WeekStartsOn | undefined;
}

/** The option keys of `customerSummarySql` besides the source's. */
export const CUSTOMER_SUMMARY_SQL_KEYS = ["asOf", ...SUMMARY_TIME_KEYS] as const;

/**
 * SQL for the per-customer aggregate that `customerSummaryFromRows` finishes into
 * `customerSummary(purchases, options)`. A transaction is a UTC day (with `calendar`, or
 * `timeUnit: "period"` and `granularity`, a calendar bucket) with a purchase. One row per
 * customer in the table:
 *
 * | column | meaning |
 * | --- | --- |
 * | `customer_id` | the customer |
 * | `transactions` | UTC days (or buckets) with a purchase (amount ≥ 0) at or before asOf; 0 for a customer the summary skips |
 * | `first_day`, `last_day` | the first and last of those days, or the first day of those buckets (DATE; NULL when none) |
 * | `first_at`, `last_at` | the first and last purchase instants (amount ≥ 0) at or before asOf |
 * | `repeat_value` | sum of the amounts (refunds included) on the transaction days after the first |
 * | `orders` | rows with amount ≥ 0 at or before asOf (the table has no order id) |
 * | `revenue` | sum of every amount at or before asOf, refunds included |
 *
 * Money is only summed, never divided: the finisher takes the mean with exact decimals. Times
 * are left as days, so the finisher computes recency and T with the in-memory arithmetic. Weeks
 * of a `calendar` start on `weekStartsOn`, counted in whole days from a fixed date, so no
 * engine's own week convention is involved.
 *
 * @param options - source (`dialect`, `table`, `columns`), `asOf`, and `customerSummary`'s time options (`timeUnit`, `calendar`, `granularity`, `weekStartsOn`)
 * @returns the query text for `options.dialect`
 * @throws {RetentionOptionsError} when an option is missing, misspelled or invalid
 * @example
 * const sql = customerSummarySql({ dialect: "duckdb", table: "purchases", asOf: "1997-09-30", timeUnit: "week" });
 * const rows = await duckdb.runAndReadAll(sql); // then customerSummaryFromRows(rows, options)
 */
export function customerSummarySql(options: CustomerSummarySqlOptions): string {
  const source = readSqlSource(options, "customerSummarySql", CUSTOMER_SUMMARY_SQL_KEYS);
  const { bucket, weekStartsOn } = readSummaryAxis(options as TimeAxisOptions | PeriodAxisOptions, "customerSummarySql");
  const { dialect } = source;
  const asOf = timestampLiteral(dialect, readInstant("asOf", options.asOf), "asOf");
  return `WITH observed AS (
  SELECT ${source.customerId} AS customer_id,
         ${bucketStartSql(dialect, bucket, weekStartsOn, source.date)} AS tx_day,
         ${source.date} AS bought_at,
         CASE WHEN ${source.date} <= ${asOf} THEN ${source.amount} END AS amount,
         CASE WHEN ${source.date} <= ${asOf} AND ${source.amount} >= 0 THEN 1 ELSE 0 END AS bought
  FROM ${source.table}
),
days AS (
  SELECT customer_id, tx_day,
         SUM(amount) AS day_value,
         MAX(bought) AS is_tx,
         SUM(bought) AS day_orders,
         MIN(CASE WHEN bought = 1 THEN bought_at END) AS day_first_at,
         MAX(CASE WHEN bought = 1 THEN bought_at END) AS day_last_at
  FROM observed
  GROUP BY customer_id, tx_day
),
ranked AS (
  SELECT customer_id, tx_day, day_value, is_tx, day_orders, day_first_at, day_last_at,
         MIN(CASE WHEN is_tx = 1 THEN tx_day END) OVER (PARTITION BY customer_id) AS birth_day
  FROM days
)
SELECT customer_id,
       SUM(is_tx) AS transactions,
       MIN(birth_day) AS first_day,
       MAX(CASE WHEN is_tx = 1 THEN tx_day END) AS last_day,
       MIN(day_first_at) AS first_at,
       MAX(day_last_at) AS last_at,
       COALESCE(SUM(CASE WHEN is_tx = 1 AND tx_day > birth_day THEN day_value END), 0) AS repeat_value,
       SUM(day_orders) AS orders,
       COALESCE(SUM(day_value), 0) AS revenue
FROM ranked
GROUP BY customer_id`;
}

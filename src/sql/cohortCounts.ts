import { checkGranularity, checkWeekStartsOn, GRANULARITIES, type Granularity, type WeekStartsOn } from "../core/calendar";
import { bucketIndex, bucketIndexStart } from "../core/bucketIndex";
import type { DateInput } from "../core/time";
import { RetentionOptionsError } from "../input/errors";
import { readOptions } from "../input/readOptions";
import { dateLiteral, timestampLiteral } from "./literals";
import { bucketStartSql, bucketsBetweenSql } from "./periodBuckets";
import { readInstant, readSqlSource, type SqlSourceOptions } from "./source";

/** Options of `cohortCountsSql`: the purchases table, and the cohort table's calendar. */
export interface CohortCountsSqlOptions extends SqlSourceOptions {
  /** Cohort and offset bucket: day, week, month, quarter or year (UTC). */
  readonly granularity: Granularity;
  /** End of observation: only buckets that ended by `asOf` are counted; rows at or after it are ignored. */
  readonly asOf: DateInput;
  /** First day of the week for weekly buckets (default 1, Monday). */
  readonly weekStartsOn?: WeekStartsOn | undefined;
  /** Keep the cohorts whose bucket starts at or after `from`… */
  readonly from?: DateInput | undefined;
  /** …and before `to`. */
  readonly to?: DateInput | undefined;
}

/** The first bucket start at or after `ms`, as a DATE literal. */
function firstBucketFrom(ms: number, granularity: Granularity, weekStartsOn: WeekStartsOn, option: string): string {
  const index = bucketIndex(ms, granularity, weekStartsOn);
  const start = bucketIndexStart(index, granularity, weekStartsOn);
  return dateLiteral(new Date(start < ms ? bucketIndexStart(index + 1, granularity, weekStartsOn) : start), option);
}

/**
 * SQL for the cohort × offset counts `cohortRetentionFromCounts` finishes into
 * `cohortRetention`'s table. A customer's cohort is the bucket of their first order (a row
 * with amount ≥ 0; refunds are not orders) before `asOf`; only cohorts whose bucket ended by
 * `asOf` (and starts in `[from, to)`) are kept. One row per cohort and bucket since it:
 *
 * - `cohort_start` (DATE): the cohort's bucket start;
 * - `period_offset` (integer): whole buckets from the cohort's bucket (0 = itself);
 * - `customers`: its customers with an order in that bucket (`return-on`; at offset 0, the cohort's size);
 * - `revenue`: their net amount in that bucket, refunds included (a SUM of the amount column);
 * - `last_customers`: its customers whose last order before `asOf` is in that bucket (an
 *   order in the unfinished bucket of `asOf` counts in the last finished one), from which the
 *   finisher sums `return-on-or-after`.
 *
 * Buckets run up to the start of `asOf`'s bucket, half-open, in UTC; ordered by cohort and offset.
 *
 * @param options - dialect, table, columns, granularity, asOf, weekStartsOn, from, to
 * @returns the query text
 * @throws {RetentionOptionsError} on a bad dialect, name, granularity, week start or date
 * @example
 * cohortCountsSql({ dialect: "duckdb", table: "purchases", granularity: "month", asOf: "1997-10-01" })
 * //=> "WITH purchases AS (SELECT p.\"customer_id\" AS customer_id, … ORDER BY cohort_start, period_offset"
 */
export function cohortCountsSql(options: CohortCountsSqlOptions): string {
  options = readOptions(options, "cohortCountsSql");
  const source = readSqlSource(options, "cohortCountsSql", ["granularity", "asOf", "weekStartsOn", "from", "to"]);
  const { dialect } = source;
  const granularity = checkGranularity(options.granularity, GRANULARITIES, "cohortCountsSql");
  const weekStartsOn = checkWeekStartsOn(options.weekStartsOn);
  const asOf = readInstant("asOf", options.asOf).getTime();
  const from = options.from === undefined ? null : readInstant("from", options.from).getTime();
  const to = options.to === undefined ? null : readInstant("to", options.to).getTime();
  if (from !== null && to !== null && !(from < to)) throw new RetentionOptionsError("to", "expected from before to");
  const limit = bucketIndex(asOf, granularity, weekStartsOn);
  const limitStart = dateLiteral(new Date(bucketIndexStart(limit, granularity, weekStartsOn)), "asOf");
  const lastFinished = dateLiteral(new Date(bucketIndexStart(limit - 1, granularity, weekStartsOn)), "asOf");
  const kept = [`cohort < ${limitStart}`];
  if (from !== null) kept.push(`cohort >= ${firstBucketFrom(from, granularity, weekStartsOn, "from")}`);
  if (to !== null) kept.push(`cohort < ${firstBucketFrom(to, granularity, weekStartsOn, "to")}`);
  return `WITH purchases AS (
  SELECT p.${source.customerId} AS customer_id, p.${source.amount} AS amount, ${bucketStartSql(dialect, granularity, weekStartsOn, `p.${source.date}`)} AS bucket
  FROM ${source.table} AS p
  WHERE p.${source.date} < ${timestampLiteral(dialect, new Date(asOf), "asOf")}
),
buckets AS (
  SELECT customer_id, bucket, MAX(CASE WHEN amount >= 0 THEN 1 ELSE 0 END) AS ordered, SUM(amount) AS revenue
  FROM purchases
  GROUP BY customer_id, bucket
),
customers AS (
  SELECT customer_id, MIN(CASE WHEN ordered = 1 THEN bucket END) AS cohort, MAX(CASE WHEN ordered = 1 THEN bucket END) AS last_bucket
  FROM buckets
  GROUP BY customer_id
),
cohorts AS (
  SELECT customer_id, cohort, CASE WHEN last_bucket < ${limitStart} THEN last_bucket ELSE ${lastFinished} END AS last_bucket
  FROM customers
  WHERE ${kept.join(" AND ")}
),
cells AS (
  SELECT c.cohort AS cohort, b.bucket AS bucket, b.ordered AS customers, b.revenue AS revenue, 0 AS last_customers
  FROM buckets AS b JOIN cohorts AS c ON b.customer_id = c.customer_id
  WHERE b.bucket >= c.cohort AND b.bucket < ${limitStart}
  UNION ALL
  SELECT cohort, last_bucket, 0, 0, 1 FROM cohorts
)
SELECT cohort AS cohort_start, ${bucketsBetweenSql(dialect, granularity, "cohort", "bucket")} AS period_offset,
  SUM(customers) AS customers, SUM(revenue) AS revenue, SUM(last_customers) AS last_customers
FROM cells
GROUP BY cohort, bucket
ORDER BY cohort_start, period_offset`;
}

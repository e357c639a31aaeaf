import type { Granularity, WeekStartsOn } from "../core/calendar";
import { daysBetween } from "./dates";
import type { SqlDialect } from "./dialect";
import { dateLiteral } from "./literals";

/** A Sunday: the week anchor is this day plus `weekStartsOn` days. */
const SUNDAY_MS = Date.UTC(2024, 0, 7);

/** `day` (a DATE expression) moved back by `days` (a whole-number expression), per dialect. */
function minusDayCount(dialect: SqlDialect, day: string, days: string): string {
  switch (dialect) {
    case "duckdb":
    case "postgres":
      return `(${day} - CAST(${days} AS INTEGER))`;
    case "bigquery":
      return `DATE_SUB(${day}, INTERVAL ${days} DAY)`;
    case "snowflake":
      return `DATEADD('day', -${days}, ${day})`;
    case "spark":
      return `DATE_SUB(${day}, ${days})`;
  }
}

/** Unit names of the truncation functions: DuckDB, PostgreSQL and Snowflake's, BigQuery's, Spark's `TRUNC`'s. */
const TRUNC_UNITS = {
  month: ["month", "MONTH", "MM"],
  quarter: ["quarter", "QUARTER", "QUARTER"],
  year: ["year", "YEAR", "YEAR"],
} as const;

/**
 * The first day (a DATE) of the UTC calendar bucket holding the DATE expression `day`: the day
 * itself, its week's first day (`weekStartsOn`, 0 = Sunday), or the first of its month,
 * quarter or year. Weeks count whole days from a fixed day of the week's first weekday, so no
 * engine's own week convention is involved.
 *
 * @example
 * bucketStart("postgres", "d", "month", 1) //=> "CAST(DATE_TRUNC('month', CAST(d AS TIMESTAMP)) AS DATE)"
 * bucketStart("spark", "d", "quarter", 1)  //=> "TRUNC(d, 'QUARTER')"
 */
export function bucketStart(dialect: SqlDialect, day: string, granularity: Granularity, weekStartsOn: WeekStartsOn): string {
  if (granularity === "day") return day;
  if (granularity === "week") {
    const anchor = dateLiteral(new Date(SUNDAY_MS + weekStartsOn * 86_400_000), "weekStartsOn");
    return minusDayCount(dialect, day, `MOD(MOD(${daysBetween(dialect, anchor, day)}, 7) + 7, 7)`);
  }
  const [standard, bigquery, spark] = TRUNC_UNITS[granularity];
  switch (dialect) {
    case "duckdb":
    case "postgres":
      // Through TIMESTAMP: PostgreSQL would otherwise truncate a DATE as a TIMESTAMPTZ, in the session's zone.
      return `CAST(DATE_TRUNC('${standard}', CAST(${day} AS TIMESTAMP)) AS DATE)`;
    case "bigquery":
      return `DATE_TRUNC(${day}, ${bigquery})`;
    case "snowflake":
      return `DATE_TRUNC('${standard}', ${day})`;
    case "spark":
      return `TRUNC(${day}, '${spark}')`;
  }
}

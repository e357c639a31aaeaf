import type { SqlDialect } from "./dialect";

/**
 * Date arithmetic per dialect, on SQL expressions the query builders wrote (never on user
 * text). A timestamp column holds UTC wall time with no zone (docs/scale.md, "Input table").
 */

/**
 * The UTC calendar day of a timestamp expression, as a DATE.
 *
 * @example
 * dayOf("bigquery", "t.at") //=> "DATE(t.at)"
 */
export function dayOf(dialect: SqlDialect, timestamp: string): string {
  switch (dialect) {
    case "duckdb":
    case "postgres":
      return `CAST(${timestamp} AS DATE)`;
    case "bigquery":
      return `DATE(${timestamp})`;
    case "snowflake":
      return `TO_DATE(${timestamp})`;
    case "spark":
      return `TO_DATE(${timestamp})`;
  }
}

/**
 * Whole days from the DATE `from` to the DATE `to` (negative when `to` is earlier), as an integer.
 *
 * @example
 * daysBetween("snowflake", "a", "b") //=> "DATEDIFF('day', a, b)"
 */
export function daysBetween(dialect: SqlDialect, from: string, to: string): string {
  switch (dialect) {
    case "duckdb":
    case "postgres":
      return `(${to} - ${from})`;
    case "bigquery":
      return `DATE_DIFF(${to}, ${from}, DAY)`;
    case "snowflake":
      return `DATEDIFF('day', ${from}, ${to})`;
    case "spark":
      return `DATEDIFF(${to}, ${from})`;
  }
}

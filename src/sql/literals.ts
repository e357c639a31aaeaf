import { printValue } from "../input/describeValue";
import { RetentionOptionsError } from "../input/errors";
import type { SqlDialect } from "./dialect";

/**
 * Typed SQL literals. Every value a query embeds goes through one of these, after a check, so
 * nothing is pasted raw: dates and instants as `DATE '…'` / `TIMESTAMP '…'` (UTC wall time),
 * whole numbers as digits, text as a quoted string with its quotes escaped per dialect.
 */

/** Years the literals accept: four digits, as every engine's date literal wants. */
function checkYear(instant: Date, option: string): void {
  const year = instant.getUTCFullYear();
  if (Number.isNaN(instant.getTime()) || year < 1 || year > 9999) {
    throw new RetentionOptionsError(option, `expected a valid date between the years 1 and 9999, found ${printValue(instant)}`);
  }
}

/**
 * `DATE 'YYYY-MM-DD'`, the UTC calendar day of `instant` (every dialect here reads it).
 *
 * @example
 * dateLiteral(new Date("1997-09-30T00:00:00Z"), "asOf") //=> "DATE '1997-09-30'"
 */
export function dateLiteral(instant: Date, option: string): string {
  checkYear(instant, option);
  return `DATE '${instant.toISOString().slice(0, 10)}'`;
}

/**
 * `TIMESTAMP 'YYYY-MM-DD HH:MM:SS.sss'`, the UTC wall time of `instant`; compared with a
 * zone-less timestamp column holding UTC (docs/scale.md). Snowflake gets `CAST('…' AS TIMESTAMP_NTZ)`, so
 * its session's TIMESTAMP_TYPE_MAPPING does not move it (the cast, unlike the `TIMESTAMP_NTZ '…'`
 * literal, is also read by the SQL parser the tests check Snowflake text with).
 *
 * @example
 * timestampLiteral("duckdb", new Date("1997-09-30T00:00:00Z"), "asOf") //=> "TIMESTAMP '1997-09-30 00:00:00.000'"
 */
export function timestampLiteral(dialect: SqlDialect, instant: Date, option: string): string {
  checkYear(instant, option);
  const text = instant.toISOString().slice(0, 23).replace("T", " ");
  return dialect === "snowflake" ? `CAST('${text}' AS TIMESTAMP_NTZ)` : `TIMESTAMP '${text}'`;
}

/**
 * A whole number as digits, after checking it is a safe integer.
 *
 * @example
 * integerLiteral(7, "weekStartsOn") //=> "7"
 */
export function integerLiteral(value: number, option: string): string {
  if (!Number.isSafeInteger(value)) throw new RetentionOptionsError(option, `expected a whole number, found ${printValue(value)}`);
  return String(value);
}

/**
 * A quoted string: `'…'` with `'` doubled (DuckDB, PostgreSQL, Snowflake), or with `\` and `'`
 * escaped by a backslash (BigQuery, Spark, whose strings read backslash escapes).
 *
 * @example
 * stringLiteral("postgres", "it's") //=> "'it''s'"
 * stringLiteral("bigquery", "it's") //=> "'it\\'s'"
 */
export function stringLiteral(dialect: SqlDialect, value: string): string {
  if (value.includes("\u0000")) throw new RetentionOptionsError("value", "a SQL string may not hold NUL");
  if (dialect === "bigquery" || dialect === "spark") return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
  return `'${value.split("'").join("''")}'`;
}

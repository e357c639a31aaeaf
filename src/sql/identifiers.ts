import { printValue } from "../input/describeValue";
import { RetentionOptionsError } from "../input/errors";
import type { SqlDialect } from "./dialect";

/** Longest name accepted for a table or column (every engine here allows at least 128 characters). */
const MAX_NAME_LENGTH = 128;

/**
 * A table or column name quoted for `dialect`, so that any character, a quote or a semicolon
 * included, stays part of the name: `"name"` (DuckDB, PostgreSQL, Snowflake) or `` `name` ``
 * (BigQuery, Spark), the quote character doubled inside; BigQuery reads escape sequences in
 * quoted names as in strings, so there `\` and `` ` `` are escaped with a backslash instead
 * (with doubling, a `\` before a backtick in the name would end the quote early). Names must be 1–128 characters
 * with no NUL; anything else is a `RetentionOptionsError` naming `option`.
 *
 * @example
 * quoteIdentifier("postgres", 'we"ird; DROP TABLE x', "columns.amount") //=> '"we""ird; DROP TABLE x"'
 * quoteIdentifier("bigquery", "order date", "columns.date")               //=> "`order date`"
 */
export function quoteIdentifier(dialect: SqlDialect, name: unknown, option: string): string {
  if (typeof name !== "string" || name.length === 0 || name.length > MAX_NAME_LENGTH || name.includes("\u0000")) {
    throw new RetentionOptionsError(option, `expected a name of 1 to ${MAX_NAME_LENGTH} characters with no NUL, found ${printValue(name)}`);
  }
  if (dialect === "bigquery") return `\`${name.replace(/[\\`]/g, (c) => `\\${c}`)}\``;
  const quote = dialect === "spark" ? "`" : '"';
  return quote + name.split(quote).join(quote + quote) + quote;
}

/**
 * A table reference: one name (`"orders"`, quoted whole, so a dot is part of the name) or a
 * path of names (`["analytics", "orders"]` → `"analytics"."orders"`), each part quoted.
 *
 * @example
 * tableReference("duckdb", ["shop", "orders"], "table") //=> '"shop"."orders"'
 */
export function tableReference(dialect: SqlDialect, table: unknown, option: string): string {
  if (typeof table === "string") return quoteIdentifier(dialect, table, option);
  if (Array.isArray(table) && table.length >= 1 && table.length <= 4) {
    return table.map((part: unknown, index) => quoteIdentifier(dialect, part, `${option}[${index}]`)).join(".");
  }
  throw new RetentionOptionsError(option, `expected a table name or an array of 1 to 4 names (catalog, schema, table), found ${printValue(table)}`);
}

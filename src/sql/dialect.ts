import { printValue } from "../input/describeValue";
import { RetentionOptionsError } from "../input/errors";

/** The SQL engines whose dialect the `retention-metrics/sql` functions write. */
export type SqlDialect = "duckdb" | "postgres" | "bigquery" | "snowflake" | "spark";

/** Every dialect `retention-metrics/sql` writes, in the order the docs list them. */
export const SQL_DIALECTS: readonly SqlDialect[] = ["duckdb", "postgres", "bigquery", "snowflake", "spark"];

/**
 * Reads the `dialect` option: one of `SQL_DIALECTS`, spelled exactly.
 *
 * @example
 * readDialect("duckdb") //=> "duckdb"
 * readDialect("mysql")  // throws RetentionOptionsError("dialect", …)
 */
export function readDialect(value: unknown, option = "dialect"): SqlDialect {
  if (typeof value === "string" && (SQL_DIALECTS as readonly string[]).includes(value)) return value as SqlDialect;
  throw new RetentionOptionsError(option, `expected one of ${SQL_DIALECTS.map((name) => `"${name}"`).join(", ")}, found ${printValue(value)}`);
}

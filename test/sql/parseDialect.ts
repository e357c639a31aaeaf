/**
 * The dialects that cannot run here (BigQuery, Snowflake, Spark) are checked by parsing:
 * node-sql-parser's grammars for BigQuery and Snowflake, and its Hive grammar for Spark SQL
 * (node-sql-parser has no Spark grammar; Spark SQL's syntax is HiveQL's, and the queries use
 * no construct where they differ). DuckDB and PostgreSQL run for real (engines.ts).
 *
 * The grammars refuse two quotings their engines read: a doubled `""` inside a qualified
 * Snowflake name (`"s"."a""b"`) and a doubled backtick in Hive's. `HOSTILE_NAMES` gives each
 * parsed dialect names it can read, with every other character that could end the quoting;
 * a quote inside a `"…"` name is run for real on DuckDB and PostgreSQL, which quote the same way.
 */
import nodeSqlParser from "node-sql-parser";
import type { SqlDialect } from "../../src/sql/dialect";

const parser = new nodeSqlParser.Parser();
const GRAMMAR: Partial<Record<SqlDialect, string>> = { bigquery: "bigquery", snowflake: "snowflake", spark: "hive" };

/** The dialects checked by parsing only. */
export const PARSED_DIALECTS = ["bigquery", "snowflake", "spark"] as const satisfies readonly SqlDialect[];

/** Throws (with the parser's message and the SQL) when `sql` does not parse in `dialect`'s grammar. */
export function expectParses(dialect: (typeof PARSED_DIALECTS)[number], sql: string): void {
  try {
    parser.astify(sql, { database: GRAMMAR[dialect]! });
  } catch (error) {
    throw new Error(`${dialect} SQL does not parse: ${(error as Error).message}\n${sql}`);
  }
}

/** Table and column names full of SQL punctuation, per parsed dialect. */
export const HOSTILE_NAMES: Record<(typeof PARSED_DIALECTS)[number], { table: string[]; customerId: string; date: string; amount: string }> = {
  bigquery: { table: ["shop", 'we"ird; DROP TABLE t; --'], customerId: "it's", date: 'a"b;c', amount: "x -- y" },
  snowflake: { table: ["shop", "semi;colon; DROP TABLE t; --"], customerId: "it's", date: "`a`;b", amount: "x -- y" },
  spark: { table: ["shop", 'we"ird; DROP TABLE t; --'], customerId: "it's", date: 'a"b;c', amount: 'x" -- y' },
};

/**
 * `expectParses` for the queries of cohorts, retention windows and NPS, with the one rewrite
 * node-sql-parser's Snowflake grammar needs: it does not know Snowflake's typed literal
 * `TIMESTAMP_NTZ '…'` (src/sql/literals.ts writes it so that a session's
 * TIMESTAMP_TYPE_MAPPING cannot move it), so the text is parsed with `TIMESTAMP '…'` in its
 * place. Its grammar also refuses a doubled `""` inside a quoted name that is qualified
 * (`p."a""b"`, `"s"."a""b"`), which Snowflake reads, and its Hive grammar (for Spark) a doubled
 * backtick, which Spark reads: `HOSTILE_NAMES` gives each dialect names
 * its parser can read, with every character that could end the quoting where it can. (A quote
 * inside a `"…"` name is run for real on DuckDB and PostgreSQL, which quote the same way.)
 */
import { expectParses, PARSED_DIALECTS } from "./parseDialect";

export { PARSED_DIALECTS };

export function expectParsesInGrammar(dialect: (typeof PARSED_DIALECTS)[number], sql: string): void {
  expectParses(dialect, dialect === "snowflake" ? sql.replaceAll("TIMESTAMP_NTZ '", "TIMESTAMP '") : sql);
}

/** Table and column names full of SQL punctuation, per parsed dialect. */
export const HOSTILE_NAMES: Record<(typeof PARSED_DIALECTS)[number], { table: string[]; customerId: string; date: string; amount: string }> = {
  bigquery: { table: ["shop", 'we"ird; DROP TABLE t; --'], customerId: "it's", date: 'a"b;c', amount: "x -- y" },
  snowflake: { table: ["shop", "semi;colon; DROP TABLE t; --"], customerId: "it's", date: "`a`;b", amount: "x -- y" },
  spark: { table: ["shop", 'we"ird; DROP TABLE t; --'], customerId: "it's", date: 'a"b;c', amount: 'x" -- y' },
};

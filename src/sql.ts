/**
 * retention-metrics/sql: the heavy part of each KPI as SQL text for a warehouse to run
 * (DuckDB, PostgreSQL, BigQuery, Snowflake, Spark), and the functions that finish the metric
 * from the small aggregate the query returns. Pure: it builds strings and reads rows; it
 * connects to nothing. See docs/scale.md.
 */
export { SQL_DIALECTS } from "./sql/dialect";
export { quoteIdentifier } from "./sql/identifiers";
export { patternTableSql } from "./sql/patternTableSql";
export { patternTableFromRows } from "./sql/patternTableFromRows";
export { spendPatternSql } from "./sql/spendPatternSql";
export { spendPatternsFromRows } from "./sql/spendPatternsFromRows";
export { scoreJoin } from "./sql/scoreJoin";
export type { SqlDialect } from "./sql/dialect";
export type { PatternTableSqlOptions } from "./sql/patternTableSql";
export type { PatternRow, PatternTable, PatternTableFromRowsOptions } from "./sql/patternTableFromRows";
export type { ScoreJoinOptions, ScoreTableColumns } from "./sql/scoreJoin";
export type { SpendPatternRow, SpendPatterns, SpendPatternsFromRowsOptions } from "./sql/spendPatternsFromRows";
export type { SqlSourceOptions, SqlPurchaseColumns } from "./sql/source";

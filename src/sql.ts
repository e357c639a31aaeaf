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
export type { SqlDialect } from "./sql/dialect";
export type { PatternTableSqlOptions } from "./sql/patternTableSql";
export type { PatternRow, PatternTable, PatternTableFromRowsOptions } from "./sql/patternTableFromRows";
export type { SqlSourceOptions, SqlPurchaseColumns } from "./sql/source";

// Customer summary, RFM and defections (docs/scale.md, "Customer summary, RFM and defections").
export { customerSummarySql } from "./sql/customerSummarySql";
export { customerSummaryFromRows, CustomerSummarySqlRowSchema } from "./sql/customerSummaryFromRows";
export type { CustomerSummarySqlOptions } from "./sql/customerSummarySql";
export type { CustomerSummaryFromRowsOptions, CustomerSummarySqlRow } from "./sql/customerSummaryFromRows";
export type { SqlSummaryTimeUnit } from "./sql/summaryTimeUnit";

export { cohortCountsSql } from "./sql/cohortCounts";
export { cohortRetentionFromCounts } from "./sql/cohortRetentionFromCounts";
export type { CohortCountsSqlOptions } from "./sql/cohortCounts";
export type { CohortCountRow } from "./sql/cohortRetentionFromCounts";

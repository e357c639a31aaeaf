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
export { cohortCountsSql } from "./sql/cohortCounts";
export { cohortRetentionFromCounts } from "./sql/cohortRetentionFromCounts";
export type { CohortCountsSqlOptions } from "./sql/cohortCounts";
export type { CohortCountRow } from "./sql/cohortRetentionFromCounts";
export { retentionFlagsSql } from "./sql/retentionFlags";
export { retentionRateFromFlags } from "./sql/retentionRateFromFlags";
export { churnRateFromFlags } from "./sql/churnRateFromFlags";
export { revenueRetentionFromFlags } from "./sql/revenueRetentionFromFlags";
export type { RetentionFlagsSqlOptions, RetentionWindowOptions } from "./sql/retentionFlags";
export type { RetentionFlagRow } from "./sql/retentionFlagRows";
export { npsCountsSql } from "./sql/npsCounts";
export { npsTrendFromCounts } from "./sql/npsTrendFromCounts";
export { npsByFromCounts } from "./sql/npsByFromCounts";
export type { NpsCountsSqlOptions, NpsTrendGranularity } from "./sql/npsCounts";
export type { NpsCountRow } from "./sql/npsCountRows";
export type { SqlSurveySourceOptions, SqlSurveyColumns } from "./sql/surveySource";

// Customer summary, RFM and defections (docs/scale.md, "Customer summary, RFM and defections").
export { customerSummarySql } from "./sql/customerSummarySql";
export { customerSummaryFromRows, CustomerSummarySqlRowSchema } from "./sql/customerSummaryFromRows";
export type { CustomerSummarySqlOptions } from "./sql/customerSummarySql";
export type { CustomerSummaryFromRowsOptions, CustomerSummarySqlRow } from "./sql/customerSummaryFromRows";
export { rfmInputsSql } from "./sql/rfmInputsSql";
export { rfmScoresFromInputs, RfmInputsRowSchema } from "./sql/rfmScoresFromInputs";
export { ltvSegmentsFromInputs } from "./sql/ltvSegmentsFromInputs";
export { defectionInputsSql } from "./sql/defectionInputsSql";
export { DefectionInputsRowSchema } from "./sql/defectionColumns";
export { classifyDefectionsFromInputs } from "./sql/classifyDefectionsFromInputs";
export { loyalCustomersFromInputs } from "./sql/loyalCustomersFromInputs";
export type { RfmInputsSqlOptions } from "./sql/rfmInputsSql";
export type { RfmInputsRow, RfmScoresFromInputsOptions } from "./sql/rfmScoresFromInputs";
export type { LtvSegmentsFromInputsOptions } from "./sql/ltvSegmentsFromInputs";
export type { DefectionInputsSqlOptions } from "./sql/defectionInputsSql";
export type { DefectionInputsRow } from "./sql/defectionColumns";
export type { ClassifyDefectionsFromInputsOptions } from "./sql/classifyDefectionsFromInputs";
export type { LoyalCustomersFromInputsOptions } from "./sql/loyalCustomersFromInputs";

/**
 * retention-metrics: retention, churn, cohorts, CLV, NPS, defections, segments and loyalty
 * math from purchase, event and survey records. Explicit named exports only.
 */

// Money and time
export { Decimal } from "./core/money";

// Input model, ledger and errors
export { createLedger, isLedger } from "./input/ledger";
export { createLedgerBuilder } from "./input/ledgerBuilder";
export { KNOWN_EVENT_TYPES } from "./input/eventTypes";
export {
  RetentionInputError,
  RetentionOptionsError,
  isRetentionInputError,
  isRetentionOptionsError,
  MAX_KEPT_ISSUES,
} from "./input/errors";

// Reading CSV, JSON and NDJSON text already in memory (files and streams: retention-metrics/node)
export { parseLedgerText } from "./io/parseLedgerText";

// Core KPIs
export { retentionRate } from "./metrics/retentionRate";
export { churnRate } from "./metrics/churnRate";
export { repeatPurchaseRate } from "./metrics/repeatPurchaseRate";
export { purchaseFrequency } from "./metrics/purchaseFrequency";
export { averageOrderValue } from "./metrics/averageOrderValue";

// Net Promoter Score
export { nps } from "./nps/nps";
export { npsBy } from "./nps/npsBy";
export { npsTrend } from "./nps/npsTrend";

// CSAT and CES beside NPS, and the follow-up list (issue 14)
export { csat } from "./surveys/csat";
export { csatBy } from "./surveys/csatBy";
export { csatTrend } from "./surveys/csatTrend";
export { ces } from "./surveys/ces";
export { cesBy } from "./surveys/cesBy";
export { cesTrend } from "./surveys/cesTrend";
export { followUps } from "./surveys/followUps";
export { SURVEY_KINDS } from "./input/surveyKinds";
export { UNHAPPY_AT_MOST } from "./surveys/unhappyAnswer";

export type { MoneyInput } from "./core/money";
export type { DateInput, DurationInput, Duration } from "./core/time";
export type { Granularity, WeekStartsOn } from "./core/calendar";
export type { PeriodOptions, RangeOptions, Period, Range } from "./core/period";
export type { Purchase, CustomerEvent, SurveyResponse, KnownEventType } from "./input/schemas";
export type { Ledger, LedgerInput, LedgerOptions } from "./input/ledger";
export type { LedgerBuilder, LedgerCapacity } from "./input/ledgerBuilder";
export type { MetricInput } from "./input/toLedger";
export type { PurchaseColumnInput, EventColumnInput, SurveyColumnInput, ValueColumn, NumericColumn } from "./input/columnInput";
export type { ArrowTableLike, ArrowVectorLike } from "./input/tableLike";
export type { InputIssue } from "./input/errors";
export type { LedgerText, LedgerTexts } from "./io/parseLedgerText";
export type { ParseLedgerOptions, LedgerTextFormat, DecimalSeparator, LedgerField } from "./io/readOptions";
export type { CsvDelimiter } from "./io/delimiter";
export type { PurchaseColumns } from "./input/purchaseColumns";
export type { EventColumns } from "./input/eventColumns";
export type { SurveyColumns } from "./input/surveyColumns";
export type { CustomerRows } from "./input/groupByCustomer";
export type { RetentionRate, RetentionRateOptions } from "./metrics/retentionRate";
export type { ChurnRate } from "./metrics/churnRate";
export type { RepeatPurchaseRate } from "./metrics/repeatPurchaseRate";
export type { PurchaseFrequency } from "./metrics/purchaseFrequency";
export type { AverageOrderValue } from "./metrics/averageOrderValue";
export type { Nps, NpsOptions } from "./nps/nps";
export type { NpsResult } from "./nps/npsFromCounts";
export type { NpsGroup, NpsGroupKey, NpsByOptions, NormalizedSurveyResponse } from "./nps/npsBy";
export type { NpsTrendPoint, NpsTrendOptions } from "./nps/npsTrend";
export type { NpsInput } from "./nps/surveyInput";
export type { SurveyKind } from "./input/surveyKinds";
export type { SurveyGroupKey } from "./surveys/groupKey";
export type { SurveyTrendOptions, TrendBucket } from "./surveys/scoreTrend";
export type { Csat, CsatOptions } from "./surveys/csat";
export type { CsatResult } from "./surveys/csatFromCounts";
export type { CsatGroup } from "./surveys/csatBy";
export type { CsatTrendPoint } from "./surveys/csatTrend";
export type { Ces, CesOptions } from "./surveys/ces";
export type { CesResult } from "./surveys/cesFromCounts";
export type { CesGroup } from "./surveys/cesBy";
export type { CesTrendPoint } from "./surveys/cesTrend";
export type { FollowUp, FollowUpList, FollowUpsOptions } from "./surveys/followUps";
export type { ClvEstimates } from "./surveys/clvOption";

// CLV formulas (shared with the loyalty module)
export { retentionClv } from "./clv/retentionClv";
export { simpleClv } from "./clv/simpleClv";
export type { RetentionClvOptions } from "./clv/retentionClv";
export type { SimpleClvOptions } from "./clv/simpleClv";

// Cohorts, revenue retention, retention over time and contract survival (issue 3)
export { cohortRetention } from "./metrics/cohortRetention";
export { revenueRetention } from "./metrics/revenueRetention";
export { retentionSeries } from "./metrics/retentionSeries";
export { survivalCurve } from "./metrics/survivalCurve";
export type { CohortRetention, CohortRow } from "./metrics/cohortRetention";
export type { CohortRetentionOptions, CohortMeasure, CohortMode } from "./metrics/cohortOptions";
export type { CohortCurvePoint } from "./metrics/cohortCurve";
export type { RevenueRetention, RevenueRetentionOptions } from "./metrics/revenueRetention";
export type { RetentionSeriesOptions, RetentionSeriesPoint } from "./metrics/retentionSeries";
export type { SurvivalCurve, SurvivalCurveOptions, SurvivalUnit } from "./metrics/survivalCurve";
export type { SurvivalPoint } from "./metrics/kaplanMeier";

// Loyalty programs: volume and frequency discounts, program cost, retention lift, milestones (issue 6)
export { volumeDiscount } from "./loyalty/volumeDiscount";
export { frequencyTiers } from "./loyalty/frequencyTiers";
export { discountProgramCost } from "./loyalty/discountProgramCost";
export { retentionLiftImpact } from "./loyalty/retentionLiftImpact";
export { retentionLiftTable } from "./loyalty/retentionLiftTable";
export { milestones } from "./loyalty/milestones";
export { DEFAULT_ORDER_MILESTONES, DEFAULT_SPEND_MILESTONES } from "./loyalty/milestoneOptions";
export type { RoundingMode, MoneyRoundingOptions } from "./loyalty/rounding";
export type { VolumeTier, VolumeSchedule, VolumeMode } from "./loyalty/volumeSchedule";
export type { VolumeDiscount, VolumeDiscountOptions } from "./loyalty/volumeDiscount";
export type { FrequencyTier, FrequencyProgram } from "./loyalty/frequencyProgram";
export type { FrequencyTiers, FrequencyTiersOptions, CustomerTier, NextTier, TierSummary } from "./loyalty/frequencyTiers";
export type { DiscountProgramCost, DiscountProgramCostOptions, ProgramTierCost } from "./loyalty/discountProgramCost";
export type { BreakEven } from "./loyalty/programBreakEven";
export type { LiftMode, RetentionLiftBase, RetentionLiftOptions, RetentionLiftImpact } from "./loyalty/retentionLiftImpact";
export type { RetentionLiftTableOptions } from "./loyalty/retentionLiftTable";
export type { Milestones, MilestonesOptions } from "./loyalty/milestones";

// Retention as an investment: spend and program ROI (issue 15)
export { retentionSpend } from "./programs/retentionSpend";
export { programRoi } from "./programs/programRoi";
export type { RetentionSpend, RetentionSpendOptions, SpendAllocation } from "./programs/retentionSpend";
export type { SpendGroup } from "./programs/costGroups";
export type { ProgramRoi, ProgramRoiOptions, RoiGroup, RoiInterval } from "./programs/programRoi";
export type { ProgramCost } from "./programs/programCost";
export type { Cost } from "./input/schemas";
export type { CostColumnInput } from "./input/columnInput";
export type { CostColumns } from "./input/costColumns";
export type {
  Milestone,
  MilestoneKind,
  Birthday,
  AnniversaryMilestone,
  OrderMilestone,
  SpendMilestone,
  BirthdayMilestone,
} from "./loyalty/milestoneTypes";

// Defections and segments (issue 5)
export { classifyDefections, defectionReport, DEFAULT_DEFECTION_THRESHOLDS } from "./defection/index";
export { rfmScores, DEFAULT_RFM_SEGMENTS, ltvSegments, loyalCustomers, JsonMap } from "./segments/index";
export type {
  ClassifyDefectionsOptions,
  DefaultDefectionReason,
  DefectionClassification,
  DefectionHistory,
  DefectionHistoryEvent,
  DefectionHistoryPurchase,
  DefectionReasonRow,
  DefectionReport,
  DefectionReportOptions,
  DefectionRule,
  DefectionRuleContext,
  DefectionStatus,
  DefectionThresholds,
  DefectionVerdict,
  ResolvedDefectionThresholds,
} from "./defection/index";
export type {
  CustomerValues,
  LoyalCustomer,
  LoyalCustomers,
  LoyalCustomersOptions,
  LtvMethod,
  LtvSegments,
  LtvSegmentsOptions,
  LtvThresholdTier,
  LtvTier,
  LtvValueBasis,
  RfmScore,
  RfmScoresOptions,
  RfmSegmentRule,
  ScoreRange,
  ValueConcentration,
} from "./segments/index";

// CLV: customer summaries, historical CLV and the probabilistic models (issue 4)
export { customerSummary } from "./clv/customerSummary";
export { calibrationHoldoutSummary } from "./clv/calibrationHoldoutSummary";
export { historicalClv } from "./clv/historicalClv";
export { fitBgNbd } from "./clv/models/fitBgNbd";
export { fitParetoNbd } from "./clv/models/fitParetoNbd";
export { fitModifiedBgNbd } from "./clv/models/fitModifiedBgNbd";
export { fitGammaGamma } from "./clv/models/fitGammaGamma";
export { fitShiftedBetaGeometric } from "./clv/models/fitShiftedBetaGeometric";
export { fitBetaGeometricBetaBinomial } from "./clv/models/fitBetaGeometricBetaBinomial";
export { expectedPurchasesTracking } from "./clv/models/expectedPurchasesTracking";
export { probabilityAlive } from "./clv/models/probabilityAlive";
export { expectedPurchases } from "./clv/models/expectedPurchases";
export { conditionalExpectedPurchases } from "./clv/models/conditionalExpectedPurchases";
export { purchaseCountProbability } from "./clv/models/purchaseCountProbability";
export { probabilityAliveAt } from "./clv/models/probabilityAliveAt";
export { probabilityNoPurchase } from "./clv/models/probabilityNoPurchase";
export { logLikelihood } from "./clv/models/logLikelihood";
export { discountedExpectedResidualTransactions } from "./clv/models/discountedExpectedResidualTransactions";
export { expectedAverageSpend } from "./clv/models/gammaGammaPredictions";
export { predictClv } from "./clv/models/predictClv";
export { scorePatterns } from "./clv/models/scorePatterns";
export { seededRandom } from "./clv/models/seededRandom";
export {
  survival,
  retentionRateAt,
  discountedExpectedLifetime,
  discountedExpectedResidualLifetime,
} from "./clv/models/sbgPredictions";
export { ModelFitError, isModelFitError } from "./clv/models/modelFitError";
export type { CustomerSummary, CustomerSummaryRow, CustomerSummaryOptions, PeriodSummaryOptions, PeriodSummaryRow, PeriodCustomerSummary } from "./clv/customerSummary";
export type { CalibrationHoldoutSummary, CalibrationHoldoutRow, CalibrationHoldoutOptions } from "./clv/calibrationHoldoutSummary";
export type { TimeAxisOptions, PeriodAxisOptions } from "./clv/timeAxis";
export type { SummaryRowInput, SummaryInput } from "./clv/summaryInput";
export type { HistoricalClv, HistoricalClvRow, HistoricalClvOptions } from "./clv/historicalClv";
export type {
  TimeUnit,
  ModelName,
  BgNbdParams,
  ParetoNbdParams,
  GammaGammaParams,
  SbgParams,
  BgBbParams,
  FittedModel,
  BgNbdModel,
  ModifiedBgNbdModel,
  ParetoNbdModel,
  GammaGammaModel,
  SbgModel,
  BgBbModel,
  TransactionModel,
  FitOptions,
  CustomerHistory,
  DiscreteCustomerHistory,
  ParameterCovariance,
} from "./clv/models/modelTypes";
export type { SbgCohort } from "./clv/models/fitShiftedBetaGeometric";
export type { DiscreteHistoryRow, DiscreteHistoryInput } from "./clv/models/discreteHistories";
export type { ExpectedPurchasesTracking, ExpectedPurchasesTrackingOptions, ExpectedPurchasesTrackingPeriod } from "./clv/models/expectedPurchasesTracking";
export type { SpendHistory } from "./clv/models/gammaGammaPredictions";
export type { LogLikelihoodResult } from "./clv/models/logLikelihood";
export type { DertOptions } from "./clv/models/discountedExpectedResidualTransactions";
export type { GammaGammaFit, GammaGammaFitOptions } from "./clv/models/fitGammaGamma";
export type { PredictClvOptions, PredictClvResult, PredictedClv } from "./clv/models/predictClv";
export type { ScorePatternsOptions, ScorePatternsResult, ScoredPattern } from "./clv/models/scorePatterns";
export type { ClvIntervalSummary, ClvTotalInterval } from "./clv/models/predictClvIntervals";
export type { UniformSource } from "./clv/models/seededRandom";
export type { ModelFitDiagnostics } from "./clv/models/modelFitError";

// KPI report and its renderers (issue 7); the command-line tool lives in src/cli/ (package bin, not exported)
export { kpiReport, SKIPPABLE_SECTIONS } from "./report/kpiReport";
export { renderMarkdown } from "./report/renderMarkdown";
export { renderHtml } from "./report/renderHtml";
export { toVegaLite } from "./report/toVegaLite";
export { REPORT_CHARTS } from "./report/chartData";
export { KPI_REPORT_SCHEMA_VERSION } from "./report/types";
export type { KpiReport, KpiReportOptions, SkippableSection } from "./report/kpiReport";
export type { ReportPeriodOption } from "./report/reportPeriod";
export type { ClvSectionOptions } from "./report/clvSection";
export type { KpiReportPhase, KpiReportProgress } from "./report/progress";
export type { RenderOptions, ThresholdOutcome, ThresholdOutcomeKind } from "./report/renderOptions";
export type { CohortSectionOptions } from "./report/cohortSection";
export type { ReportChart } from "./report/chartData";
export type { VegaLiteSpec } from "./report/toVegaLite";
export type { KpiReportJson } from "./report/schema";
export type {
  ReportSection,
  UnavailableSection,
  KpiChange,
  KpiMoneyChange,
  ReportPeriod,
  ReportPeriodKind,
  ReportData,
  ActivityKpis,
  ActivitySection,
  RetentionKpis,
  RetentionSection,
  RevenueRetentionKpis,
  RevenueRetentionSection,
  NpsKpis,
  NpsSection,
} from "./report/types";
export type {
  CohortSection,
  ReportCohortRow,
  ClvSection,
  HistoricalClvKpis,
  PredictedClvKpis,
  ReportModelFit,
  ReportPredictedCustomer,
  DefectionSection,
  ReportDefectionReason,
  ReportAtRiskCustomer,
  SegmentSection,
  LtvTiersKpis,
  ReportLtvTier,
  ReportConcentration,
  LoyalCustomersKpis,
  ReportLoyalCustomer,
} from "./report/insightTypes";

// Journey: funnels and repeat conversion (issue 14)
export { funnel } from "./journey/funnel";
export { repeatConversion } from "./journey/repeatConversion";
export type {
  FunnelOptions,
  FunnelResult,
  FunnelCounts,
  FunnelSegment,
  FunnelSegmentKey,
  FunnelStep,
  FunnelStepPredicate,
  FunnelStepResult,
  FunnelOccurrence,
} from "./journey/funnelTypes";
export type { RepeatConversion, RepeatConversionOptions, RepeatConversionWindow } from "./journey/repeatConversion";
// Lifecycle, quick ratio and revenue movements (issue 14)
export { lifecycle } from "./journey/lifecycle";
export { revenueMovements } from "./journey/revenueMovements";
export type { Lifecycle, LifecycleOptions, LifecyclePeriod } from "./journey/lifecycle";
export type { RevenueMovements, RevenueMovementsOptions, RevenueMovementPeriod } from "./journey/revenueMovements";
export type { PeriodSeriesOptions } from "./journey/periodGrid";
// Significance of changes (issue 14): Wilson and Newcombe intervals, two-proportion and NPS tests
export { compareRates } from "./stats/compareRates";
export { compareNps } from "./stats/compareNps";
export { wilsonInterval } from "./stats/wilsonInterval";
export type { RateComparison, ComparedRate } from "./stats/compareRates";
export type { NpsComparison, ComparedNps } from "./stats/compareNps";
export type { ComparisonOptions, ComparisonTest } from "./stats/comparisonOptions";
export type { WilsonInterval, WilsonIntervalOptions } from "./stats/wilsonInterval";
export type { ProportionInput, ProportionCounts, ProportionKind } from "./stats/readProportion";
export type { NpsCounts } from "./stats/readNpsCounts";
// Points programs: liability and breakage (issue 15)
export { pointsLedger } from "./points/pointsLedger";
export { breakage } from "./points/breakage";
export { POINTS_EVENT_TYPES } from "./input/pointsField";
export type { PointsLedgerOptions, PointsLedgerResult, CustomerPointsBalance, PointsAgeBucket, PointsExpiringWindow } from "./points/pointsLedger";
export type { BreakageOptions, BreakageResult, BreakageCohort, BreakageCohortUnit } from "./points/breakage";
export type { DevelopmentFactor } from "./points/chainLadder";
export type { PointsInput } from "./points/pointsInput";
export type { RedemptionOrder } from "./points/pointsOptions";
export type { PointsEventType } from "./input/pointsField";
// Save budget, benchmarks and customer equity (issue 15)
export { saveBudget } from "./programs/saveBudget";
export type { SaveBudget, SaveBudgetOptions, SaveBudgetRow, SaveBudgetValues } from "./programs/saveBudget";
export { compareToBenchmarks } from "./report/compareToBenchmarks";
export type { Benchmark, BenchmarkComparison, BenchmarkDirection, BenchmarkResult, BenchmarkStatus } from "./report/compareToBenchmarks";
export { customerEquity } from "./clv/customerEquity";
export type { CustomerEquity, CustomerEquityOptions, CurrentEquity, FutureEquity, FutureCohortOptions } from "./clv/customerEquity";

// Cross-sell breadth and share of wallet (issue 15)
export { categoryBreadth, shareOfWallet } from "./segments/index";
export type {
  CategoryBreadth,
  CategoryBreadthOptions,
  CategoryCountRow,
  CategoryPenetration,
  NextCategoryCell,
  CustomerWalletShare,
  ShareOfWallet,
  ShareOfWalletOptions,
  WalletEstimate,
} from "./segments/index";

// Charts of the library's results as Vega-Lite v5 specs (issue 16)
export { frequencyRecencyChart } from "./charts/frequencyRecencyChart";
export { probabilityAliveMatrixChart } from "./charts/probabilityAliveMatrixChart";
export { periodTransactionsChart } from "./charts/periodTransactionsChart";
export { probabilityAliveHistoryChart } from "./charts/probabilityAliveHistoryChart";
export { npsTrendChart } from "./charts/npsTrendChart";
export { retentionSeriesChart } from "./charts/retentionSeriesChart";
export { survivalChart } from "./charts/survivalChart";
export { cohortRetentionChart } from "./charts/cohortRetentionChart";
export { rfmGridChart } from "./charts/rfmGridChart";
export { ltvConcentrationChart } from "./charts/ltvConcentrationChart";
export { defectionValueChart } from "./charts/defectionValueChart";
export type { ModelGridOptions } from "./charts/modelGrid";
export type { FrequencyRecencyChartOptions } from "./charts/frequencyRecencyChart";
export type { PeriodTransactionsChartOptions } from "./charts/periodTransactionsChart";
export type { ProbabilityAliveHistoryOptions } from "./charts/probabilityAliveHistoryChart";
export type { CohortRetentionChartOptions } from "./charts/cohortRetentionChart";
export type { LtvConcentrationInput } from "./charts/ltvConcentrationChart";
export type { DefectionValueChartOptions, DefectionValueInput } from "./charts/defectionValueChart";
// Diagnostics: the holdout scorecard and model comparison (issue 16)
export { evaluateHoldout } from "./diagnostics/evaluateHoldout";
export { compareModels } from "./diagnostics/compareModels";
export type { EvaluateHoldoutOptions } from "./diagnostics/evaluateHoldout";
export type { HoldoutScorecard, HoldoutAggregate, HoldoutRanking, AliveClassification, SpendAccuracy, NullFigure } from "./diagnostics/holdoutScorecard";
export type { ModelComparison, ComparedModel } from "./diagnostics/compareModels";
export type { CalibrationBin, CalibrationTables } from "./diagnostics/calibrationBins";
// Model diagnostics: tracking (issue 16)
export { trackingSeries } from "./diagnostics/trackingSeries";
export { trackingChart } from "./charts/trackingChart";
export { calibrationHoldoutChart } from "./charts/calibrationHoldoutChart";
export type { TrackingSeries, TrackingPeriod, TrackingTotals, TrackingOptions } from "./diagnostics/trackingSeries";
export type { TrackingChartOptions } from "./charts/trackingChart";
export type { CalibrationHoldoutChartOptions } from "./charts/calibrationHoldoutChart";

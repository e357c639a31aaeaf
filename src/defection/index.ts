export { classifyDefections } from "./classifyDefections";
export { defectionReport } from "./defectionReport";
export { DEFAULT_DEFECTION_THRESHOLDS } from "./options";
export type { DefectionReport, DefectionReportOptions } from "./defectionReport";
export type { DefectionReasonRow } from "./reasonTally";
export type {
  ClassifyDefectionsOptions,
  DefectionHistory,
  DefaultDefectionReason,
  DefectionClassification,
  DefectionRule,
  DefectionRuleContext,
  DefectionStatus,
  DefectionThresholds,
  DefectionVerdict,
  DefectionHistoryEvent,
  DefectionHistoryPurchase,
  ResolvedDefectionThresholds,
} from "./types";

/**
 * retention-metrics/schemas: the zod (zod/mini) schemas of the library's input rows, summary
 * rows and JSON report, for systems that validate at their own boundary. They live apart from
 * the core entry so that a browser bundle of the metrics carries no zod; the metrics validate
 * rows with their own checks, which accept exactly what these schemas accept.
 */
export { PurchaseSchema, CustomerEventSchema, SurveyResponseSchema, DateInputSchema, MoneyInputSchema } from "./input/schemas";
export { CostSchema } from "./input/schemas";
export { SummaryRowSchema } from "./clv/summaryRows";
export { KpiReportJsonSchema } from "./report/schema";
export type { KpiReportJson } from "./report/schema";

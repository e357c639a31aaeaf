import { VEGA_LITE_SCHEMA } from "../charts/chartSpec";
import { isBrandedResult } from "../core/resultBrand";
import { KPI_REPORT_SCHEMA_VERSION } from "../report/types";

/** The kinds of result `display` knows. */
export type DisplayKind =
  | "kpiReport"
  | "cohortRetention"
  | "retentionSeries"
  | "customerSummary"
  | "calibrationHoldoutSummary"
  | "predictClv"
  | "scorecard"
  | "nps"
  | "npsTrend"
  | "npsBy"
  | "defectionReport"
  | "rfmScores"
  | "ltvSegments"
  | "chart"
  | "empty";

/** Every kind, in the order `recognise` tries them; for error messages and docs. */
export const DISPLAY_KINDS: readonly DisplayKind[] = [
  "kpiReport", "cohortRetention", "retentionSeries", "customerSummary", "calibrationHoldoutSummary", "predictClv",
  "scorecard", "nps", "npsTrend", "npsBy", "defectionReport", "rfmScores", "ltvSegments", "chart", "empty",
];

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === "object" && value !== null && !Array.isArray(value);
const has = (value: Readonly<Record<string, unknown>>, ...keys: readonly string[]): boolean => keys.every((key) => key in value);

/** The kind of an array result, from its first row. */
function arrayKind(first: unknown): DisplayKind | null {
  if (!isObject(first)) return null;
  if (has(first, "retainedCount", "lostCount", "period")) return "retentionSeries";
  if (has(first, "segment", "score", "r", "f", "m")) return "rfmScores";
  if (has(first, "promoters", "detractors", "key")) return has(first, "start", "end") ? "npsTrend" : "npsBy";
  return null;
}

/**
 * The kind of result `value` is, by the library's brand where the result carries one
 * (customer summaries) and otherwise by its shape: the keys that only that result has. A
 * Vega-Lite v5 spec (a chart function's result) is `"chart"`. An empty array is `"empty"` (an
 * empty trend, series or score list); null for anything else.
 *
 * @example
 * recognise(nps([{ at: "2024-01-01", score: 9 }])) //=> "nps"
 * recognise({ rate: 0.5 }) //=> null
 */
export function recognise(value: unknown): DisplayKind | null {
  if (isBrandedResult(value, ["customerSummary"])) return "customerSummary";
  if (isBrandedResult(value, ["calibrationHoldoutSummary"])) return "calibrationHoldoutSummary";
  if (Array.isArray(value)) return value.length === 0 ? "empty" : arrayKind(value[0]);
  if (!isObject(value)) return null;
  if (value.schemaVersion === KPI_REPORT_SCHEMA_VERSION) return "kpiReport";
  if (value.$schema === VEGA_LITE_SCHEMA) return "chart";
  if (isObject(value.calibration) && Array.isArray(value.calibration.byFrequency) && has(value, "customers", "model")) return "scorecard";
  if (Array.isArray(value.cohorts) && has(value, "curve", "measure", "granularity")) return "cohortRetention";
  if (Array.isArray(value.customers) && has(value, "horizon", "discountRate")) return "predictClv";
  if (Array.isArray(value.customers) && has(value, "calibrationEnd", "observationEnd", "timeUnit")) return "calibrationHoldoutSummary";
  if (Array.isArray(value.customers) && has(value, "asOf", "timeUnit", "customerCount")) return "customerSummary";
  if (Array.isArray(value.byReason) && Array.isArray(value.topAtRisk) && has(value, "defectionRate")) return "defectionReport";
  if (Array.isArray(value.tiers) && has(value, "concentration", "method", "totalValue")) return "ltvSegments";
  if (has(value, "score", "promoters", "passives", "detractors", "responses")) return "nps";
  return null;
}

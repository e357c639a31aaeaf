import { concentrationCurve } from "../charts/ltvConcentrationChart";
import { formatInt, formatMoney, formatPercent, humanize } from "./format";
import type { KpiReport } from "./kpiReport";

/** The charts the HTML page and `toVegaLite` draw. */
export type ReportChart = "cohortHeatmap" | "retentionCurve" | "revenueConcentration" | "defectionValue";

/** Every chart, in page order. */
export const REPORT_CHARTS: readonly ReportChart[] = ["cohortHeatmap", "retentionCurve", "revenueConcentration", "defectionValue"];

/** One cohort cell. */
export interface HeatmapCell {
  readonly cohort: string;
  readonly offset: number;
  readonly rate: number;
  readonly customers: number;
  readonly size: number;
}

/** A point of a line chart. */
export interface LinePoint {
  readonly x: number;
  readonly y: number;
  readonly label: string;
}

/** A bar. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly detail: string;
}

/** Cohort cells with a defined rate. */
export function heatmapCells(report: KpiReport): HeatmapCell[] {
  if (!report.cohorts.available) return [];
  return report.cohorts.cohorts.flatMap((c) =>
    c.rates.flatMap((rate, offset) => (rate === null ? [] : [{ cohort: c.key, offset, rate, customers: c.values[offset] ?? 0, size: c.size }])),
  );
}

/** The average cohort curve, offsets with a defined rate. */
export function retentionCurvePoints(report: KpiReport): LinePoint[] {
  if (!report.cohorts.available) return [];
  return report.cohorts.curve.flatMap((p) => (p.rate === null ? [] : [{ x: p.offset, y: p.rate, label: `month ${p.offset}: ${formatPercent(p.rate)} of ${formatInt(p.customers)} customers in ${p.cohorts} cohorts` }]));
}

/**
 * The revenue-concentration (Lorenz/Pareto) curve: cumulative share of revenue held by the
 * top share of customers, at the LTV tier boundaries and at the top 1%, 10% and 20%
 * (`concentrationCurve`, which `ltvConcentrationChart` draws).
 */
export function concentrationPoints(report: KpiReport): LinePoint[] {
  const tiers = report.segments.ltvTiers;
  if (!tiers.available) return [];
  return concentrationCurve(tiers, "revenue").map((p) => ({ x: p.customers, y: p.value, label: p.label }));
}

/** Unrealized yearly value by defection reason. */
export function defectionBars(report: KpiReport): Bar[] {
  if (!report.defections.available) return [];
  return report.defections.byReason.map((r) => ({
    label: humanize(r.reason),
    value: r.unrealizedValue.toNumber(),
    detail: `${formatInt(r.customers)} defected customers, ${formatMoney(r.unrealizedValue, report.currency)} a year unrealized`,
  }));
}

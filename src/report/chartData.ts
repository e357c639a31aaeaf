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
 * top share of customers, at the LTV tier boundaries and at the top 1%, 10% and 20%.
 */
export function concentrationPoints(report: KpiReport): LinePoint[] {
  const tiers = report.segments.ltvTiers;
  if (!tiers.available) return [];
  const points: LinePoint[] = [{ x: 0, y: 0, label: "no customers: 0% of revenue" }];
  let customers = 0;
  let value = 0;
  for (const tier of tiers.tiers) {
    customers += tier.shareOfCustomers ?? 0;
    value += tier.shareOfValue ?? 0;
    points.push({ x: customers, y: value, label: `through tier "${tier.name}": ${formatPercent(customers)} of customers hold ${formatPercent(value)} of revenue` });
  }
  const c = tiers.concentration;
  for (const [x, y] of [[0.01, c.top1PctShare], [0.1, c.top10PctShare], [0.2, c.top20PctShare]] as const) {
    if (y !== null) points.push({ x, y, label: `top ${x * 100}% of customers hold ${formatPercent(y)} of revenue` });
  }
  return points.sort((p, q) => p.x - q.x);
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

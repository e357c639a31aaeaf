import { concentrationPoints, defectionBars, heatmapCells, retentionCurvePoints, type ReportChart } from "./chartData";
import type { KpiReport } from "./kpiReport";
import { readReport, rendering } from "./readReport";

/** A Vega-Lite v5 specification (plain JSON) with its data inline. */
export interface VegaLiteSpec {
  readonly $schema: string;
  readonly title: string;
  readonly description: string;
  readonly data: { readonly values: readonly Readonly<Record<string, string | number>>[] };
  readonly [key: string]: unknown;
}

const SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/**
 * A Vega-Lite spec of one of the report's charts, with the data inline, for notebooks
 * (Jupyter, Observable) and any Vega-Lite renderer. The charts are those of `renderHtml`.
 * A chart whose section is unavailable gets an empty `data.values`.
 *
 * @param report - a `kpiReport` result
 * @param chart - `cohortHeatmap`, `retentionCurve`, `revenueConcentration` or `defectionValue`
 * @returns the spec
 * @example
 * toVegaLite(report, "retentionCurve").mark //=> { type: "line", point: true, tooltip: true }
 */
export function toVegaLite(report: KpiReport, chart: ReportChart): VegaLiteSpec {
  const checked = readReport(report, "toVegaLite");
  return rendering("toVegaLite", () => vegaLiteOf(checked, chart));
}

/** The body of `toVegaLite`, on a report that passed `readReport`. */
function vegaLiteOf(report: KpiReport, chart: ReportChart): VegaLiteSpec {
  const base = { $schema: SCHEMA, width: 480, height: 280 };
  switch (chart) {
    case "cohortHeatmap":
      return {
        ...base,
        title: "Cohort retention heatmap",
        description: "Share of each monthly acquisition cohort that ordered again k months later.",
        data: { values: heatmapCells(report).map((c) => ({ cohort: c.cohort, offset: c.offset, rate: c.rate, customers: c.customers, size: c.size })) },
        mark: { type: "rect", tooltip: true },
        encoding: {
          x: { field: "offset", type: "ordinal", title: "Months since first activity" },
          y: { field: "cohort", type: "ordinal", title: "Cohort (first month)" },
          color: { field: "rate", type: "quantitative", title: "Customers ordering", scale: { scheme: "blues" }, legend: { format: ".0%" } },
        },
      };
    case "retentionCurve":
      return {
        ...base,
        title: "Average cohort retention curve",
        description: "Customer-weighted share of a cohort ordering in each month after acquisition.",
        data: { values: retentionCurvePoints(report).map((p) => ({ offset: p.x, rate: p.y })) },
        mark: { type: "line", point: true, tooltip: true },
        encoding: {
          x: { field: "offset", type: "quantitative", title: "Months since first activity" },
          y: { field: "rate", type: "quantitative", title: "Customers ordering", axis: { format: ".0%" }, scale: { domain: [0, 1] } },
        },
      };
    case "revenueConcentration":
      return {
        ...base,
        title: "Revenue concentration curve",
        description: "Cumulative share of revenue held by the top share of customers (LTV tiers, Pareto 80%).",
        data: { values: concentrationPoints(report).map((p) => ({ customers: p.x, revenue: p.y, point: p.label })) },
        mark: { type: "line", point: true, tooltip: true },
        encoding: {
          x: { field: "customers", type: "quantitative", title: "Top customers (share of all customers)", axis: { format: ".0%" }, scale: { domain: [0, 1] } },
          y: { field: "revenue", type: "quantitative", title: "Share of revenue", axis: { format: ".0%" }, scale: { domain: [0, 1] } },
        },
      };
    case "defectionValue":
      return {
        ...base,
        title: "Unrealized value by defection reason",
        description: "Yearly revenue of defected customers, by the reason they defected.",
        data: { values: defectionBars(report).map((b) => ({ reason: b.label, unrealizedValue: b.value })) },
        mark: { type: "bar", tooltip: true },
        encoding: {
          y: { field: "reason", type: "nominal", title: "Reason", sort: "-x" },
          x: { field: "unrealizedValue", type: "quantitative", title: `Unrealized value a year${report.currency === null ? "" : ` (${report.currency})`}` },
        },
      };
  }
}

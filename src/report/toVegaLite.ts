import { chartSpec, CHART_FORMATS, unavailableChart } from "../charts/chartSpec";
import { cohortHeatmapSpec } from "../charts/cohortHeatmapSpec";
import { defectionValueChart } from "../charts/defectionValueChart";
import { ltvConcentrationChart } from "../charts/ltvConcentrationChart";
import { describeValue } from "../input/describeValue";
import { RetentionOptionsError } from "../input/errors";
import { heatmapCells, REPORT_CHARTS, retentionCurvePoints, type ReportChart } from "./chartData";
import type { KpiReport } from "./kpiReport";
import { readReport, rendering } from "./readReport";

/** A Vega-Lite v5 specification (plain JSON) with its data inline. */
export interface VegaLiteSpec {
  readonly $schema: string;
  readonly title: string;
  readonly description: string;
  readonly data: { readonly values: readonly Readonly<Record<string, string | number | null>>[] };
  readonly [key: string]: unknown;
}

/**
 * A Vega-Lite spec of one of the report's charts, with the data inline, for notebooks
 * (Jupyter, Observable) and any Vega-Lite renderer. The charts are those of `renderHtml`,
 * drawn by the same functions as the standalone charts (`cohortRetentionChart`'s heatmap,
 * `ltvConcentrationChart`, `defectionValueChart`), with tooltips that format percentages and
 * money. A chart whose section is unavailable (or has nothing to draw) is a chart that says
 * why (`unavailableChart`), not an empty frame.
 *
 * @param report - a `kpiReport` result
 * @param chart - `cohortHeatmap`, `retentionCurve`, `revenueConcentration` or `defectionValue`
 * @returns the spec
 * @throws {RetentionInputError} when `report` is not a `kpiReport` result
 * @throws {RetentionOptionsError} when `chart` is none of `REPORT_CHARTS`
 * @example
 * toVegaLite(report, "retentionCurve").mark //=> { type: "line", point: true }
 */
export function toVegaLite(report: KpiReport, chart: ReportChart): VegaLiteSpec {
  const checked = readReport(report, "toVegaLite");
  if (!REPORT_CHARTS.includes(chart)) {
    throw new RetentionOptionsError("chart", `toVegaLite expects one of ${REPORT_CHARTS.join(", ")}, found ${describeValue(chart)}`);
  }
  return rendering("toVegaLite", () => vegaLiteOf(checked, chart));
}

/** The body of `toVegaLite`, on a report that passed `readReport`. */
function vegaLiteOf(report: KpiReport, chart: ReportChart): VegaLiteSpec {
  const cohortReason = report.cohorts.available ? "no observed cohort cells" : report.cohorts.reason;
  switch (chart) {
    case "cohortHeatmap": {
      const title = "Cohort retention heatmap";
      const cells = heatmapCells(report);
      if (cells.length === 0) return unavailableChart(title, cohortReason);
      return cohortHeatmapSpec(
        cells.map((c) => ({ cohort: c.cohort, offset: c.offset, rate: c.rate, value: c.customers, size: c.size })),
        { title, description: "Share of each monthly acquisition cohort that ordered again k months later; month 0 is the acquisition month.", unit: "month", measure: "customers" },
      );
    }
    case "retentionCurve": {
      const title = "Average cohort retention curve";
      const points = retentionCurvePoints(report);
      if (points.length === 0) return unavailableChart(title, cohortReason);
      return chartSpec({
        title,
        description: "Customer-weighted share of a cohort ordering in each month after acquisition.",
        values: points.map((p) => ({ offset: p.x, rate: p.y })),
        mark: { type: "line", point: true },
        encoding: {
          x: { field: "offset", type: "quantitative", title: "Months since first activity", axis: { tickMinStep: 1 } },
          y: { field: "rate", type: "quantitative", title: "Customers ordering", axis: { format: ".0%" }, scale: { domain: [0, 1] } },
          tooltip: [
            { field: "offset", type: "quantitative", title: "Month", format: CHART_FORMATS.count },
            { field: "rate", type: "quantitative", title: "Customers ordering", format: CHART_FORMATS.percent },
          ],
        },
      });
    }
    case "revenueConcentration":
      return ltvConcentrationChart(report.segments.ltvTiers);
    case "defectionValue":
      return defectionValueChart(report.defections, { currency: report.currency });
  }
}

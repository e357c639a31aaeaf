import { VEGA_LITE_SCHEMA } from "../charts/chartSpec";
import { REPORT_CHARTS } from "../report/chartData";
import type { KpiReport } from "../report/kpiReport";
import { toVegaLite, type VegaLiteSpec } from "../report/toVegaLite";
import type { DisplayKind } from "./recognise";

/**
 * The KPI report's charts (`toVegaLite`, in page order) stacked in one spec: a MIME bundle
 * holds one Vega-Lite spec, so the four become the views of a `vconcat`, each with its data.
 */
function reportCharts(report: KpiReport): VegaLiteSpec {
  const views = REPORT_CHARTS.map((chart) => {
    const { $schema: _, ...view } = toVegaLite(report, chart);
    return view;
  });
  return { $schema: VEGA_LITE_SCHEMA, title: "KPI report charts", description: "The report's charts, as toVegaLite draws them.", data: { values: [] }, vconcat: views };
}

/**
 * The chart `display` puts beside a result's table, as a Vega-Lite v5 spec; null where the
 * kind has none (yet). One chart per kind, from the library's chart functions:
 *
 * - kpiReport: the report's four charts (`toVegaLite`), stacked;
 * - chart: the spec itself (a chart function's result);
 * - cohortRetention: `cohortRetentionChart(result)`;
 * - retentionSeries: `retentionSeriesChart(series)`;
 * - npsTrend: `npsTrendChart(trend)`;
 * - defectionReport: `defectionValueChart(report)`;
 * - rfmScores: `rfmGridChart(scores)`;
 * - ltvSegments: `ltvConcentrationChart(segments)`;
 * - scorecard: `calibrationHoldoutChart(scorecard, { by: "frequency" })`;
 * - customerSummary, calibrationHoldoutSummary, predictClv, nps, npsBy, empty: none (the
 *   frequency/recency, P(alive) and tracking charts need a fitted model, not one result).
 *
 * Only the report's charts exist on this branch; the others join here as their functions land.
 *
 * @example
 * chartFor("kpiReport", kpiReport(purchases, { asOf }))?.vconcat.length //=> 4
 * chartFor("nps", nps(surveys)) //=> null
 */
export function chartFor(kind: DisplayKind, result: unknown): VegaLiteSpec | null {
  switch (kind) {
    case "kpiReport":
      return reportCharts(result as KpiReport);
    case "chart":
      return result as VegaLiteSpec;
    default:
      return null;
  }
}

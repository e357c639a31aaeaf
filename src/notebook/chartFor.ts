import { VEGA_LITE_SCHEMA } from "../charts/chartSpec";
import { REPORT_CHARTS } from "../report/chartData";
import type { KpiReport } from "../report/kpiReport";
import { toVegaLite, type VegaLiteSpec } from "../report/toVegaLite";
import type { DisplayKind } from "./recognise";
import { calibrationHoldoutChart } from "../charts/calibrationHoldoutChart";
import { cohortRetentionChart } from "../charts/cohortRetentionChart";
import { defectionValueChart } from "../charts/defectionValueChart";
import { ltvConcentrationChart } from "../charts/ltvConcentrationChart";
import { npsTrendChart } from "../charts/npsTrendChart";
import { retentionSeriesChart } from "../charts/retentionSeriesChart";
import { rfmGridChart } from "../charts/rfmGridChart";
import type { CohortRetention } from "../metrics/cohortRetention";
import type { RetentionSeriesPoint } from "../metrics/retentionSeries";
import type { NpsTrendPoint } from "../nps/npsTrend";
import type { RfmScore } from "../segments/index";
import type { CalibrationTables } from "../diagnostics/calibrationBins";

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
 * kind has none. One chart per kind, from the library's chart functions:
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
    case "cohortRetention":
      return cohortRetentionChart(result as CohortRetention);
    case "retentionSeries":
      return retentionSeriesChart(result as readonly RetentionSeriesPoint[]);
    case "npsTrend":
      return npsTrendChart(result as readonly NpsTrendPoint[]);
    case "defectionReport":
      return defectionValueChart(result as Parameters<typeof defectionValueChart>[0]);
    case "rfmScores":
      return rfmGridChart(result as readonly RfmScore[]);
    case "ltvSegments":
      return ltvConcentrationChart(result as Parameters<typeof ltvConcentrationChart>[0]);
    case "scorecard":
      return calibrationHoldoutChart(result as { readonly calibration: CalibrationTables }, { by: "frequency" });
    default:
      return null;
  }
}

import type { RetentionSeriesPoint } from "../metrics/retentionSeries";
import type { VegaLiteSpec } from "../report/toVegaLite";
import { chartInput, charting, isList } from "./chartInput";
import { chartSpec, CHART_FORMATS, unavailableChart } from "./chartSpec";

const EXPECTED = "a retentionSeries result (an array of periods with key, rate and counts)";

/**
 * The retention series: each period's retention rate |S ∩ E| / |S| (customers active at
 * its start who are still active at its end) and churn rate, as lines over the periods of a
 * `retentionSeries` result. A period nobody was active at the start of has no rate and is a
 * gap; a series without any rate is a chart that says so.
 *
 * @param series - a `retentionSeries` result
 * @returns a Vega-Lite v5 line chart of retention and churn by period, rates as percentages
 * @throws {RetentionInputError} when `series` is not a `retentionSeries` result
 * @example
 * retentionSeriesChart(retentionSeries(purchases, { granularity: "month", from: "2024-01-01", to: "2024-07-01" })).mark //=> { type: "line", point: true }
 */
export function retentionSeriesChart(series: readonly RetentionSeriesPoint[]): VegaLiteSpec {
  const points = chartInput<readonly RetentionSeriesPoint[]>("retentionSeriesChart", series, EXPECTED, isList);
  return charting("retentionSeriesChart", EXPECTED, () => {
    const title = "Retention and churn by period";
    const rated = points.filter((p) => p.rate !== null);
    if (rated.length === 0) return unavailableChart(title, points.length === 0 ? "the series has no periods" : "no customer was active at the start of any period");
    const values = rated.flatMap((p) => [
      { period: p.key, measure: "Retention rate", rate: p.rate, startCount: p.startCount, retainedCount: p.retainedCount, lostCount: p.lostCount },
      { period: p.key, measure: "Churn rate", rate: p.churnRate, startCount: p.startCount, retainedCount: p.retainedCount, lostCount: p.lostCount },
    ]);
    return chartSpec({
      title,
      description: "Of the customers active at the start of each period, the share still active at its end (retention) and the share lost (churn); the two add to 100%.",
      values,
      mark: { type: "line", point: true },
      encoding: {
        x: { field: "period", type: "ordinal", title: "Period", sort: null, axis: { labelAngle: -45 } },
        y: { field: "rate", type: "quantitative", title: "Share of customers active at the start", scale: { domain: [0, 1] }, axis: { format: ".0%" } },
        color: { field: "measure", type: "nominal", title: null, scale: { domain: ["Retention rate", "Churn rate"], range: ["#08458f", "#c2410c"] } },
        tooltip: [
          { field: "period", type: "ordinal", title: "Period" },
          { field: "measure", type: "nominal", title: "Measure" },
          { field: "rate", type: "quantitative", title: "Rate", format: CHART_FORMATS.percent },
          { field: "startCount", type: "quantitative", title: "Active at start", format: CHART_FORMATS.count },
          { field: "retainedCount", type: "quantitative", title: "Retained", format: CHART_FORMATS.count },
          { field: "lostCount", type: "quantitative", title: "Lost", format: CHART_FORMATS.count },
        ],
      },
    });
  });
}

import { chartSpec, CHART_FORMATS, unavailableChart } from "./chartSpec";
import type { TrackingSeries } from "../diagnostics/trackingSeries";
import type { VegaLiteSpec } from "../report/toVegaLite";
import { RetentionOptionsError } from "../input/errors";
import { readTrackingSeries } from "./readTrackingSeries";
import { printValue } from "../input/describeValue";
import { readOptions } from "../input/readOptions";

/** Options of `trackingChart`. */
export interface TrackingChartOptions {
  /** `cumulative` (default: the smooth picture of BTYD's second tracking plot) or `incremental` (per period). */
  readonly view?: "cumulative" | "incremental" | undefined;
}

const PERIOD_NAMES = { day: "Day", week: "Week", month: "Month", quarter: "Quarter", year: "Year" } as const;

/**
 * The tracking plot of the BTYD walkthrough as a Vega-Lite v5 spec: actual and model-expected
 * repeat transactions per period (`incremental`) or summed from the start (`cumulative`), two
 * lines over the period number, with a dashed rule at the end of calibration. A series with no
 * periods gives a chart that says why. The series may have been through JSON (dates as strings).
 *
 * @param series - a `trackingSeries` result
 * @param options - `view`: "cumulative" (default) or "incremental"
 * @returns a Vega-Lite v5 spec with the data inline
 * @throws {RetentionOptionsError} when `series` is not a tracking series or `view` is unknown
 * @example
 * trackingChart(trackingSeries(fit, purchases, { calibrationEnd: "1997-10-01", end: "1998-07-01" }), { view: "cumulative" }).layer.length //=> 2
 */
export function trackingChart(series: TrackingSeries, options?: TrackingChartOptions): VegaLiteSpec {
  const view = readOptions(options, "trackingChart").view ?? "cumulative";
  if (view !== "cumulative" && view !== "incremental") throw new RetentionOptionsError("view", `trackingChart expects "cumulative" or "incremental", found ${printValue(view)}`);
  const { periods, granularity, model, customers } = readTrackingSeries(series, "trackingChart");
  const cumulative = view === "cumulative";
  const title = cumulative ? "Tracking cumulative repeat transactions" : "Tracking repeat transactions per period";
  if (periods.length === 0) return unavailableChart(title, "no customer made a first purchase before the end of calibration");
  const values = periods.flatMap((p) => [
    { period: p.index, start: p.start, series: "Actual", transactions: cumulative ? p.actualCumulative : p.actual },
    { period: p.index, start: p.start, series: "Model", transactions: cumulative ? p.expectedCumulative : p.expected },
  ]);
  const calibrationPeriods = periods.filter((p) => p.phase === "calibration").length;
  const periodName = granularity === null ? "Period" : PERIOD_NAMES[granularity];
  return chartSpec({
    title,
    description: `Actual against ${model}-expected repeat transactions of ${customers} customers, ${cumulative ? "cumulative" : "per period"}; the dashed rule ends the calibration period.`,
    values,
    layer: [
      {
        mark: { type: "line", tooltip: true },
        encoding: {
          x: { field: "period", type: "quantitative", title: periodName },
          y: { field: "transactions", type: "quantitative", title: cumulative ? "Cumulative repeat transactions" : "Repeat transactions" },
          color: { field: "series", type: "nominal", title: null, scale: { domain: ["Actual", "Model"] } },
          strokeDash: { field: "series", type: "nominal", legend: null, scale: { domain: ["Actual", "Model"], range: [[1, 0], [6, 3]] } },
          tooltip: [
            { field: "period", type: "quantitative", title: periodName },
            { field: "start", type: "nominal", title: "Starts" },
            { field: "series", type: "nominal", title: "Series" },
            { field: "transactions", type: "quantitative", title: "Transactions", format: CHART_FORMATS.number },
          ],
        },
      },
      {
        data: { values: [{ end: cumulative ? calibrationPeriods : calibrationPeriods + 0.5, label: "End of calibration" }] },
        mark: { type: "rule", strokeDash: [4, 4], color: "#666" },
        encoding: { x: { field: "end", type: "quantitative" }, tooltip: { field: "label", type: "nominal" } },
      },
    ],
  });
}

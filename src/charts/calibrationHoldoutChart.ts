import { chartSpec, CHART_FORMATS, unavailableChart } from "./chartSpec";
import type { CalibrationTables } from "../diagnostics/calibrationBins";
import type { VegaLiteSpec } from "../report/toVegaLite";
import { RetentionOptionsError } from "../input/errors";
import { printJson, printValue } from "../input/describeValue";
import { readOptions } from "../input/readOptions";

/** Options of `calibrationHoldoutChart`. */
export interface CalibrationHoldoutChartOptions {
  /** Group customers by calibration frequency (default, as lifetimes' `plot_calibration_purchases_vs_holdout_purchases`) or by decile of predictions. */
  readonly by?: "frequency" | "decile" | undefined;
}

/**
 * Calibration vs holdout as a Vega-Lite v5 spec: for each group of customers (calibration
 * frequency 0, 1, …, 7+, or decile of predicted holdout transactions), the mean actual and the
 * mean predicted holdout transactions, two lines with points, as lifetimes'
 * `plot_calibration_purchases_vs_holdout_purchases` and BTYD's
 * `PlotFreqVsConditionalExpectedFrequency`. Reads `scorecard.calibration` (`evaluateHoldout`);
 * an empty table gives a chart that says why.
 *
 * @param scorecard - anything with `calibration: CalibrationTables` (an `evaluateHoldout` result)
 * @param options - `by`: "frequency" (default) or "decile"
 * @returns a Vega-Lite v5 spec with the data inline
 * @throws {RetentionOptionsError} when the tables are missing or `by` is unknown
 * @example
 * calibrationHoldoutChart(evaluateHoldout(fit, holdout), { by: "frequency" }).mark //=> { type: "line", point: true, … }
 */
export function calibrationHoldoutChart(scorecard: { readonly calibration: CalibrationTables }, options?: CalibrationHoldoutChartOptions): VegaLiteSpec {
  const by = readOptions(options, "calibrationHoldoutChart").by ?? "frequency";
  if (by !== "frequency" && by !== "decile") throw new RetentionOptionsError("by", `calibrationHoldoutChart expects "frequency" or "decile", found ${printValue(by)}`);
  const bins = by === "frequency" ? scorecard?.calibration?.byFrequency : scorecard?.calibration?.byDecile;
  if (!Array.isArray(bins)) throw new RetentionOptionsError("scorecard", `calibrationHoldoutChart expects { calibration: { byFrequency, byDecile } }, found ${printValue(scorecard)}`);
  bins.forEach((bin, i) => {
    const ok = typeof bin === "object" && bin !== null && typeof bin.label === "string" && [bin.customers, bin.meanActual, bin.meanPredicted].every((v) => typeof v === "number" && Number.isFinite(v));
    if (!ok) throw new RetentionOptionsError("scorecard", `calibrationHoldoutChart expects calibration bins { label, customers, meanActual, meanPredicted }; bin ${i} is ${printJson(bin)}`);
  });
  const title = by === "frequency" ? "Holdout transactions by calibration frequency" : "Holdout transactions by decile of predictions";
  if (bins.length === 0) return unavailableChart(title, "the holdout has no customers");
  const groupTitle = by === "frequency" ? "Repeat transactions in calibration" : "Decile of predicted transactions (1 = highest)";
  const order = bins.map((bin) => bin.label);
  const values = bins.flatMap((bin) => [
    { group: bin.label, series: "Actual", mean: bin.meanActual, customers: bin.customers },
    { group: bin.label, series: "Model", mean: bin.meanPredicted, customers: bin.customers },
  ]);
  return chartSpec({
    title,
    description: `Mean actual against mean predicted holdout transactions per customer, by ${by === "frequency" ? "calibration frequency" : "decile of predictions"}.`,
    values,
    mark: { type: "line", point: true, tooltip: true },
    encoding: {
      x: { field: "group", type: "ordinal", sort: order, title: groupTitle, axis: { labelAngle: 0 } },
      y: { field: "mean", type: "quantitative", title: "Mean holdout transactions per customer" },
      color: { field: "series", type: "nominal", title: null, scale: { domain: ["Actual", "Model"] } },
      strokeDash: { field: "series", type: "nominal", legend: null, scale: { domain: ["Actual", "Model"], range: [[1, 0], [6, 3]] } },
      tooltip: [
        { field: "group", type: "ordinal", title: by === "frequency" ? "Calibration frequency" : "Decile" },
        { field: "series", type: "nominal", title: "Series" },
        { field: "mean", type: "quantitative", title: "Mean transactions", format: CHART_FORMATS.number },
        { field: "customers", type: "quantitative", title: "Customers", format: CHART_FORMATS.count },
      ],
    },
  });
}

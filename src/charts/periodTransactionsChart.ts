import { purchaseCountProbability } from "../clv/models/purchaseCountProbability";
import type { TransactionModel } from "../clv/models/modelTypes";
import { TRANSACTION_MODELS } from "../clv/models/modelTypes";
import { readChartModel } from "./modelGrid";
import { transactionModelLabel } from "../clv/models/modelLabel";
import { readSummaryRows, type SummaryColumns, type SummaryInput } from "../clv/summaryInput";
import { RetentionOptionsError } from "../input/errors";
import { integerOption } from "../input/optionReaders";
import { readOptions } from "../input/readOptions";
import type { VegaLiteSpec } from "../report/toVegaLite";
import { chartSpec, CHART_FORMATS, unavailableChart } from "./chartSpec";

/** Options of `periodTransactionsChart`. */
export interface PeriodTransactionsChartOptions {
  /** Bars 0 … maxFrequency − 1, then "maxFrequency+"; a whole number from 1 to 100, default 7 (as lifetimes and BTYD). */
  readonly maxFrequency?: number | undefined;
}

/** One bar pair of the period-transactions chart. */
interface PeriodTransactionsBin {
  readonly frequency: string;
  readonly order: number;
  readonly actual: number;
  readonly expected: number;
}

/**
 * Repeat transactions in the calibration period: how many customers made 0, 1, 2, … repeat
 * purchases, actual against the model's expectation, as lifetimes' `plot_period_transactions`
 * and BTYD's `bgnbd.PlotFrequencyInCalibration` draw it. The expectation is exact, not
 * simulated: expected(k) = Σᵢ wᵢ · P(X(Tᵢ) = k) over the customers (`purchaseCountProbability`,
 * FHL 2005 eq. 8 for BG/NBD, Fader & Hardie's 2006 note eq. 16 for Pareto/NBD, evaluated once
 * per distinct T), and the last bar "K+" holds the rest, Σ wᵢ − Σ_{k<K} expected(k). No
 * customers: a chart that says so.
 *
 * @param model - a fitted BG/NBD or Pareto/NBD model
 * @param summary - the `customerSummary` (or summary rows) the model was fitted on
 * @param options - `maxFrequency` (default 7)
 * @returns a Vega-Lite v5 grouped bar chart, Actual and Model per frequency
 * @throws {RetentionInputError} when a summary row is invalid
 * @throws {RetentionOptionsError} when the model is not BG/NBD or Pareto/NBD, or an option is invalid
 * @example
 * periodTransactionsChart(fitBgNbd(summary), summary).data.values[0] //=> { frequency: "0", order: 0, series: "Actual", customers: 1411 } (CDNOW)
 */
export function periodTransactionsChart(model: TransactionModel, summary: SummaryInput, options: PeriodTransactionsChartOptions = {}): VegaLiteSpec {
  const fn = "periodTransactionsChart";
  const checked = readChartModel<TransactionModel>(model, TRANSACTION_MODELS, fn);
  const rows = readSummaryRows(summary, fn);
  const o = readOptions(options, fn);
  const bins = integerOption("maxFrequency", o.maxFrequency, { min: 1, max: 100 }, 7);
  if (rows.timeUnit !== undefined && rows.timeUnit !== checked.timeUnit) {
    throw new RetentionOptionsError("model", `${fn}: the model is in ${checked.timeUnit}s but the summary in ${rows.timeUnit}s; fit the model on this summary`);
  }
  const title = "Frequency of repeat transactions: actual and model";
  if (rows.count === 0) return unavailableChart(title, "the summary has no customers");
  const table = periodTransactionBins(checked, rows, bins);
  return chartSpec({
    title,
    description: `Customers by number of repeat transactions in the calibration period: actual (${rows.count} customers) and as the ${transactionModelLabel(checked.model)} model expects given each customer's T. Bars of equal height mean the model reproduces the purchase counts.`,
    values: table.flatMap((b) => [
      { frequency: b.frequency, order: b.order, series: "Actual", customers: b.actual },
      { frequency: b.frequency, order: b.order, series: "Model", customers: b.expected },
    ]),
    mark: { type: "bar" },
    encoding: {
      x: { field: "frequency", type: "ordinal", title: "Number of calibration-period repeat transactions", sort: { field: "order" }, axis: { labelAngle: 0 } },
      xOffset: { field: "series", type: "nominal" },
      y: { field: "customers", type: "quantitative", title: "Customers", axis: { format: CHART_FORMATS.count } },
      color: { field: "series", type: "nominal", title: null, scale: { domain: ["Actual", "Model"], range: ["#08458f", "#f28e2b"] } },
      tooltip: [
        { field: "frequency", type: "ordinal", title: "Repeat transactions" },
        { field: "series", type: "nominal", title: "Series" },
        { field: "customers", type: "quantitative", title: "Customers", format: CHART_FORMATS.number },
      ],
    },
  });
}

/** The bins: actual and expected customers per repeat-transaction count, the last one open ("K+"). */
function periodTransactionBins(model: TransactionModel, rows: SummaryColumns, bins: number): PeriodTransactionsBin[] {
  const actual = new Float64Array(bins + 1);
  const weightByT = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < rows.count; i++) {
    const w = rows.weight[i]!;
    actual[Math.min(bins, rows.frequency[i]!)]! += w;
    const T = rows.T[i]!;
    weightByT.set(T, (weightByT.get(T) ?? 0) + w);
    total += w;
  }
  const expected = new Float64Array(bins + 1);
  for (const [T, w] of weightByT) {
    for (let k = 0; k < bins; k++) expected[k]! += w * purchaseCountProbability(model, k, T);
  }
  let below = 0;
  for (let k = 0; k < bins; k++) below += expected[k]!;
  expected[bins] = Math.max(0, total - below);
  return Array.from({ length: bins + 1 }, (_, k) => ({ frequency: k === bins ? `${bins}+` : String(k), order: k, actual: actual[k]!, expected: expected[k]! }));
}

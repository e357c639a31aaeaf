import { conditionalExpectedPurchases } from "../clv/models/conditionalExpectedPurchases";
import { transactionModelLabel } from "../clv/models/modelLabel";
import type { TransactionModel } from "../clv/models/modelTypes";
import { readTime } from "../clv/models/readModel";
import type { VegaLiteSpec } from "../report/toVegaLite";
import { gridValues, readModelGrid, type ModelGridOptions } from "./modelGrid";
import { matrixSpec } from "./matrixSpec";

/** Options of `frequencyRecencyChart`: the grid, and the horizon `t`. */
export interface FrequencyRecencyChartOptions extends ModelGridOptions {
  /** Horizon of the expected purchases, in the model's time unit; default 1. */
  readonly t?: number | undefined;
}

/**
 * The frequency/recency matrix: the expected purchases in the next `t` time units,
 * E[Y(t) | x, tₓ, T] (`conditionalExpectedPurchases`), of a customer with frequency x
 * (across) and recency tₓ (down), all of age T (default `maxRecency`), as lifetimes'
 * `plot_frequency_recency_matrix` draws it. The cells (0, tₓ > 0) are left out: a customer
 * with no repeat purchase has recency 0. The grid is at most 201 × 201 cells.
 *
 * @param model - a fitted BG/NBD or Pareto/NBD model
 * @param options - `maxFrequency`, `maxRecency` (required), `T` and `t`
 * @returns a Vega-Lite v5 heatmap; each cell's `value` is the expected purchases
 * @throws {RetentionOptionsError} when the model or an option is invalid
 * @example
 * frequencyRecencyChart(fitBgNbd(rows), { maxFrequency: 39, maxRecency: 39, t: 1 }).data.values.length //=> 1561
 */
export function frequencyRecencyChart(model: TransactionModel, options: FrequencyRecencyChartOptions): VegaLiteSpec {
  const grid = readModelGrid(model, options, "frequencyRecencyChart");
  const t = options.t === undefined ? 1 : readTime("t", options.t, "frequencyRecencyChart");
  const values = gridValues(grid, (frequency, recency) => conditionalExpectedPurchases(grid.model, { frequency, recency, T: grid.T }, t));
  return matrixSpec(grid, values, {
    title: `Expected purchases in the next ${t} ${grid.model.timeUnit}${t === 1 ? "" : "s"} by frequency and recency`,
    description: `${transactionModelLabel(grid.model.model)}: E[purchases in the next ${t} ${grid.model.timeUnit}${t === 1 ? "" : "s"}] of a customer with this frequency and recency, observed for T = ${grid.T}. The best customers are at the bottom right (many purchases, the last one recent).`,
    valueTitle: "Expected purchases",
    format: ".3f",
  });
}

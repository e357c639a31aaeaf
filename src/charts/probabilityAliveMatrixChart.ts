import { transactionModelLabel } from "../clv/models/modelLabel";
import type { TransactionModel } from "../clv/models/modelTypes";
import { probabilityAlive } from "../clv/models/probabilityAlive";
import type { VegaLiteSpec } from "../report/toVegaLite";
import { CHART_FORMATS } from "./chartSpec";
import { gridValues, readModelGrid, type ModelGridOptions } from "./modelGrid";
import { matrixSpec } from "./matrixSpec";

/**
 * The P(alive) matrix: the probability that a customer with frequency x (across) and recency
 * tₓ (down), of age T (default `maxRecency`), is still alive (`probabilityAlive`), as
 * lifetimes' `plot_probability_alive_matrix` draws it. The cells (0, tₓ > 0) are left out: a
 * customer with no repeat purchase has recency 0. The colour scale is fixed to [0, 1].
 *
 * @param model - a fitted BG/NBD or Pareto/NBD model
 * @param options - `maxFrequency`, `maxRecency` (required) and `T`
 * @returns a Vega-Lite v5 heatmap; each cell's `value` is P(alive)
 * @throws {RetentionOptionsError} when the model or an option is invalid
 * @example
 * probabilityAliveMatrixChart(fitBgNbd(rows), { maxFrequency: 39, maxRecency: 39 }).data.values[0] //=> { frequency: 0, recency: 0, value: 1 }
 */
export function probabilityAliveMatrixChart(model: TransactionModel, options: ModelGridOptions): VegaLiteSpec {
  const grid = readModelGrid(model, options, "probabilityAliveMatrixChart");
  const values = gridValues(grid, (frequency, recency) => probabilityAlive(grid.model, { frequency, recency, T: grid.T }));
  return matrixSpec(grid, values, {
    title: "Probability a customer is alive, by frequency and recency",
    description: `${transactionModelLabel(grid.model.model)}: P(alive) of a customer with this frequency and recency, observed for T = ${grid.T}. Frequent buyers whose last purchase is long ago (top right) are the likeliest to have left.`,
    valueTitle: "P(alive)",
    format: CHART_FORMATS.percent,
    domain: [0, 1],
  });
}

import { RetentionOptionsError } from "../../input/errors";
import { printValue } from "../../input/describeValue";
import { readOptions } from "../../input/readOptions";
import { bgBbLogLikelihood } from "./bgBbMath";
import { mergeDiscreteHistories, readDiscreteHistories, type DiscreteHistoryInput } from "./discreteHistories";
import { maximizeLikelihood, requireData } from "./maximizeLikelihood";
import type { BgBbModel, BgBbParams, FitOptions } from "./modelTypes";

/**
 * Fits the beta-geometric/beta-binomial (BG/BB) model of Fader, Hardie & Shang (2010),
 * "Customer-Base Analysis in a Discrete-Time Noncontractual Setting" (Marketing Science
 * 29(6)), by maximum likelihood: at each transaction opportunity a customer still alive
 * transacts with probability p ~ Beta(α, β), and before each opportunity dies with
 * probability θ ~ Beta(γ, δ).
 *
 * Maximises Σ ln L (see `bgBbLogLikelihoodOfHistory`) in log-parameter space with BFGS on its
 * analytic gradient (Nelder–Mead as the fallback), on rows with identical (frequency, recency,
 * periods) merged. On the donations data (11,104 donors, 6 opportunities) it gives the
 * published α = 1.204, β = 0.750, γ = 0.657, δ = 2.783, LL = −33,225.6.
 *
 * @param rows - `{ frequency, recency, periods, weight? }` in whole opportunities, or a
 *   `customerSummary(…, { timeUnit: "period", granularity })` result
 * @param options - `penalizer` and `maxIterations`; `timeUnit`, when given, must be `"period"`
 * @returns an immutable, JSON-serialisable `BgBbModel` (timeUnit `period`)
 * @throws {RetentionInputError} when a row is invalid (names the row and field)
 * @throws {RetentionOptionsError} when an option is invalid
 * @throws {ModelFitError} when no customer was observed for an opportunity, or no finite optimum was found
 * @example
 * fitBetaGeometricBetaBinomial([{ frequency: 0, recency: 0, periods: 6, weight: 3464 }, …]).params
 * //=> { alpha: 1.204, beta: 0.750, gamma: 0.657, delta: 2.783 } (on the donations data, rounded)
 */
export function fitBetaGeometricBetaBinomial(rows: DiscreteHistoryInput, options: FitOptions = {}): BgBbModel {
  options = readOptions(options, "fitBetaGeometricBetaBinomial");
  if (options.timeUnit !== undefined && options.timeUnit !== "period") {
    throw new RetentionOptionsError("timeUnit", `fitBetaGeometricBetaBinomial counts discrete opportunities, so its time unit is "period"; found ${printValue(options.timeUnit)}`);
  }
  const data = mergeDiscreteHistories(readDiscreteHistories(rows, "fitBetaGeometricBetaBinomial"));
  requireData("bg-bb", data.totalWeight, "customers");
  let observed = 0;
  for (let i = 0; i < data.count; i++) if (data.n[i]! > 0) observed += data.weight[i]!;
  requireData("bg-bb", observed, "customers observed for an opportunity (periods > 0; with every periods = 0 the likelihood is 1 at any parameters)");
  const fit = maximizeLikelihood<BgBbParams>(
    {
      model: "bg-bb",
      names: ["alpha", "beta", "gamma", "delta"],
      logLikelihood: (params, meter) => bgBbLogLikelihood(params, data, undefined, meter),
      logLikelihoodWithGradient: (params, gradient, meter) => bgBbLogLikelihood(params, data, gradient, meter),
      starts: [
        [1, 1, 0.5, 3],
        [1, 1, 1, 1],
      ],
      rowsDescription: `${data.count} distinct (frequency, recency, periods) histories`,
      cheaperHint: "customers with identical (frequency, recency, periods) are merged into one row, so fewer distinct histories fit faster",
      observations: data.totalWeight,
      timeUnit: "period",
    },
    options,
  );
  return Object.freeze({ model: "bg-bb" as const, ...fit });
}

import { readSummaryRows, type SummaryColumns, type SummaryInput } from "../summaryInput";
import { compressHistories, meanTimePerPurchase, observedWeight } from "./compress";
import { distinctHistories, maximizeLikelihood, requireData } from "./maximizeLikelihood";
import type { ParetoNbdParams, FitOptions, ParetoNbdModel } from "./modelTypes";
import { paretoNbdLogLikelihood } from "./paretoNbdMath";
import { readOptions } from "../../input/readOptions";

/**
 * Fits the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987): purchases follow a
 * Poisson process with rate λ ~ Gamma(r, α) while the customer is alive; lifetimes are
 * exponential with rate μ ~ Gamma(s, β).
 *
 * Maximum likelihood in log-parameter space (Nelder–Mead from three starts) on the
 * likelihood of Fader & Hardie (2005), "A Note on Deriving the Pareto/NBD Model", with a
 * stable ₂F₁. On CDNOW it gives r = 0.553, α = 10.58, s = 0.606, β = 11.67, LL = −9595.0,
 * as published by Fader, Hardie & Lee (2005) and checked by lifetimes' `ParetoNBDFitter`.
 *
 * @param summaries - a `customerSummary` result, or rows `{ frequency, recency, T, weight? }`
 * @param options - `penalizer`, `timeUnit` (for plain rows) and `maxIterations`
 * @returns an immutable, JSON-serialisable `ParetoNbdModel`
 * @throws {RetentionInputError} when a row is invalid
 * @throws {ModelFitError} when there are no rows or no finite optimum was found
 * @example
 * fitParetoNbd(cdnowRows, { timeUnit: "week" }).params
 * //=> { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 } (rounded)
 */
export function fitParetoNbd(summaries: SummaryInput, options: FitOptions = {}): ParetoNbdModel {
  options = readOptions(options, "fitParetoNbd");
  return fitParetoNbdColumns(readSummaryRows(summaries, "fitParetoNbd"), options);
}

/**
 * `fitParetoNbd` on rows already read into columns; `withStandardErrors: false` leaves out the
 * standard errors; `start` (r, α, s, β), when given, replaces the default starting points (the
 * report's `--model auto` starts its calibration fit from its full-data fit).
 */
export function fitParetoNbdColumns(rows: SummaryColumns, options: FitOptions, withStandardErrors = true, start?: ParetoNbdParams): ParetoNbdModel {
  const data = compressHistories(rows);
  requireData("pareto-nbd", data.totalWeight, "customers");
  requireData("pareto-nbd", observedWeight(data), "customers observed for some time (T > 0; with every T = 0 the likelihood is 1 at any parameters)");
  const scale = meanTimePerPurchase(data);
  const fit = maximizeLikelihood<ParetoNbdParams>(
    {
      model: "pareto-nbd",
      names: ["r", "alpha", "s", "beta"],
      logLikelihood: (params, meter) => paretoNbdLogLikelihood(params, data, meter),
      starts:
        start === undefined
          ? [
              [1, scale, 1, scale],
              [0.5, scale, 0.5, 2 * scale],
            ]
          : [[start.r, start.alpha, start.s, start.beta]],
      scales: [1, scale, 1, scale],
      ...distinctHistories(data.count),
      observations: data.totalWeight,
      timeUnit: options.timeUnit ?? rows.timeUnit ?? "period",
      standardErrors: withStandardErrors,
    },
    options,
  );
  return Object.freeze({ model: "pareto-nbd" as const, ...fit });
}


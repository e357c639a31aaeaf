import { readSummaryRows, type SummaryColumns, type SummaryInput } from "../summaryRows";
import { maximizeLikelihood, requireData } from "./maximizeLikelihood";
import type { GammaGammaParams, FitOptions, GammaGammaModel } from "./modelTypes";
import { gammaGammaLogLikelihood, spendRows } from "./gammaGammaLikelihood";
import { readOptions } from "../../input/readOptions";

/**
 * Fits the Gamma-Gamma model of spend: a customer's transaction values are Gamma(p, ν) with
 * ν ~ Gamma(q, γ) across customers, independent of when they buy. Only repeat customers
 * (frequency > 0) enter, with `monetaryValue` the mean of their repeat transactions, merged by
 * identical (x, z̄); BFGS climbs the analytic gradient (Nelder–Mead is the fallback). On
 * CDNOW's 946 repeat customers it gives the published p = 6.25, q = 3.74, γ = 15.44, as
 * lifetimes' `GammaGammaFitter` does.
 *
 * @param summaries - a `customerSummary` result, or rows with `frequency` and `monetaryValue`
 * @param options - `penalizer`, `timeUnit` and `maxIterations`
 * @returns an immutable, JSON-serialisable `GammaGammaModel`
 * @throws {RetentionInputError} when a repeat customer has no `monetaryValue` or one ≤ 0
 * @throws {ModelFitError} when there are no repeat customers or no finite optimum was found
 * @example
 * fitGammaGamma(summary).params //=> { p: 6.25, q: 3.74, gamma: 15.44 } (on CDNOW, rounded)
 */
export function fitGammaGamma(summaries: SummaryInput, options: FitOptions = {}): GammaGammaModel {
  options = readOptions(options, "fitGammaGamma");
  return fitGammaGammaColumns(readSummaryRows(summaries, "fitGammaGamma"), options);
}

/** `fitGammaGamma` on rows already read into columns; `withStandardErrors: false` leaves out the standard errors. */
export function fitGammaGammaColumns(rows: SummaryColumns, options: FitOptions, withStandardErrors = true): GammaGammaModel {
  const data = spendRows(rows.count, rows.frequency, rows.monetary, rows.weight);
  requireData("gamma-gamma", data.totalWeight, "repeat customers (frequency > 0)");
  const fit = maximizeLikelihood<GammaGammaParams>(
    {
      model: "gamma-gamma",
      names: ["p", "q", "gamma"],
      logLikelihood: (params, meter) => gammaGammaLogLikelihood(params, data, undefined, meter),
      logLikelihoodWithGradient: (params, gradient, meter) => gammaGammaLogLikelihood(params, data, gradient, meter),
      starts: [
        [1, 1, 1],
        [2, 3, data.meanSpend],
      ],
      rowsDescription: `${data.count} distinct (frequency, mean spend) pairs`,
      scales: [1, 1, data.meanSpend],
      observations: data.totalWeight,
      timeUnit: options.timeUnit ?? rows.timeUnit ?? "period",
      standardErrors: withStandardErrors,
    },
    options,
  );
  return Object.freeze({ model: "gamma-gamma" as const, ...fit });
}

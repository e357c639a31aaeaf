import { readSummaryRows, type SummaryColumns, type SummaryInput } from "../summaryRows";
import { compressHistories, meanTimePerPurchase, observedWeight } from "./compress";
import { bgNbdHistories, bgNbdLogLikelihood } from "./bgNbdLikelihood";
import { distinctHistories, maximizeLikelihood, requireData } from "./maximizeLikelihood";
import type { BgNbdModel, BgNbdParams, FitOptions } from "./modelTypes";
import { readOptions } from "../../input/readOptions";

/**
 * Fits the BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way")
 * by maximum likelihood: purchases follow a Poisson process with rate λ ~ Gamma(r, α); after
 * each purchase the customer drops out with probability p ~ Beta(a, b).
 *
 * Maximises the log-likelihood (see `bgNbdLogLikelihood`) in log-parameter space with
 * BFGS on its analytic gradient from two starts (Nelder–Mead as the fallback), on rows
 * with identical (frequency, recency, T) merged. On
 * CDNOW it gives the published r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4,
 * as lifetimes' `BetaGeoFitter` does.
 *
 * @param summaries - a `customerSummary` result, or rows `{ frequency, recency, T, weight? }`
 * @param options - `penalizer`, `timeUnit` (for plain rows) and `maxIterations`
 * @returns an immutable, JSON-serialisable `BgNbdModel`
 * @throws {RetentionInputError} when a row is invalid (names the row and field)
 * @throws {ModelFitError} when there are no rows or no finite optimum was found
 * @example
 * fitBgNbd(customerSummary(purchases, { asOf: "1997-09-30", timeUnit: "week" })).params
 * //=> { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } (on CDNOW, rounded)
 */
export function fitBgNbd(summaries: SummaryInput, options: FitOptions = {}): BgNbdModel {
  options = readOptions(options, "fitBgNbd");
  return fitBgNbdColumns(readSummaryRows(summaries, "fitBgNbd"), options);
}

/**
 * `fitBgNbd` on rows already read into columns; `withStandardErrors: false` leaves out the
 * standard errors; `start` (r, α, a, b), when given, replaces the two default starting points
 * (the report's holdout fit starts from its full-data fit).
 */
export function fitBgNbdColumns(rows: SummaryColumns, options: FitOptions, withStandardErrors = true, start?: BgNbdParams): BgNbdModel {
  const data = bgNbdHistories(compressHistories(rows));
  requireData("bg-nbd", data.totalWeight, "customers");
  requireData("bg-nbd", observedWeight(data), "customers observed for some time (T > 0; with every T = 0 the likelihood is 1 at any parameters)");
  const alpha0 = meanTimePerPurchase(data);
  const fit = maximizeLikelihood<BgNbdParams>(
    {
      model: "bg-nbd",
      names: ["r", "alpha", "a", "b"],
      logLikelihood: (params, meter) => bgNbdLogLikelihood(params, data, undefined, meter),
      logLikelihoodWithGradient: (params, gradient, meter) => bgNbdLogLikelihood(params, data, gradient, meter),
      starts:
        start === undefined
          ? [
              [1, alpha0, 1, 1],
              [0.3, alpha0 / 3, 0.8, 2.5],
            ]
          : [[start.r, start.alpha, start.a, start.b]],
      ...distinctHistories(data.count),
      scales: [1, alpha0, 1, 1],
      observations: data.totalWeight,
      timeUnit: options.timeUnit ?? rows.timeUnit ?? "period",
      standardErrors: withStandardErrors,
    },
    options,
  );
  return Object.freeze({ model: "bg-nbd" as const, ...fit });
}

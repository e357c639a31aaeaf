import { readSummaryRows, type SummaryColumns, type SummaryInput } from "../summaryInput";
import { compressHistories, meanTimePerPurchase, observedWeight } from "./compress";
import { bgNbdFamilyLogLikelihood, bgNbdHistories } from "./bgNbdLikelihood";
import { distinctHistories, maximizeLikelihood, requireData } from "./maximizeLikelihood";
import type { BgNbdModel, BgNbdParams, FitOptions, FittedModel } from "./modelTypes";
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
  return fitBgNbdFamily("bg-nbd", rows, options, withStandardErrors, start);
}

/** Each BG/NBD-family model's extra dropout chances (`bgNbdFamilyLogLikelihood`) and second default start (α is the mean time per purchase over `alphaDivisor`). */
const FAMILY = {
  "bg-nbd": { dropouts: 0, secondStart: { r: 0.3, alphaDivisor: 3, a: 0.8, b: 2.5 } },
  "mbg-nbd": { dropouts: 1, secondStart: { r: 0.5, alphaDivisor: 2, a: 0.9, b: 1.5 } },
} as const;

/**
 * The fit of BG/NBD or MBG/NBD (`fitModifiedBgNbd`) on rows read into columns: their likelihoods
 * differ only in the time-0 dropout, so one problem serves both.
 */
export function fitBgNbdFamily<M extends "bg-nbd" | "mbg-nbd">(model: M, rows: SummaryColumns, options: FitOptions, withStandardErrors: boolean, start?: BgNbdParams): FittedModel<M, BgNbdParams> {
  const { dropouts, secondStart } = FAMILY[model];
  const data = bgNbdHistories(compressHistories(rows));
  requireData(model, data.totalWeight, "customers");
  requireData(model, observedWeight(data), "customers observed for some time (T > 0; with every T = 0 the likelihood is 1 at any parameters)");
  const alpha0 = meanTimePerPurchase(data);
  const fit = maximizeLikelihood<BgNbdParams>(
    {
      model,
      names: ["r", "alpha", "a", "b"],
      logLikelihood: (params, meter) => bgNbdFamilyLogLikelihood(params, data, dropouts, undefined, meter),
      logLikelihoodWithGradient: (params, gradient, meter) => bgNbdFamilyLogLikelihood(params, data, dropouts, gradient, meter),
      starts:
        start === undefined
          ? [
              [1, alpha0, 1, 1],
              [secondStart.r, alpha0 / secondStart.alphaDivisor, secondStart.a, secondStart.b],
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
  return Object.freeze({ model, ...fit });
}

import { readSummaryRows, type SummaryColumns, type SummaryInput } from "../summaryInput";
import { fitBgNbdFamily } from "./fitBgNbd";
import type { BgNbdParams, FitOptions, ModifiedBgNbdModel } from "./modelTypes";
import { readOptions } from "../../input/readOptions";

/**
 * Fits the MBG/NBD model (Batislam, Denizel & Filiztekin 2007, "Empirical validation and
 * comparison of models for customer base analysis", with Wagner & Hoppe's 2008 erratum) by
 * maximum likelihood: purchases follow a Poisson process with rate λ ~ Gamma(r, α); at time 0
 * and after each purchase the customer drops out with probability p ~ Beta(a, b). Unlike
 * BG/NBD, a customer with no repeat purchase can have dropped out, so P(alive) < 1 for one-time buyers.
 *
 * Maximises `mbgNbdLogLikelihood` in log-parameter space with BFGS on its analytic gradient
 * from two starts (Nelder–Mead as the fallback), on rows with identical (frequency, recency, T)
 * merged, as `fitBgNbd` does. On CDNOW (weeks) it gives r = 0.525, α = 6.183, a = 0.891,
 * b = 1.614, as lifetimes' `ModifiedBetaGeoFitter` and BTYDplus do.
 *
 * @param summaries - a `customerSummary` result, or rows `{ frequency, recency, T, weight? }`
 * @param options - `penalizer`, `timeUnit` (for plain rows) and `maxIterations`
 * @returns an immutable, JSON-serialisable `ModifiedBgNbdModel` (`model: "mbg-nbd"`)
 * @throws {RetentionInputError} when a row is invalid (names the row and field)
 * @throws {ModelFitError} when there are no rows or no finite optimum was found
 * @example
 * fitModifiedBgNbd(customerSummary(purchases, { asOf: "1997-09-30", timeUnit: "week" })).params
 * //=> { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } (on CDNOW, rounded)
 */
export function fitModifiedBgNbd(summaries: SummaryInput, options: FitOptions = {}): ModifiedBgNbdModel {
  options = readOptions(options, "fitModifiedBgNbd");
  return fitModifiedBgNbdColumns(readSummaryRows(summaries, "fitModifiedBgNbd"), options);
}

/**
 * `fitModifiedBgNbd` on rows already read into columns; `withStandardErrors: false` leaves out
 * the standard errors; `start` (r, α, a, b), when given, replaces the two default starting points.
 */
export function fitModifiedBgNbdColumns(rows: SummaryColumns, options: FitOptions, withStandardErrors = true, start?: BgNbdParams): ModifiedBgNbdModel {
  return fitBgNbdFamily("mbg-nbd", rows, options, withStandardErrors, start);
}

import { readSummaryRows, type SummaryColumns, type SummaryInput } from "../summaryInput";
import { maximizeLikelihood, requireData, type FitOutcome } from "./maximizeLikelihood";
import type { GammaGammaParams, FitOptions, GammaGammaModel } from "./modelTypes";
import { gammaGammaLogLikelihood, spendRows } from "./gammaGammaLikelihood";
import { readOptions } from "../../input/readOptions";
import { RetentionOptionsError } from "../../input/errors";
import { printValue } from "../../input/describeValue";
import { CORRELATION_WARNING_AT, frequencySpendCorrelation } from "./frequencySpendCorrelation";

/** Options of `fitGammaGamma`: the shared fit options and the q > 1 constraint. */
export interface GammaGammaFitOptions extends FitOptions {
  /**
   * Fit ln(q − 1 − 1e-6) instead of ln q, so the fitted q is > 1 (at least 1 + 1e-6) and the
   * population mean spend pγ/(q−1) (and every customer's `expectedAverageSpend`) is defined;
   * default false (q > 0, as lifetimes and BTYD fit it). Where the likelihood pulls q to 1 the
   * fit stops at the bound and says so in `warnings`. Where the unconstrained optimum already has q > 1 both give
   * the same fit up to the optimizer's tolerance.
   */
  readonly qAboveOne?: boolean | undefined;
}

/** With `qAboveOne`, q = this + e^θ: q − 1 is at least 1e-6, so q stays > 1 in double precision even where the likelihood pulls it to 1. */
const Q_FLOOR = 1 + 1e-6;

/** The edge warning of the shifted parameter, rewritten in terms of q. */
const Q_AT_FLOOR = `q is at its lower bound 1 + 1e-6 (qAboveOne): the likelihood rises as q → 1, where the population mean spend pγ/(q−1) is infinite, so the spend data are too heavy-tailed for a finite mean; the expected spends are finite but set by that bound`;

/** A fitted Gamma-Gamma model with the check of its independence assumption. */
export interface GammaGammaFit extends GammaGammaModel {
  /**
   * Weighted Pearson correlation between frequency and mean repeat spend among the repeat
   * customers; `null` when either does not vary. The model assumes independence: at |r| ≥ 0.3
   * `warnings` says so.
   */
  readonly frequencySpendCorrelation: number | null;
  /** The fit's warnings (edge parameters) and, at |r| ≥ 0.3, the correlation's. */
  readonly warnings: readonly string[];
}

/**
 * Fits the Gamma-Gamma model of spend: a customer's transaction values are Gamma(p, ν) with
 * ν ~ Gamma(q, γ) across customers, independent of when they buy. Only repeat customers
 * (frequency > 0) enter, with `monetaryValue` the mean of their repeat transactions, merged by
 * identical (x, z̄); BFGS climbs the analytic gradient (Nelder–Mead is the fallback). On
 * CDNOW's 946 repeat customers it gives the published p = 6.25, q = 3.74, γ = 15.44, as
 * lifetimes' `GammaGammaFitter` does.
 *
 * The fit also reports `frequencySpendCorrelation`, the Pearson correlation between frequency and
 * mean spend among the repeat customers, and warns (in `warnings`) when |r| ≥ 0.3: the model
 * assumes the two are independent. With `qAboveOne: true` it fits ln(q − 1) instead of ln q, so
 * q > 1 and the expected spend pγ/(q−1) is always defined.
 *
 * @param summaries - a `customerSummary` result, or rows with `frequency` and `monetaryValue`
 * @param options - `penalizer`, `timeUnit`, `maxIterations` and `qAboveOne` (default false)
 * @returns an immutable, JSON-serialisable `GammaGammaFit` (a `GammaGammaModel` with `frequencySpendCorrelation`)
 * @throws {RetentionInputError} when a repeat customer has no `monetaryValue` or one ≤ 0
 * @throws {ModelFitError} when there are no repeat customers or no finite optimum was found
 * @example
 * fitGammaGamma(summary).params //=> { p: 6.25, q: 3.74, gamma: 15.44 } (on CDNOW, rounded)
 */
export function fitGammaGamma(summaries: SummaryInput, options: GammaGammaFitOptions = {}): GammaGammaFit {
  options = readOptions(options, "fitGammaGamma");
  return fitGammaGammaColumns(readSummaryRows(summaries, "fitGammaGamma"), options);
}

/** `fitGammaGamma` on rows already read into columns; `withStandardErrors: false` leaves out the standard errors. */
export function fitGammaGammaColumns(rows: SummaryColumns, options: GammaGammaFitOptions, withStandardErrors = true): GammaGammaFit {
  const qAboveOne = options.qAboveOne ?? false;
  if (typeof qAboveOne !== "boolean") throw new RetentionOptionsError("qAboveOne", `fitGammaGamma expects true or false, found ${printValue(qAboveOne)}`);
  const data = spendRows(rows.count, rows.frequency, rows.monetary, rows.weight);
  requireData("gamma-gamma", data.totalWeight, "repeat customers (frequency > 0)");
  const shift = qAboveOne ? Q_FLOOR : 0;
  const natural = ([p = 0, q = 0, gamma = 0]: readonly number[]): number[] => [p, q + shift, gamma];
  const fit = maximizeLikelihood<Record<string, number>>(
    {
      model: "gamma-gamma",
      names: ["p", qAboveOne ? "qAboveBound" : "q", "gamma"],
      logLikelihood: (params, meter) => gammaGammaLogLikelihood(natural(params), data, undefined, meter),
      logLikelihoodWithGradient: (params, gradient, meter) => gammaGammaLogLikelihood(natural(params), data, gradient, meter),
      starts: [
        [1, 1, 1],
        [2, 3 - shift, data.meanSpend],
      ],
      rowsDescription: `${data.count} distinct (frequency, mean spend) pairs`,
      scales: [1, 1, data.meanSpend],
      observations: data.totalWeight,
      timeUnit: options.timeUnit ?? rows.timeUnit ?? "period",
      standardErrors: withStandardErrors,
    },
    options,
  );
  const correlation = frequencySpendCorrelation(rows);
  const correlated =
    correlation !== null && Math.abs(correlation) >= CORRELATION_WARNING_AT
      ? [
          `frequency and mean spend correlate among the repeat customers (Pearson r = ${correlation.toFixed(3)}, |r| ≥ ${CORRELATION_WARNING_AT}): the Gamma-Gamma model assumes they are independent, so its expected spends may be biased`,
        ]
      : [];
  const { params, standardErrors } = fit;
  const shifted = qAboveOne
    ? {
        params: Object.freeze({ p: params.p!, q: params.qAboveBound! + shift, gamma: params.gamma! }),
        ...(standardErrors === undefined ? {} : { standardErrors: Object.freeze({ p: standardErrors.p!, q: standardErrors.qAboveBound!, gamma: standardErrors.gamma! }) }),
      }
    : {};
  return Object.freeze({
    model: "gamma-gamma" as const,
    ...(fit as unknown as FitOutcome<GammaGammaParams>),
    ...shifted,
    warnings: Object.freeze([...(fit.warnings ?? []).map((w) => (w.startsWith("qAboveBound = ") ? Q_AT_FLOOR : w)), ...correlated]),
    frequencySpendCorrelation: correlation,
  });
}

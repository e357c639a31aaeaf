import { modelLogLikelihood, MODEL_PARAMETERS } from "../../diagnostics/modelLogLikelihood";
import { readSummaryRows, type SummaryInput } from "../summaryInput";
import { readCohort, sbgLogLikelihood, type SbgCohort } from "./fitShiftedBetaGeometric";
import { gammaGammaLogLikelihood, spendRows } from "./gammaGammaLikelihood";
import type { BgBbModel, GammaGammaModel, ModelName, SbgModel, TransactionModel } from "./modelTypes";
import { bgBbLogLikelihood } from "./bgBbMath";
import { mergeDiscreteHistories, readDiscreteHistories, type DiscreteHistoryInput } from "./discreteHistories";
import { readModel } from "./readModel";
import { RetentionOptionsError } from "../../input/errors";

/** A model's log-likelihood on given rows, with what it was computed from. */
export interface LogLikelihoodResult {
  readonly model: ModelName;
  /** ln L at the model's own parameters, without a fit's penalty. */
  readonly logLikelihood: number;
  /** Customers (sum of weights) the rows hold, counted as the model's fit counts them: every customer for BG/NBD and Pareto/NBD, repeat customers for Gamma-Gamma, the cohort's size for sBG. */
  readonly observations: number;
  /** Free parameters of the model (k). */
  readonly parameters: number;
  /** 2k − 2 ln L. */
  readonly aic: number;
  /** k ln N − 2 ln L with N = `observations`; `null` when there are no observations. */
  readonly bic: number | null;
}

type Evaluate<M> = (model: M, rows: never, fn: string) => { logLikelihood: number; observations: number };

const transactionRows: Evaluate<TransactionModel> = (model, rows: SummaryInput, fn) => {
  const columns = readSummaryRows(rows, fn);
  if (columns.timeUnit !== undefined && columns.timeUnit !== model.timeUnit) {
    throw new RetentionOptionsError("model", `${fn}: the model is in ${model.timeUnit}s but the summary in ${columns.timeUnit}s; the likelihood compares times in one unit`);
  }
  let observations = 0;
  for (let i = 0; i < columns.count; i++) observations += columns.weight[i]!;
  return { logLikelihood: modelLogLikelihood(model, columns), observations };
};

const spendOf: Evaluate<GammaGammaModel> = ({ params: { p, q, gamma } }, rows: SummaryInput, fn) => {
  const columns = readSummaryRows(rows, fn);
  const data = spendRows(columns.count, columns.frequency, columns.monetary, columns.weight);
  return { logLikelihood: gammaGammaLogLikelihood([p, q, gamma], data), observations: data.totalWeight };
};

const cohortOf: Evaluate<SbgModel> = ({ params: { alpha, beta } }, cohort: SbgCohort, fn) => {
  const { lost, survivors, initial } = readCohort(cohort, fn);
  return { logLikelihood: sbgLogLikelihood(alpha, beta, lost, survivors), observations: initial };
};

const discreteRows: Evaluate<BgBbModel> = ({ params: { alpha, beta, gamma, delta } }, rows: DiscreteHistoryInput, fn) => {
  const data = mergeDiscreteHistories(readDiscreteHistories(rows, fn));
  return { logLikelihood: bgBbLogLikelihood([alpha, beta, gamma, delta], data), observations: data.totalWeight };
};

/** How each model reads its rows and evaluates its likelihood: a model is one entry. */
const LIKELIHOODS: { readonly [name: string]: Evaluate<never> } = {
  "bg-nbd": transactionRows,
  "mbg-nbd": transactionRows,
  "pareto-nbd": transactionRows,
  "gamma-gamma": spendOf,
  sbg: cohortOf,
  "bg-bb": discreteRows,
};

/** Free parameters of the models outside `MODEL_PARAMETERS` (the transaction models' count, shared with `compareModels`). */
const OTHER_PARAMETERS: { readonly [name: string]: number } = { "gamma-gamma": 3, sbg: 2, "bg-bb": 4 };

/**
 * A fitted model's log-likelihood at its own parameters on the given rows, so models can be
 * compared on the same rows and peers' checks rebuilt. On the rows a model was fitted on it
 * equals the fit's `logLikelihood` (which leaves out the penalty too).
 *
 * - BG/NBD, Pareto/NBD: summary rows `{ frequency, recency, T, weight? }` or a `customerSummary`;
 *   Σ w · ln P(x, tₓ, T) (FHL 2005 eq. 6; Fader & Hardie's 2005 Pareto/NBD note, eq. 19),
 *   the likelihood the fits maximise (on CDNOW −9582.4 and −9595.0, as published).
 * - Gamma-Gamma: the same rows with `monetaryValue`; the repeat customers' spend likelihood
 *   (Fader & Hardie 2013, eq. 3).
 * - sBG: the cohort `{ alive: […] }` or `{ lost: […], initial }`; Fader & Hardie 2007, eq. 6.
 * - MBG/NBD: as BG/NBD, with the likelihood `fitModifiedBgNbd` maximises.
 * - BG/BB: rows `{ frequency, recency, periods, weight? }` (Fader, Hardie & Shang 2010, eq. 5;
 *   −33,225.6 on the donations data at the published parameters).
 *
 * @param model - a fitted (or JSON-parsed) model
 * @param rows - the rows as the model's fit takes them
 * @returns `{ model, logLikelihood, observations, parameters, aic, bic }`; with no observations, ln L = 0 and `bic` is null
 * @throws {RetentionOptionsError} when the model is invalid, the rows are not rows, or the likelihood is zero or not computable there
 * @throws {RetentionInputError} when a row is invalid (names the row and field)
 * @example
 * logLikelihood(fitBgNbd(cdnow), cdnow).logLikelihood //=> ≈ −9582.43 (CDNOW, as lifetimes and BTYD print it)
 */
export function logLikelihood(model: TransactionModel | GammaGammaModel, rows: SummaryInput): LogLikelihoodResult;
export function logLikelihood(model: SbgModel, cohort: SbgCohort): LogLikelihoodResult;
export function logLikelihood(model: BgBbModel, rows: DiscreteHistoryInput): LogLikelihoodResult;
export function logLikelihood(model: TransactionModel | GammaGammaModel | SbgModel | BgBbModel, rows: SummaryInput | SbgCohort | DiscreteHistoryInput): LogLikelihoodResult {
  const fn = "logLikelihood";
  const checked = readModel<TransactionModel | GammaGammaModel | SbgModel | BgBbModel>(model, Object.keys(LIKELIHOODS) as (TransactionModel | GammaGammaModel | SbgModel | BgBbModel)["model"][], fn);
  const evaluate = LIKELIHOODS[checked.model]! as Evaluate<typeof checked>;
  const parameters = OTHER_PARAMETERS[checked.model] ?? MODEL_PARAMETERS[checked.model as TransactionModel["model"]];
  const { logLikelihood: ll, observations } = evaluate(checked, rows as never, fn);
  if (!Number.isFinite(ll)) {
    throw new RetentionOptionsError("model", `${fn}: the ${checked.model} likelihood is ${Number.isNaN(ll) ? "not computable (a hypergeometric series did not converge within its bound)" : "zero"} on these rows at these parameters`);
  }
  return Object.freeze({
    model: checked.model,
    logLikelihood: ll,
    observations,
    parameters,
    aic: 2 * parameters - 2 * ll,
    bic: observations > 0 ? parameters * Math.log(observations) - 2 * ll : null,
  });
}

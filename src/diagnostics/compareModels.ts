import type { CalibrationHoldoutSummary } from "../clv/calibrationHoldoutSummary";
import type { TransactionModel } from "../clv/models/modelTypes";
import { TRANSACTION_MODELS } from "../clv/models/modelTypes";
import { readModel } from "../clv/models/readModel";
import { RetentionOptionsError } from "../input/errors";
import { readOptions } from "../input/readOptions";
import { printValue } from "../input/describeValue";
import { sameTimeUnit, scoreHoldout, type EvaluateHoldoutOptions } from "./evaluateHoldout";
import { readHoldout } from "./holdoutColumns";
import type { HoldoutScorecard } from "./holdoutScorecard";
import { MODEL_PARAMETERS, modelLogLikelihood } from "./modelLogLikelihood";

/** One model of a comparison: its information criteria on the calibration rows and its holdout scorecard. */
export interface ComparedModel {
  readonly model: TransactionModel["model"];
  /** k: free parameters. */
  readonly parameters: number;
  /** n: customers of the calibration period (rows of the summary). */
  readonly customers: number;
  /** ln L at the fit's parameters on the summary's calibration rows (without any penalty); `null` without rows. */
  readonly logLikelihood: number | null;
  /** 2k − 2 ln L. */
  readonly aic: number | null;
  /** k ln n − 2 ln L. */
  readonly bic: number | null;
  /** Why the criteria are `null`, or `null`. */
  readonly reason: string | null;
  readonly scorecard: HoldoutScorecard;
}

/** Several models' scorecards side by side. */
export interface ModelComparison {
  readonly customers: number;
  readonly holdoutDuration: number | null;
  readonly models: readonly ComparedModel[];
}

/** Largest number of models one comparison takes. */
const MAX_MODELS = 100;

/**
 * Runs `evaluateHoldout` for each model on one holdout, and adds each model's log-likelihood,
 * AIC = 2k − 2 ln L and BIC = k ln n − 2 ln L (Akaike 1974; Schwarz 1978), with k its free
 * parameters (4 for BG/NBD, MBG/NBD and Pareto/NBD) and n the customers of the calibration period.
 * ln L is evaluated at the fit's parameters on the summary's own calibration rows (so models
 * fitted elsewhere compare on the same data); on the rows a model was fitted on it is the
 * fit's `logLikelihood` (without the penalty of a penalized fit). Lower AIC and BIC are better.
 *
 * @param fits - fitted BG/NBD, MBG/NBD or Pareto/NBD models, in the summary's time unit
 * @param holdout - the unchanged result of `calibrationHoldoutSummary`
 * @param options - `spendModel`, passed to every scorecard
 * @returns the models in the order given
 * @throws {RetentionOptionsError} when `fits` is not an array of 1–100 valid models or a scorecard would throw
 * @example
 * compareModels([fitBgNbd(split), fitParetoNbd(split)], split).models.map((m) => [m.model, m.bic, m.scorecard.mae])
 * //=> [["bg-nbd", 19195.…, …], ["pareto-nbd", 19221.…, …]] (CDNOW)
 */
export function compareModels(fits: readonly TransactionModel[], holdout: CalibrationHoldoutSummary, options?: EvaluateHoldoutOptions): ModelComparison {
  const { spendModel } = readOptions(options, "compareModels");
  if (!Array.isArray(fits) || fits.length === 0 || fits.length > MAX_MODELS) {
    throw new RetentionOptionsError("fits", `compareModels expects an array of 1 to ${MAX_MODELS} fitted models, found ${printValue(fits)}`);
  }
  const models = fits.map((fit) => readModel<TransactionModel>(fit, TRANSACTION_MODELS, "compareModels"));
  if (spendModel !== undefined) readModel(spendModel, ["gamma-gamma"], "compareModels");
  const columns = readHoldout(holdout, "compareModels");
  for (const model of models) sameTimeUnit(model, holdout, "compareModels", "fits");
  const n = columns.rows.count;
  return {
    customers: n,
    holdoutDuration: columns.duration,
    models: models.map((model) => {
      const k = MODEL_PARAMETERS[model.model];
      const logLikelihood = n === 0 ? null : modelLogLikelihood(model, columns.rows);
      const defined = logLikelihood !== null && Number.isFinite(logLikelihood);
      return {
        model: model.model,
        parameters: k,
        customers: n,
        logLikelihood: defined ? logLikelihood : null,
        aic: defined ? 2 * k - 2 * logLikelihood : null,
        bic: defined ? k * Math.log(n) - 2 * logLikelihood : null,
        reason: n === 0 ? "the holdout summary has no customer" : defined ? null : "the log-likelihood is not finite at these parameters",
        scorecard: scoreHoldout(model, columns, spendModel),
      };
    }),
  };
}

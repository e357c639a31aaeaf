import type { CalibrationHoldoutSummary } from "../clv/calibrationHoldoutSummary";
import type { GammaGammaModel, TransactionModel } from "../clv/models/modelTypes";
import { TRANSACTION_MODELS } from "../clv/models/modelTypes";
import { readModel } from "../clv/models/readModel";
import { RetentionOptionsError } from "../input/errors";
import { readOptions } from "../input/readOptions";
import { printValue } from "../input/describeValue";
import { calibrationTables } from "./calibrationTables";
import { areaUnderCurve, brierScore } from "./classifierMetrics";
import { errorFigures } from "./errorMetrics";
import { holdoutSpend, readHoldout, type HoldoutColumns } from "./holdoutColumns";
import { predictHoldout } from "./holdoutPredictions";
import type { HoldoutScorecard, NullFigure, SpendAccuracy } from "./holdoutScorecard";
import { descendingOrder } from "../core/descendingOrder";
import { normalizedGini, topDecileShare } from "./rankingMetrics";

/** Options of `evaluateHoldout`. */
export interface EvaluateHoldoutOptions {
  /** A fitted Gamma-Gamma model: adds the spend figures and the value Gini. */
  readonly spendModel?: GammaGammaModel | undefined;
}

const NO_CUSTOMERS = "the holdout summary has no customer";
const NO_HOLDOUT_PURCHASES = "nobody bought in the holdout";
const NO_SPEND_MODEL = "no spendModel was given";

/**
 * Scores a transaction model on the holdout of a `calibrationHoldoutSummary`: per customer,
 * the predicted holdout transactions E[Y(t) | x, tₓ, T] (t the holdout's length, the model's
 * `conditionalExpectedPurchases`) against the actual ones, giving MAE, RMSE, mean error (bias)
 * and the Pearson correlation; the predicted and actual totals and their percentage error; the
 * calibration tables by calibration frequency (0…6, 7+) and by decile of prediction; the
 * normalized Gini (Google's lifetime_value) and the predicted top decile's share of holdout
 * transactions; P(alive) at the end of calibration as a classifier of "bought in the holdout"
 * (AUC as the Mann–Whitney statistic, Brier score); and with a Gamma-Gamma `spendModel`, the
 * expected against the actual mean holdout spend of the customers who bought in the holdout,
 * and the Gini of value. Every figure that is undefined for this data (no customer, nobody
 * bought, no positive or negative for the AUC) is `null`, with its reason in `nullFigures`.
 * Formulas and sources: docs/diagnostics.md, "Holdout scorecard".
 *
 * @param fit - a fitted BG/NBD, MBG/NBD or Pareto/NBD model, in the summary's time unit
 * @param holdoutSummary - the unchanged result of `calibrationHoldoutSummary`
 * @param options - `spendModel`: a fitted Gamma-Gamma model
 * @returns the scorecard, every figure with its counts
 * @throws {RetentionOptionsError} when a model is invalid, the time units differ or the summary is not a `calibrationHoldoutSummary` result
 * @example
 * const split = calibrationHoldoutSummary(purchases, { calibrationEnd: "1997-09-30", observationEnd: "1998-06-30", timeUnit: "week" });
 * evaluateHoldout(fitBgNbd(split), split, { spendModel: fitGammaGamma(split) })
 * //=> { model: "bg-nbd", customers: 2357, mae: …, rmse: …, ranking: { gini: …, … }, probabilityAlive: { auc: …, … }, … }
 */
export function evaluateHoldout(fit: TransactionModel, holdoutSummary: CalibrationHoldoutSummary, options?: EvaluateHoldoutOptions): HoldoutScorecard {
  const { spendModel } = readOptions(options, "evaluateHoldout");
  const model = readModel<TransactionModel>(fit, TRANSACTION_MODELS, "evaluateHoldout");
  if (spendModel !== undefined) readModel(spendModel, ["gamma-gamma"], "evaluateHoldout");
  const holdout = readHoldout(holdoutSummary, "evaluateHoldout");
  sameTimeUnit(model, holdoutSummary, "evaluateHoldout", "holdoutSummary");
  return scoreHoldout(model, holdout, spendModel);
}

/**
 * Checks that a model counts time in the summary's unit.
 *
 * @throws {RetentionOptionsError} (option `option`) when the model's `timeUnit` is not the summary's
 */
export function sameTimeUnit(model: TransactionModel, summary: CalibrationHoldoutSummary, fn: string, option: string): void {
  const unit: unknown = model.timeUnit;
  if (unit === summary.timeUnit) return;
  if (typeof unit !== "string") throw new RetentionOptionsError("model", `${fn}: expected the model's timeUnit to be "${summary.timeUnit}", found ${printValue(unit)}`);
  throw new RetentionOptionsError(option, `${fn}: the summary is in ${summary.timeUnit}s but a ${model.model} model is in ${unit}s; recompute the summary with timeUnit "${unit}"`);
}

/** `evaluateHoldout` on checked models and read columns. */
export function scoreHoldout(model: TransactionModel, holdout: HoldoutColumns, spendModel: GammaGammaModel | undefined): HoldoutScorecard {
  const { rows, actual, duration } = holdout;
  const n = rows.count;
  const nulls: NullFigure[] = [];
  const why: Explain = (figure, value, reason) => {
    if (value === null) nulls.push({ figure, reason });
    return value;
  };
  const { expected, alive } = duration === null ? { expected: new Float64Array(0), alive: new Float64Array(0) } : predictHoldout(model, rows, duration);
  const errors = errorFigures(expected, actual);
  let predictedTotal = 0;
  let actualTotal = 0;
  const bought = new Uint8Array(n);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    predictedTotal += expected[i]!;
    actualTotal += actual[i]!;
    if (actual[i]! > 0) {
      bought[i] = 1;
      positives++;
    }
  }
  const empty = n === 0 ? NO_CUSTOMERS : null;
  const order = descendingOrder(expected);
  const top = topDecileShare(expected, actual, order);
  const value = spendModel === undefined || n === 0 ? null : spendFigures(spendModel, holdout, expected);
  const spend = spendModel === undefined ? null : spendAccuracy(value, why);
  if (spendModel === undefined) nulls.push({ figure: "spend", reason: NO_SPEND_MODEL });
  const noPurchases = empty ?? NO_HOLDOUT_PURCHASES;
  const aucReason = empty ?? (positives === 0 ? NO_HOLDOUT_PURCHASES : "everybody bought in the holdout: no negative to rank against");
  return {
    model: model.model,
    timeUnit: model.timeUnit,
    holdoutDuration: duration,
    customers: n,
    mae: why("mae", errors.mae, NO_CUSTOMERS),
    rmse: why("rmse", errors.rmse, NO_CUSTOMERS),
    meanError: why("meanError", errors.meanError, NO_CUSTOMERS),
    correlation: why("correlation", errors.correlation, empty ?? (n < 2 ? "fewer than 2 customers" : "the predicted or the actual holdout transactions do not vary")),
    aggregate: {
      customers: n,
      predictedTotal,
      actualTotal,
      percentError: why("aggregate.percentError", actualTotal > 0 ? (100 * (predictedTotal - actualTotal)) / actualTotal : null, noPurchases),
    },
    calibration: calibrationTables(rows.frequency, actual, expected, order),
    ranking: {
      customers: n,
      gini: why("ranking.gini", normalizedGini(expected, actual), noPurchases),
      valueGini: why("ranking.valueGini", value === null || value.predictedValue === null ? null : normalizedGini(value.predictedValue, value.actualValue), spendModel === undefined ? NO_SPEND_MODEL : value?.undefinedReason ?? noPurchases),
      topDecileCustomers: top.customers,
      topDecileShare: why("ranking.topDecileShare", top.share, noPurchases),
      topDecileLift: why("ranking.topDecileLift", top.share === null ? null : top.share / 0.1, noPurchases),
    },
    probabilityAlive: {
      customers: n,
      positives,
      negatives: n - positives,
      auc: why("probabilityAlive.auc", areaUnderCurve(alive, bought), aucReason),
      brier: why("probabilityAlive.brier", brierScore(alive, bought), NO_CUSTOMERS),
    },
    spend,
    nullFigures: nulls,
  };
}

/** Per customer: Gamma-Gamma's expected spend per transaction, and predicted and actual holdout value. */
interface SpendFigures {
  /** Why expected spend is undefined (q ≤ 1), or null. */
  readonly undefinedReason: string | null;
  readonly expectedSpend: Float64Array | null;
  readonly predictedValue: Float64Array | null;
  readonly actualValue: Float64Array;
  readonly actualMean: Float64Array;
  readonly bought: Uint8Array;
}

/** E[M | x, z̄] = p(γ + x z̄)/(px + q − 1) (FHL 2005, "RFM and CLV", eq. 5; `expectedAverageSpend`) per customer, times the predicted transactions for value. */
function spendFigures(spendModel: GammaGammaModel, holdout: HoldoutColumns, expected: Float64Array): SpendFigures {
  const { p, q, gamma } = spendModel.params;
  const { rows, actual } = holdout;
  const n = rows.count;
  const { total, mean } = holdoutSpend(holdout);
  const bought = new Uint8Array(n);
  for (let i = 0; i < n; i++) bought[i] = actual[i]! > 0 ? 1 : 0;
  if (!(q > 1)) {
    return { undefinedReason: `the spend model's q = ${q} ≤ 1: its expected spend does not exist`, expectedSpend: null, predictedValue: null, actualValue: total, actualMean: mean, bought };
  }
  const expectedSpend = new Float64Array(n);
  const predictedValue = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = rows.frequency[i]!;
    const z = x === 0 ? 0 : rows.monetary[i]!;
    // p(γ + x z̄)/(px + q − 1), divided through by p so a huge p does not overflow
    const spend = (gamma + x * z) / (x + (q - 1) / p);
    if (!Number.isFinite(spend)) {
      return { undefinedReason: "the spend model's expected spend is too large to represent", expectedSpend: null, predictedValue: null, actualValue: total, actualMean: mean, bought };
    }
    expectedSpend[i] = spend;
    predictedValue[i] = Math.min(Number.MAX_VALUE, expected[i]! * spend);
  }
  return { undefinedReason: null, expectedSpend, predictedValue, actualValue: total, actualMean: mean, bought };
}

type Explain = (figure: string, value: number | null, reason: string) => number | null;

/** Mean expected against mean actual spend per transaction over the customers who bought in the holdout, with MAE and mean error. */
function spendAccuracy(value: SpendFigures | null, why: Explain): SpendAccuracy {
  const customers = value === null ? 0 : value.bought.reduce((sum, b) => sum + b, 0);
  const actualReason = value === null ? NO_CUSTOMERS : NO_HOLDOUT_PURCHASES;
  const predictedReason = customers === 0 ? actualReason : (value?.undefinedReason ?? actualReason);
  let meanActual: number | null = null;
  let meanPredicted: number | null = null;
  if (value !== null && customers > 0) {
    let sumActual = 0;
    let sumPredicted = 0;
    for (let i = 0; i < value.bought.length; i++) {
      if (value.bought[i] === 0) continue;
      sumActual += value.actualMean[i]!;
      sumPredicted += value.expectedSpend?.[i] ?? 0;
    }
    meanActual = sumActual / customers;
    meanPredicted = value.expectedSpend === null ? null : sumPredicted / customers;
  }
  const errors = value?.expectedSpend == null ? null : errorFigures(value.expectedSpend, value.actualMean, value.bought);
  return {
    customers,
    meanPredicted: why("spend.meanPredicted", meanPredicted, predictedReason),
    meanActual: why("spend.meanActual", meanActual, actualReason),
    mae: why("spend.mae", errors?.mae ?? null, predictedReason),
    meanError: why("spend.meanError", errors?.meanError ?? null, predictedReason),
  };
}

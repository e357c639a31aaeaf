/*
 * The shape of the holdout scorecard (`evaluateHoldout`): what a fitted model predicted for
 * the holdout against what the customers did, with the counts behind every figure.
 */
import type { TimeUnit, TransactionModel } from "../clv/models/modelTypes";
import type { CalibrationTables } from "./calibrationBins";

/** Why a figure of the scorecard is `null`: its path in the scorecard (`"correlation"`, `"ranking.valueGini"`) and the reason. */
export interface NullFigure {
  readonly figure: string;
  readonly reason: string;
}

/** Predicted against actual holdout transactions, summed over the customers. */
export interface HoldoutAggregate {
  /** Customers summed. */
  readonly customers: number;
  /** Σ predicted holdout transactions. */
  readonly predictedTotal: number;
  /** Σ actual holdout transactions. */
  readonly actualTotal: number;
  /** 100 · (predictedTotal − actualTotal) / actualTotal; `null` when nobody bought in the holdout. */
  readonly percentError: number | null;
}

/** How well the predictions order the customers (normalized Gini as Google's lifetime_value defines it). */
export interface HoldoutRanking {
  /** Customers ranked. */
  readonly customers: number;
  /** Normalized Gini of the predicted holdout transactions against the actual ones (≤ 1; 1 is a perfect order, 0 no better than chance). */
  readonly gini: number | null;
  /** The same for value (predicted transactions × Gamma-Gamma expected spend against actual holdout spend); `null` without `spendModel`. */
  readonly valueGini: number | null;
  /** Size of the predicted top decile: customers / 10 (a tie at the boundary is counted pro rata). */
  readonly topDecileCustomers: number;
  /** Share of all holdout transactions made by the predicted top 10 % of customers. */
  readonly topDecileShare: number | null;
  /** topDecileShare / 0.1: how many times its fair share the predicted top decile bought (1 is chance). */
  readonly topDecileLift: number | null;
}

/** P(alive) at the end of calibration as a classifier of "made at least one holdout transaction". */
export interface AliveClassification {
  readonly customers: number;
  /** Customers with at least one holdout transaction. */
  readonly positives: number;
  /** Customers with none. */
  readonly negatives: number;
  /** Area under the ROC curve, the Mann–Whitney U / (positives · negatives), ties counted one half. */
  readonly auc: number | null;
  /** Brier score: mean (P(alive) − bought)², in [0, 1], lower is better. */
  readonly brier: number | null;
}

/** Gamma-Gamma's expected spend per transaction against the actual mean holdout spend. */
export interface SpendAccuracy {
  /** Customers who bought in the holdout (every customer of the summary bought in calibration). */
  readonly customers: number;
  /** Mean over those customers of the expected spend per transaction. */
  readonly meanPredicted: number | null;
  /** Mean over those customers of their mean holdout transaction value. */
  readonly meanActual: number | null;
  /** Mean |predicted − actual| spend per transaction. */
  readonly mae: number | null;
  /** Mean (predicted − actual): above 0 the model expects more spend than came. */
  readonly meanError: number | null;
}

/** The holdout scorecard of one transaction model. */
export interface HoldoutScorecard {
  readonly model: TransactionModel["model"];
  readonly timeUnit: TimeUnit;
  /** Length of the holdout in `timeUnit`; `null` when the summary holds no customer. */
  readonly holdoutDuration: number | null;
  /** Customers scored: every row of the calibration/holdout summary. */
  readonly customers: number;
  /** Mean |predicted − actual| holdout transactions per customer. */
  readonly mae: number | null;
  /** √(mean (predicted − actual)²). */
  readonly rmse: number | null;
  /** Mean (predicted − actual): the bias; above 0 the model over-predicts. */
  readonly meanError: number | null;
  /** Pearson correlation of predicted and actual holdout transactions. */
  readonly correlation: number | null;
  readonly aggregate: HoldoutAggregate;
  readonly calibration: CalibrationTables;
  readonly ranking: HoldoutRanking;
  readonly probabilityAlive: AliveClassification;
  /** Spend accuracy; `null` without `spendModel`. */
  readonly spend: SpendAccuracy | null;
  /** One entry per `null` figure, saying why. */
  readonly nullFigures: readonly NullFigure[];
}

import type { SummaryColumns } from "../clv/summaryInput";
import type { TransactionModel } from "../clv/models/modelTypes";
import { predictRows, stepSchedule } from "../clv/models/predictionKernel";
import { nonNegativeResult } from "../clv/models/readModel";

/*
 * What a transaction model predicts for the holdout, per customer: the one place the scorecard
 * asks a model anything, so a new model plugs in here.
 */

/** Per customer: expected holdout transactions and P(alive) at the end of calibration. */
export interface HoldoutPredictions {
  readonly expected: Float64Array;
  readonly alive: Float64Array;
}

/**
 * E[Y(t) | x, tₓ, T] with t the holdout's length, and P(alive), for every row, from the
 * prediction kernel of `predictClv` (one step of length t, no discount): the values of
 * `conditionalExpectedPurchases` and `probabilityAlive`, computed once per distinct (x, T) or
 * interpolated to 1e-11 (docs/clv.md, "How predictClv computes").
 *
 * @throws {RetentionOptionsError} when a prediction cannot be evaluated (as `conditionalExpectedPurchases` throws)
 */
export function predictHoldout(model: TransactionModel, rows: SummaryColumns, duration: number): HoldoutPredictions {
  const include = new Uint8Array(rows.count).fill(1);
  const predictions = predictRows(model, stepSchedule(1, duration, duration, 0), rows, include);
  const expected = predictions.expected;
  for (let i = 0; i < rows.count; i++) {
    expected[i] = nonNegativeResult(predictions.failed[i] === 1 ? Number.NaN : expected[i]!, "evaluateHoldout");
  }
  return { expected, alive: predictions.alive };
}

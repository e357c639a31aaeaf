import { RetentionOptionsError } from "../../input/errors";
import type { TransactionModel } from "./modelTypes";
import { readModel } from "./readModel";

/**
 * One function per transaction model, keyed by the model's name, each taking the model's
 * parameters first: the prediction functions dispatch through such a table, so a model added to
 * `TransactionModel` is one more entry (and the type checker asks for it).
 */
export type PerTransactionModel<Args extends unknown[]> = {
  readonly [M in TransactionModel as M["model"]]: (params: M["params"], ...args: Args) => number;
};

/**
 * Checks `model` against the table's model names (`readModel`) and returns its entry bound to
 * the model's parameters.
 *
 * @throws {RetentionOptionsError} (option `model`) when the model is of another kind or its parameters are invalid
 */
export function answerFor<Args extends unknown[]>(table: PerTransactionModel<Args>, model: TransactionModel, fn: string): (...args: Args) => number {
  const checked = readModel<TransactionModel>(model, Object.keys(table) as TransactionModel["model"][], fn);
  const answer = table[checked.model] as (params: TransactionModel["params"], ...args: Args) => number;
  return (...args: Args) => answer(checked.params, ...args);
}

/**
 * A probability computed by the special functions, clamped to [0, 1] against rounding; a NaN
 * (a series that did not converge) becomes `RetentionOptionsError` naming the model, never a NaN result.
 */
export function probabilityResult(value: number, fn: string): number {
  if (Number.isNaN(value)) {
    throw new RetentionOptionsError("model", `${fn} could not be evaluated for this model, customer and horizon (a hypergeometric series did not converge; parameters far out, such as a and b in the thousands, usually mean the fit's optimum is at infinity: refit with a small penalizer)`);
  }
  return Math.min(1, Math.max(0, value));
}

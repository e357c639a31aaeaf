import { bgNbdProbabilityAliveAt } from "./bgNbdCounts";
import type { BgBbModel, CustomerHistory, DiscreteCustomerHistory, TransactionModel } from "./modelTypes";
import { bgBbProbabilityAliveAtOf, isBgBbModel } from "./bgBbPredictions";
import { paretoNbdProbabilityAliveAt } from "./paretoNbdCounts";
import { mbgNbdProbabilityAliveAt } from "./mbgNbdMath";
import { answerFor, probabilityResult, type PerTransactionModel } from "./perModel";
import { readCustomer, readTime } from "./readModel";

const ALIVE_AT: PerTransactionModel<[x: number, tx: number, T: number, t: number]> = {
  "bg-nbd": bgNbdProbabilityAliveAt,
  "mbg-nbd": mbgNbdProbabilityAliveAt,
  "pareto-nbd": paretoNbdProbabilityAliveAt,
};

/**
 * The probability that a customer with this history is still alive t time units after the end
 * of their observation, at T + t. At t = 0 it is `probabilityAlive`; it never rises with t.
 *
 * BG/NBD: P(alive at T) · (1 + t/(α+T))^(−a) · ₂F₁(a+b−r, a; a+b+x; t/(α+T+t)). Dropout only
 * happens right after a purchase, so a customer alive at T who buys in (T, T+t] may drop out:
 * given λ and p that happens with probability 1 − e^(−λpt), averaged over the posterior
 * λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x) (derived in docs/clv.md, "More answers from a fitted model").
 * Pareto/NBD: P(τ > T+t | history) = P(alive at T) · ((β+T)/(β+T+t))^s, the lifetime's
 * survival under the posterior μ ~ Gamma(s, β+T).
 * Both are checked against seeded simulations of each model in test/clv/moreAnswers.test.ts.
 *
 * MBG/NBD: P(alive at T) · (1−z)^a · ₂F₁(a+b+1−r, a; a+b+x+1; z), z = t/(α+T+t), the same
 * argument with p's posterior Beta(a, b+x+1) (docs/clv.md, "MBG/NBD").
 * BG/BB (discrete time): the customer is `{ frequency, recency, periods }` and t a whole number
 * of opportunities: P(alive at opportunity n + t) (Fader, Hardie & Shang 2010; t = 1 is
 * `probabilityAlive`'s "alive in n + 1").
 *
 * @param model - a fitted (or JSON-parsed) BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model
 * @param customer - `{ frequency, recency, T }` (BTYD recency: first → last transaction), in the model's time unit
 * @param t - the time after T, ≥ 0, in the model's time unit
 * @returns P(alive at T + t) in [0, 1]
 * @throws {RetentionOptionsError} when the model, the customer or t is invalid
 * @example
 * probabilityAliveAt(bgNbdCdnow, { frequency: 2, recency: 30.43, T: 38.86 }, 0) //=> ≈ 0.727, probabilityAlive's value
 * probabilityAliveAt(bgNbdCdnow, { frequency: 2, recency: 30.43, T: 38.86 }, 52) //=> ≈ 0.532: the purchases of the next year may end their life
 */
export function probabilityAliveAt(model: BgBbModel, customer: DiscreteCustomerHistory, t: number): number;
export function probabilityAliveAt(model: TransactionModel, customer: CustomerHistory, t: number): number;
export function probabilityAliveAt(model: TransactionModel | BgBbModel, customer: CustomerHistory | DiscreteCustomerHistory, t: number): number {
  const fn = "probabilityAliveAt";
  if (isBgBbModel(model)) return bgBbProbabilityAliveAtOf(model, customer, t);
  const answer = answerFor(ALIVE_AT, model, fn);
  const { frequency: x, recency: tx, T } = readCustomer(customer as CustomerHistory, fn);
  return probabilityResult(answer(x, tx, T, readTime("t", t, fn)), fn);
}

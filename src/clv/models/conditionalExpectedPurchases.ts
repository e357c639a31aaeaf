import { bgNbdConditionalExpectedPurchases } from "./bgNbdPredictions";
import { mbgNbdConditionalExpectedPurchases } from "./mbgNbdMath";
import type { BgBbModel, BgNbdModel, CustomerHistory, DiscreteCustomerHistory, ParetoNbdModel, TransactionModel } from "./modelTypes";
import { TRANSACTION_MODELS } from "./modelTypes";
import { bgBbConditionalExpectedOf, isBgBbModel } from "./bgBbPredictions";
import { paretoNbdConditionalExpectedPurchases } from "./paretoNbdMath";
import { nonNegativeResult, readCustomer, readModel, readTime } from "./readModel";

/**
 * Expected number of purchases in the next t time units by a customer with this history.
 *
 * BG/NBD (FHL 2005, eq. 10):
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] × P(alive),
 * evaluated after Euler's transformation so a very large x neither overflows nor needs
 * millions of series terms.
 * MBG/NBD: the same with b + 1, and its own P(alive) (Wagner & Hoppe 2008):
 *   (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))] × P(alive).
 * Pareto/NBD (Fader & Hardie 2005 note, eq. 41):
 *   (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] × P(alive).
 * Matches lifetimes' `conditional_expected_number_of_purchases_up_to_time`.
 * BG/BB (discrete time): the expected transactions in the next t = n* whole opportunities of a customer
 * `{ frequency, recency, periods }` (Fader, Hardie & Shang 2010, eq. 13).
 *
 * @param model - a fitted (or JSON-parsed) BG/NBD, MBG/NBD or Pareto/NBD model
 * @param customer - `{ frequency, recency, T }` (BTYD recency: first → last transaction)
 * @param t - the horizon after T, in the model's `timeUnit`
 * @returns E[Y(t) | x, tₓ, T] ≥ 0
 * @throws {RetentionOptionsError} when the model, the customer or t is invalid
 * @example
 * conditionalExpectedPurchases(bgNbdCdnow, { frequency: 2, recency: 30.43, T: 38.86 }, 39) //=> ≈ 1.226 (BG/NBD fitted on CDNOW, weeks)
 * conditionalExpectedPurchases(bgBbDonations, { frequency: 6, recency: 6, periods: 6 }, 5) //=> ≈ 3.75 (BG/BB, donations, 2002–2006)
 */
export function conditionalExpectedPurchases(model: BgBbModel, customer: DiscreteCustomerHistory, nStar: number): number;
export function conditionalExpectedPurchases(model: TransactionModel, customer: CustomerHistory, t: number): number;
export function conditionalExpectedPurchases(model: TransactionModel | BgBbModel, customer: CustomerHistory | DiscreteCustomerHistory, t: number): number {
  if (isBgBbModel(model)) return bgBbConditionalExpectedOf(model, customer, t);
  const checked = readModel<TransactionModel>(model, TRANSACTION_MODELS, "conditionalExpectedPurchases");
  const { frequency: x, recency: tx, T } = readCustomer(customer as CustomerHistory, "conditionalExpectedPurchases");
  const time = readTime("t", t, "conditionalExpectedPurchases");
  const value =
    checked.model === "mbg-nbd"
      ? mbgNbdConditionalExpectedPurchases(checked.params, x, tx, T, time)
      : checked.model === "bg-nbd"
      ? bgNbdConditionalExpectedPurchases((checked as BgNbdModel).params, x, tx, T, time)
      : paretoNbdConditionalExpectedPurchases((checked as ParetoNbdModel).params, x, tx, T, time);
  return nonNegativeResult(value, "conditionalExpectedPurchases");
}

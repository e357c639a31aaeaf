import { bgNbdProbabilityNoPurchase } from "./bgNbdCounts";
import type { BgBbModel, CustomerHistory, DiscreteCustomerHistory, TransactionModel } from "./modelTypes";
import { bgBbProbabilityNoPurchaseOf, isBgBbModel } from "./bgBbPredictions";
import { paretoNbdProbabilityNoPurchase } from "./paretoNbdCounts";
import { mbgNbdProbabilityNoPurchase } from "./mbgNbdMath";
import { answerFor, probabilityResult, type PerTransactionModel } from "./perModel";
import { readCustomer, readTime } from "./readModel";

const NO_PURCHASE: PerTransactionModel<[x: number, tx: number, T: number, t: number]> = {
  "bg-nbd": bgNbdProbabilityNoPurchase,
  "mbg-nbd": mbgNbdProbabilityNoPurchase,
  "pareto-nbd": paretoNbdProbabilityNoPurchase,
};

/**
 * The probability that a customer with this history makes no purchase in (T, T + t]: "will
 * they buy in the next t?" is 1 minus it. It is `purchaseCountProbability(model, 0, t, customer)`.
 *
 * BG/NBD: 1 − P(alive) + P(alive) · ((α+T)/(α+T+t))^(r+x) (an alive customer drops out only
 * after a purchase, so no purchase means dead at T or no purchase event in the window).
 * Pareto/NBD: 1 − P(alive) + P(alive) · P(X(t) = 0) at the posterior parameters
 * (r+x, α+T, s, β+T), with the PMF of Fader & Hardie's 2006 note (`purchaseCountProbability`).
 *
 * MBG/NBD: as BG/NBD, with its own P(alive) (docs/clv.md, "MBG/NBD").
 * BG/BB (discrete time): no transaction in opportunities n+1 … n+t of a customer
 * `{ frequency, recency, periods }`, t whole opportunities.
 *
 * @param model - a fitted (or JSON-parsed) BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model
 * @param customer - `{ frequency, recency, T }` (BTYD recency: first → last transaction), in the model's time unit
 * @param t - the window's length after T, ≥ 0, in the model's time unit
 * @returns P(no purchase in (T, T + t]) in [0, 1]; 1 at t = 0
 * @throws {RetentionOptionsError} when the model, the customer or t is invalid
 * @example
 * 1 - probabilityNoPurchase(bgNbdCdnow, { frequency: 2, recency: 30.43, T: 38.86 }, 13) //=> ≈ 0.323, the chance they buy in the next quarter (weeks)
 */
export function probabilityNoPurchase(model: BgBbModel, customer: DiscreteCustomerHistory, t: number): number;
export function probabilityNoPurchase(model: TransactionModel, customer: CustomerHistory, t: number): number;
export function probabilityNoPurchase(model: TransactionModel | BgBbModel, customer: CustomerHistory | DiscreteCustomerHistory, t: number): number {
  const fn = "probabilityNoPurchase";
  if (isBgBbModel(model)) return bgBbProbabilityNoPurchaseOf(model, customer, t);
  const answer = answerFor(NO_PURCHASE, model, fn);
  const { frequency: x, recency: tx, T } = readCustomer(customer as CustomerHistory, fn);
  return probabilityResult(answer(x, tx, T, readTime("t", t, fn)), fn);
}

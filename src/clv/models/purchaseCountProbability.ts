import { RetentionOptionsError } from "../../input/errors";
import { bgNbdConditionalPurchaseCountProbability } from "./bgNbdCounts";
import { bgNbdPurchaseCountProbability } from "./bgNbdPredictions";
import type { BgBbModel, CustomerHistory, TransactionModel } from "./modelTypes";
import { bgBbPurchaseCountOf, isBgBbModel } from "./bgBbPredictions";
import { paretoNbdConditionalPurchaseCountProbability, paretoNbdPurchaseCountProbability } from "./paretoNbdCounts";
import { mbgNbdConditionalPurchaseCountProbability, mbgNbdPurchaseCountProbability } from "./mbgNbdMath";
import { answerFor, probabilityResult, type PerTransactionModel } from "./perModel";
import { readCustomer, readTime } from "./readModel";
import { printValue } from "../../input/describeValue";

const UNCONDITIONAL: PerTransactionModel<[n: number, t: number]> = {
  "bg-nbd": bgNbdPurchaseCountProbability,
  "mbg-nbd": mbgNbdPurchaseCountProbability,
  "pareto-nbd": paretoNbdPurchaseCountProbability,
};

const CONDITIONAL: PerTransactionModel<[n: number, x: number, tx: number, T: number, t: number]> = {
  "bg-nbd": bgNbdConditionalPurchaseCountProbability,
  "mbg-nbd": mbgNbdConditionalPurchaseCountProbability,
  "pareto-nbd": paretoNbdConditionalPurchaseCountProbability,
};

/** Largest n per model: the Pareto/NBD's PMF sums n + 1 hypergeometric series, so its n is bounded lower. */
const MAX_N: Readonly<Record<string, number>> = { "pareto-nbd": 10_000 };
const DEFAULT_MAX_N = 1_000_000;

/**
 * P(X(t) = n): the probability that a new customer makes exactly n purchases in (0, t]; or,
 * given a `customer`'s history, P(X(T, T+t) = n | x, tₓ, T), the probability of exactly n
 * purchases in the next t time units after their T. Summed over n = 0, 1, 2, … either is 1.
 * BG/BB (discrete time): P(X(t) = n), exactly n transactions in the first t whole opportunities
 * (Fader, Hardie & Shang 2010, eq. 8); summed over n = 0 … t it is 1.
 *
 * Unconditional: BG/NBD, Fader, Hardie & Lee 2005, eq. 8 (lifetimes'
 * `probability_of_n_purchases_up_to_time`); MBG/NBD, its form with b + 1 plus the a/(a+b) who
 * drop out at time 0 (Batislam, Denizel & Filiztekin 2007); Pareto/NBD, Fader & Hardie 2006, "Deriving an
 * expression for P(X(t) = x) under the Pareto/NBD model", eq. 16 (BTYD's `pnbd.pmf`).
 * Conditional: 𝟙(n = 0)·(1 − P(alive)) + P(alive) · P(X(t) = n) at the posterior parameters of
 * a customer alive at T: BG/NBD (r+x, α+T, a, b+x), Pareto/NBD (r+x, α+T, s, β+T) (derived in
 * docs/clv.md, "More answers from a fitted model"). With x = tₓ = T = 0 it is the unconditional form.
 *
 * @param model - a fitted (or JSON-parsed) BG/NBD, MBG/NBD or Pareto/NBD model
 * @param n - a whole number of purchases ≥ 0 (at most 1e6; 10,000 for Pareto/NBD)
 * @param t - the horizon, in the model's `timeUnit`
 * @param customer - optional `{ frequency, recency, T }`: when given, the count in (T, T+t] given that history
 * @returns the probability, in [0, 1]
 * @throws {RetentionOptionsError} when the model, n, t or the customer is invalid
 * @example
 * purchaseCountProbability(bgNbdCdnow, 0, 39) //=> ≈ 0.574 (BG/NBD fitted on CDNOW, weeks)
 * purchaseCountProbability(bgNbdCdnow, 2, 39, { frequency: 2, recency: 30.43, T: 38.86 }) //=> ≈ 0.144, P(exactly 2 purchases in the next 39 weeks)
 * purchaseCountProbability(bgBbDonations, 0, 6) //=> ≈ 0.311 (BG/BB, donations: 3,454.9 of 11,104 donors)
 */
export function purchaseCountProbability(model: BgBbModel, x: number, n: number): number;
export function purchaseCountProbability(model: TransactionModel, n: number, t: number, customer?: CustomerHistory): number;
export function purchaseCountProbability(model: TransactionModel | BgBbModel, n: number, t: number, customer?: CustomerHistory): number {
  const fn = "purchaseCountProbability";
  if (isBgBbModel(model)) return bgBbPurchaseCountOf(model, n, t);
  const unconditional = answerFor(UNCONDITIONAL, model, fn);
  const maxN = MAX_N[model.model] ?? DEFAULT_MAX_N;
  if (!(Number.isInteger(n) && n >= 0 && n <= maxN)) throw new RetentionOptionsError("n", `${fn} expects an integer from 0 to ${maxN} for a ${model.model} model, found ${printValue(n)}`);
  const time = readTime("t", t, fn);
  if (customer === undefined) return probabilityResult(unconditional(n, time), fn);
  const { frequency: x, recency: tx, T } = readCustomer(customer, fn);
  return probabilityResult(answerFor(CONDITIONAL, model, fn)(n, x, tx, T, time), fn);
}

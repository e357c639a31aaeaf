import { bgNbdProbabilityAlive } from "./bgNbdPredictions";
import { mbgNbdProbabilityAlive } from "./mbgNbdMath";
import type { BgBbModel, BgNbdModel, CustomerHistory, DiscreteCustomerHistory, ParetoNbdModel, TransactionModel } from "./modelTypes";
import { TRANSACTION_MODELS } from "./modelTypes";
import { bgBbProbabilityAliveOf, isBgBbModel } from "./bgBbPredictions";
import { paretoNbdProbabilityAlive } from "./paretoNbdMath";
import { readCustomer, readModel } from "./readModel";

/**
 * The probability that a customer with this history is still "alive" (has not dropped out)
 * at the end of their observation, T.
 *
 * BG/NBD: 1 / (1 + 𝟙(x>0)·a/(b+x−1)·((α+T)/(α+tₓ))^(r+x)) (Fader, Hardie & Lee 2005, eq. 13);
 * a customer with no repeat purchase is alive with probability 1 under BG/NBD, because
 * dropout can only happen right after a purchase.
 * MBG/NBD: 1 / (1 + a/(b+x)·((α+T)/(α+tₓ))^(r+x)) (Batislam et al. 2007), below 1 for one-time buyers too.
 * Pareto/NBD: 1 / (1 + s/(r+s+x)·(α+T)^(r+x)(β+T)^s·A₀) (Fader & Hardie 2005 note, eq. 18).
 * Both are computed in logs: a very large frequency or a long T gives a value in [0, 1],
 * never NaN or an overflow (the failure lifetimes users report). Matches lifetimes'
 * `conditional_probability_alive`.
 * BG/BB (discrete time): P(alive in opportunity n + 1 | x, tₓ, n) = B(α+x, β+n−x)·B(γ, δ+n+1) / (B(α,β)·B(γ,δ)·L)
 * (Fader, Hardie & Shang 2010, eq. 11), for a customer `{ frequency, recency, periods }`.
 *
 * @param model - a fitted (or JSON-parsed) BG/NBD, MBG/NBD or Pareto/NBD model
 * @param customer - `{ frequency, recency, T }`: BTYD recency (first → last transaction), in the model's time unit
 * @returns P(alive) in [0, 1]
 * @throws {RetentionOptionsError} when the model or the customer is invalid
 * @example
 * probabilityAlive(bgNbdCdnow, { frequency: 2, recency: 30.43, T: 38.86 }) //=> ≈ 0.727 (BG/NBD fitted on CDNOW, weeks)
 * probabilityAlive(bgBbDonations, { frequency: 2, recency: 4, periods: 6 }) //=> ≈ 0.59 (BG/BB on the donations data)
 */
export function probabilityAlive(model: BgBbModel, customer: DiscreteCustomerHistory): number;
export function probabilityAlive(model: TransactionModel, customer: CustomerHistory): number;
export function probabilityAlive(model: TransactionModel | BgBbModel, customer: CustomerHistory | DiscreteCustomerHistory): number {
  if (isBgBbModel(model)) return bgBbProbabilityAliveOf(model, customer);
  const checked = readModel<TransactionModel>(model, TRANSACTION_MODELS, "probabilityAlive");
  const { frequency: x, recency: tx, T } = readCustomer(customer as CustomerHistory, "probabilityAlive");
  if (checked.model === "mbg-nbd") return mbgNbdProbabilityAlive(checked.params, x, tx, T);
  return checked.model === "bg-nbd"
    ? bgNbdProbabilityAlive((checked as BgNbdModel).params, x, tx, T)
    : paretoNbdProbabilityAlive((checked as ParetoNbdModel).params, x, tx, T);
}

import { bgNbdExpectedPurchases } from "./bgNbdPredictions";
import { mbgNbdExpectedPurchases } from "./mbgNbdMath";
import type { BgBbModel, BgNbdModel, ParetoNbdModel, TransactionModel } from "./modelTypes";
import { TRANSACTION_MODELS } from "./modelTypes";
import { bgBbExpectedOf, isBgBbModel } from "./bgBbPredictions";
import { paretoNbdExpectedPurchases } from "./paretoNbdMath";
import { nonNegativeResult, readModel, readTime } from "./readModel";

/**
 * Expected number of purchases in (0, t] by a new customer (one who starts at 0).
 *
 * BG/NBD: (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))] (FHL 2005, eq. 9).
 * MBG/NBD: b/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))] (lifetimes' `ModifiedBetaGeoFitter`).
 * Pareto/NBD: rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)] (Schmittlein et al. 1987).
 * Matches lifetimes' `expected_number_of_purchases_up_to_time`.
 * BG/BB (discrete time): E[X(n)] in the first t = n whole opportunities,
 * α/(α+β) · δ/(γ−1) · [1 − Γ(γ+δ)Γ(1+δ+n)/(Γ(γ+δ+n)Γ(1+δ))] (Fader, Hardie & Shang 2010, eq. 9).
 *
 * @param model - a fitted (or JSON-parsed) BG/NBD, MBG/NBD or Pareto/NBD model
 * @param t - the horizon, in the model's `timeUnit`
 * @returns E[X(t)] ≥ 0
 * @throws {RetentionOptionsError} when the model or t is invalid
 * @example
 * expectedPurchases(bgNbdCdnow, 52) //=> ≈ 1.444 (BG/NBD fitted on CDNOW, weeks)
 * expectedPurchases(bgBbDonations, 6) //=> ≈ 2.220 (BG/BB, donations)
 */
export function expectedPurchases(model: BgBbModel, n: number): number;
export function expectedPurchases(model: TransactionModel, t: number): number;
export function expectedPurchases(model: TransactionModel | BgBbModel, t: number): number {
  if (isBgBbModel(model)) return bgBbExpectedOf(model, t);
  const checked = readModel<TransactionModel>(model, TRANSACTION_MODELS, "expectedPurchases");
  const time = readTime("t", t, "expectedPurchases");
  const value =
    checked.model === "mbg-nbd"
      ? mbgNbdExpectedPurchases(checked.params, time)
      : checked.model === "bg-nbd"
      ? bgNbdExpectedPurchases((checked as BgNbdModel).params, time)
      : paretoNbdExpectedPurchases((checked as ParetoNbdModel).params, time);
  return nonNegativeResult(value, "expectedPurchases");
}

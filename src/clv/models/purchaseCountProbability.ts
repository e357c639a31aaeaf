import { RetentionOptionsError } from "../../input/errors";
import { bgNbdPurchaseCountProbability } from "./bgNbdPredictions";
import type { BgBbModel, BgNbdModel } from "./modelTypes";
import { bgBbPurchaseCountOf, isBgBbModel } from "./bgBbPredictions";
import { readModel, readTime } from "./readModel";
import { printJson, printValue } from "../../input/describeValue";

/**
 * P(X(t) = n): the probability that a new customer makes exactly n purchases in (0, t]
 * (BG/NBD only; Fader, Hardie & Lee 2005, eq. 8; lifetimes' `probability_of_n_purchases_up_to_time`).
 * Summed over n = 0, 1, 2, … it is 1.
 * BG/BB (discrete time): P(X(t) = n), exactly n transactions in the first t whole opportunities
 * (Fader, Hardie & Shang 2010, eq. 8); summed over n = 0 … t it is 1.
 *
 * @param model - a fitted (or JSON-parsed) BG/NBD model
 * @param n - a whole number of purchases ≥ 0
 * @param t - the horizon, in the model's `timeUnit`
 * @returns the probability, in [0, 1]
 * @throws {RetentionOptionsError} when the model is not BG/NBD, or n or t is invalid
 * @example
 * purchaseCountProbability(bgNbdCdnow, 0, 39) //=> ≈ 0.574 (BG/NBD fitted on CDNOW, weeks)
 * purchaseCountProbability(bgBbDonations, 0, 6) //=> ≈ 0.311 (BG/BB, donations: 3,454.9 of 11,104 donors)
 */
export function purchaseCountProbability(model: BgBbModel, x: number, n: number): number;
export function purchaseCountProbability(model: BgNbdModel, n: number, t: number): number;
export function purchaseCountProbability(model: BgNbdModel | BgBbModel, n: number, t: number): number {
  if (isBgBbModel(model)) return bgBbPurchaseCountOf(model, n, t);
  const { params } = readModel(model, ["bg-nbd"], "purchaseCountProbability");
  if (!(Number.isInteger(n) && n >= 0 && n <= 1e6)) throw new RetentionOptionsError("n", `purchaseCountProbability expects an integer from 0 to 1e6, found ${printValue(n)}`);
  const time = readTime("t", t, "purchaseCountProbability");
  const p = bgNbdPurchaseCountProbability(params, n, time);
  if (Number.isNaN(p)) {
    throw new RetentionOptionsError("model", `purchaseCountProbability cannot be evaluated at these parameters (${printJson(params)}): they are outside the range the BG/NBD formulas hold in double precision`);
  }
  return Math.min(1, Math.max(0, p));
}

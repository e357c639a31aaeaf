import { RetentionOptionsError } from "../../input/errors";
import { bgNbdPurchaseCountProbability } from "./bgNbdPredictions";
import { mbgNbdPurchaseCountProbability } from "./mbgNbdMath";
import type { BgNbdModel, ModifiedBgNbdModel } from "./modelTypes";
import { readModel, readTime } from "./readModel";
import { printJson, printValue } from "../../input/describeValue";

/**
 * P(X(t) = n): the probability that a new customer makes exactly n purchases in (0, t]
 * (BG/NBD: Fader, Hardie & Lee 2005, eq. 8; MBG/NBD: its form with b + 1 plus the a/(a+b) who drop out
 * at time 0; lifetimes' `probability_of_n_purchases_up_to_time`).
 * Summed over n = 0, 1, 2, … it is 1.
 *
 * @param model - a fitted (or JSON-parsed) BG/NBD or MBG/NBD model
 * @param n - a whole number of purchases ≥ 0
 * @param t - the horizon, in the model's `timeUnit`
 * @returns the probability, in [0, 1]
 * @throws {RetentionOptionsError} when the model is not BG/NBD or MBG/NBD, or n or t is invalid
 * @example
 * purchaseCountProbability(bgNbdCdnow, 0, 39) //=> ≈ 0.574 (BG/NBD fitted on CDNOW, weeks)
 */
export function purchaseCountProbability(model: BgNbdModel | ModifiedBgNbdModel, n: number, t: number): number {
  const checked = readModel<BgNbdModel | ModifiedBgNbdModel>(model, ["bg-nbd", "mbg-nbd"], "purchaseCountProbability");
  const { params } = checked;
  if (!(Number.isInteger(n) && n >= 0 && n <= 1e6)) throw new RetentionOptionsError("n", `purchaseCountProbability expects an integer from 0 to 1e6, found ${printValue(n)}`);
  const time = readTime("t", t, "purchaseCountProbability");
  const p = checked.model === "mbg-nbd" ? mbgNbdPurchaseCountProbability(params, n, time) : bgNbdPurchaseCountProbability(params, n, time);
  if (Number.isNaN(p)) {
    throw new RetentionOptionsError("model", `purchaseCountProbability cannot be evaluated at these parameters (${printJson(params)}): they are outside the range the BG/NBD formulas hold in double precision`);
  }
  return Math.min(1, Math.max(0, p));
}

import { RetentionOptionsError } from "../../input/errors";
import { hyp2f1Log } from "./hyp2f1";
import type { SbgModel } from "./modelTypes";
import { readModel } from "./readModel";
import { betaln } from "./special";
import { printValue } from "../../input/describeValue";

function period(name: string, value: number, fn: string, min: number): number {
  if (!(Number.isInteger(value) && value >= min)) throw new RetentionOptionsError(name, `${fn} expects an integer ≥ ${min}, found ${printValue(value)}`);
  return value;
}

/** Smallest discount rate per period: below it 1/(1 + d) rounds to 1 and the lifetime sums need not converge. */
const MIN_DISCOUNT_RATE = 1e-9;

function discount(value: number, fn: string): number {
  if (!(typeof value === "number" && Number.isFinite(value) && value >= MIN_DISCOUNT_RATE)) {
    throw new RetentionOptionsError("discountRate", `${fn} expects a discount rate per period ≥ ${MIN_DISCOUNT_RATE}, found ${printValue(value)}`);
  }
  return value;
}

/**
 * The share of a contract cohort still a customer after t renewal opportunities:
 * S(t) = B(α, β+t)/B(α, β), with S(0) = 1 (Fader & Hardie 2007, eq. 3).
 *
 * @param model - a fitted (or JSON-parsed) sBG model
 * @param t - a whole number of periods ≥ 0
 * @returns S(t) in [0, 1]
 * @throws {RetentionOptionsError} when the model or t is invalid
 * @example
 * survival(fitShiftedBetaGeometric({ alive: [1000, 869, 743] }), 0) //=> 1
 */
export function survival(model: SbgModel, t: number): number {
  const { alpha, beta } = readModel(model, ["sbg"], "survival").params;
  period("t", t, "survival", 0);
  return t === 0 ? 1 : Math.exp(betaln(alpha, beta + t) - betaln(alpha, beta));
}

/**
 * The retention rate in period t, rₜ = S(t)/S(t−1) = (β+t−1)/(α+β+t−1) (Fader & Hardie 2007,
 * eq. 4): it rises with t as the customers likely to churn leave the cohort.
 *
 * @param model - a fitted sBG model
 * @param t - a whole number of periods ≥ 1
 * @returns the share of those alive at t−1 who renew at t
 * @throws {RetentionOptionsError} when the model or t is invalid
 * @example
 * retentionRateAt({ model: "sbg", params: { alpha: 1, beta: 3 }, ... }, 1) //=> 0.75
 */
export function retentionRateAt(model: SbgModel, t: number): number {
  const { alpha, beta } = readModel(model, ["sbg"], "retentionRateAt").params;
  period("t", t, "retentionRateAt", 1);
  return (beta + t - 1) / (alpha + beta + t - 1);
}

/**
 * Discounted expected lifetime of a new customer, in periods:
 *   DEL = Σ_{t≥0} S(t)/(1+d)^t = ₂F₁(1, β; α+β; 1/(1+d))
 * (Fader & Hardie 2010, "Customer-Base Valuation in a Contractual Setting", eq. 5). Multiply
 * by the margin per period, paid at the start of each period, for the expected CLV.
 *
 * @param model - a fitted sBG model
 * @param discountRate - discount rate per period, > 0
 * @returns DEL in periods
 * @throws {RetentionOptionsError} when the model or the rate is invalid
 * @example
 * discountedExpectedLifetime({ model: "sbg", params: { alpha: 1, beta: 1 }, ... }, 0.1) //=> ≈ 2.638
 */
export function discountedExpectedLifetime(model: SbgModel, discountRate: number): number {
  const { alpha, beta } = readModel(model, ["sbg"], "discountedExpectedLifetime").params;
  const d = discount(discountRate, "discountedExpectedLifetime");
  const f = hyp2f1Log(1, beta, alpha + beta, 1 / (1 + d));
  return Math.exp(f.log);
}

/**
 * Discounted expected residual lifetime of a customer who has made `renewals` renewals
 * (n − 1 renewals in Fader & Hardie 2010, eq. 6, so renewals = n − 1), seen just before the
 * next renewal decision:
 *   DERL = Σ_{t≥n} S(t)/S(n−1) / (1+d)^(t−n) = B(α, β+n)/B(α, β+n−1) · ₂F₁(1, β+n; α+β+n; 1/(1+d)).
 * DERL grows with `renewals`: the customers who stayed are the ones with low churn odds.
 *
 * @param model - a fitted sBG model
 * @param discountRate - discount rate per period, > 0
 * @param renewals - renewals made so far, an integer ≥ 0
 * @returns DERL in periods
 * @throws {RetentionOptionsError} when the model, the rate or `renewals` is invalid
 * @example
 * discountedExpectedResidualLifetime({ model: "sbg", params: { alpha: 1, beta: 1 }, ... }, 0.1, 0) //=> ≈ 1.801
 */
export function discountedExpectedResidualLifetime(model: SbgModel, discountRate: number, renewals: number): number {
  const { alpha, beta } = readModel(model, ["sbg"], "discountedExpectedResidualLifetime").params;
  const d = discount(discountRate, "discountedExpectedResidualLifetime");
  const n = period("renewals", renewals, "discountedExpectedResidualLifetime", 0) + 1;
  const f = hyp2f1Log(1, beta + n, alpha + beta + n, 1 / (1 + d));
  return Math.exp(betaln(alpha, beta + n) - betaln(alpha, beta + n - 1) + f.log);
}

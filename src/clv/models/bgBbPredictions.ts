import { RetentionOptionsError } from "../../input/errors";
import { printJson } from "../../input/describeValue";
import {
  bgBbConditionalExpectedTransactions,
  bgBbDiscountedExpectedResidualTransactions,
  bgBbExpectedTransactions,
  bgBbProbabilityAliveAt,
  bgBbProbabilityNoPurchase,
  bgBbPurchaseCountProbability,
} from "./bgBbMath";
import { readDiscreteCustomer, readOpportunities } from "./discreteHistories";
import type { BgBbModel } from "./modelTypes";
import { nonNegativeResult, readModel } from "./readModel";

/*
 * The BG/BB cases of the public prediction functions (`probabilityAlive`,
 * `conditionalExpectedPurchases`, `expectedPurchases`, `purchaseCountProbability`,
 * `probabilityAliveAt`, `probabilityNoPurchase`, `discountedExpectedResidualTransactions`): each checks
 * the model, the customer and the horizon (whole opportunities), then evaluates bgBbMath.ts.
 */

/** True when `model` claims to be a BG/BB model (the dispatch test of the public functions). */
export function isBgBbModel(model: unknown): model is BgBbModel {
  return typeof model === "object" && model !== null && (model as { model?: unknown }).model === "bg-bb";
}

/** P(alive in opportunity n + 1 | x, tₓ, n) (FHS 2010, eq. 11), for `probabilityAlive`. */
export function bgBbProbabilityAliveOf(model: BgBbModel, customer: unknown): number {
  const { params } = readModel(model, ["bg-bb"], "probabilityAlive");
  const { frequency, recency, periods } = readDiscreteCustomer(customer, "probabilityAlive");
  return probability(bgBbProbabilityAliveAt(params, frequency, recency, periods, 1), "probabilityAlive", params);
}

/** E[X(n, n+n*) | x, tₓ, n] (FHS 2010, eq. 13), for `conditionalExpectedPurchases`. */
export function bgBbConditionalExpectedOf(model: BgBbModel, customer: unknown, nStar: unknown): number {
  const { params } = readModel(model, ["bg-bb"], "conditionalExpectedPurchases");
  const { frequency, recency, periods } = readDiscreteCustomer(customer, "conditionalExpectedPurchases");
  const horizon = readOpportunities("t", nStar, "conditionalExpectedPurchases");
  return nonNegativeResult(bgBbConditionalExpectedTransactions(params, frequency, recency, periods, horizon), "conditionalExpectedPurchases");
}

/** E[X(n)] for a new customer (FHS 2010, eq. 9), for `expectedPurchases`. */
export function bgBbExpectedOf(model: BgBbModel, n: unknown): number {
  const { params } = readModel(model, ["bg-bb"], "expectedPurchases");
  return nonNegativeResult(bgBbExpectedTransactions(params, readOpportunities("t", n, "expectedPurchases")), "expectedPurchases");
}

/** P(X(n) = x) for a new customer (FHS 2010, eq. 8), for `purchaseCountProbability`. */
export function bgBbPurchaseCountOf(model: BgBbModel, x: unknown, n: unknown): number {
  const { params } = readModel(model, ["bg-bb"], "purchaseCountProbability");
  const count = readOpportunities("n", x, "purchaseCountProbability");
  const opportunities = readOpportunities("t", n, "purchaseCountProbability");
  return probability(bgBbPurchaseCountProbability(params, count, opportunities), "purchaseCountProbability", params);
}

/** P(alive at opportunity n + t | x, tₓ, n), for `probabilityAliveAt` (t = 1 is `probabilityAlive`'s opportunity n + 1). */
export function bgBbProbabilityAliveAtOf(model: BgBbModel, customer: unknown, t: unknown): number {
  const { params } = readModel(model, ["bg-bb"], "probabilityAliveAt");
  const { frequency, recency, periods } = readDiscreteCustomer(customer, "probabilityAliveAt");
  return probability(bgBbProbabilityAliveAt(params, frequency, recency, periods, readOpportunities("t", t, "probabilityAliveAt")), "probabilityAliveAt", params);
}

/** P(no transaction in opportunities n+1 … n+t | x, tₓ, n), for `probabilityNoPurchase`. */
export function bgBbProbabilityNoPurchaseOf(model: BgBbModel, customer: unknown, t: unknown): number {
  const { params } = readModel(model, ["bg-bb"], "probabilityNoPurchase");
  const { frequency, recency, periods } = readDiscreteCustomer(customer, "probabilityNoPurchase");
  return probability(bgBbProbabilityNoPurchase(params, frequency, recency, periods, readOpportunities("t", t, "probabilityNoPurchase")), "probabilityNoPurchase", params);
}

/** DERT at n with discounting by (1 + d) per opportunity (FHS 2010, eq. 14), for `discountedExpectedResidualTransactions`. */
export function bgBbDertOf(params: BgBbModel["params"], customer: unknown, discountRate: number, fn: string): number {
  const { frequency, recency, periods } = readDiscreteCustomer(customer, fn);
  return bgBbDiscountedExpectedResidualTransactions(params, frequency, recency, periods, discountRate);
}

/** A probability clamped to [0, 1], or `RetentionOptionsError` (option `model`) when it could not be evaluated. */
function probability(value: number, fn: string, params: object): number {
  if (Number.isNaN(value)) throw new RetentionOptionsError("model", `${fn} cannot be evaluated at these BG/BB parameters (${printJson(params)})`);
  return Math.min(1, Math.max(0, value));
}

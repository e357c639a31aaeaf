import { RetentionOptionsError } from "../../input/errors";
import { printValue } from "../../input/describeValue";
import { readOptions } from "../../input/readOptions";
import type { BgBbModel, CustomerHistory, DiscreteCustomerHistory, ParetoNbdModel, ParetoNbdParams } from "./modelTypes";
import { bgBbDertOf } from "./bgBbPredictions";
import { paretoNbdDiscountedExpectedResidualTransactions } from "./paretoNbdDert";
import { nonNegativeResult, readCustomer, readModel } from "./readModel";

/** Options of `discountedExpectedResidualTransactions`. */
export interface DertOptions {
  /** Continuous discount rate per time unit of the model, δ ≥ 1e-9 (an annual 15% on weekly data is ln(1.15)/52 ≈ 0.0027). Required. */
  readonly discountRate: number;
}

/** Smallest discount rate: below it the Pareto/NBD's DERT with s ≤ 1 grows past any useful size (it is infinite at δ = 0). */
const MIN_DISCOUNT_RATE = 1e-9;

/** A model DERT is defined for, and how it reads its customer: a model is one entry. */
const DERT: { readonly [name: string]: (params: never, customer: never, discountRate: number, fn: string) => number } = {
  "pareto-nbd": (params: ParetoNbdParams, customer: CustomerHistory, discountRate, fn) => {
    const { frequency: x, recency: tx, T } = readCustomer(customer, fn);
    return paretoNbdDiscountedExpectedResidualTransactions(params, x, tx, T, discountRate);
  },
  "bg-bb": bgBbDertOf,
};

/**
 * Discounted expected residual transactions (DERT): the present value, at T, of the
 * customer's expected future purchases, discounted continuously at δ per time unit,
 *   DERT = ∫₀^∞ e^(−δt) dE[purchases in (T, T+t] | history].
 * Multiplied by the expected margin per purchase (`expectedAverageSpend` × margin) it is the
 * customer's residual CLV, as CLVTools reports CLV (DERT × spend) and Fader, Hardie & Lee value
 * CDNOW's customers.
 *
 * Pareto/NBD (Fader, Hardie & Lee 2005, "RFM and CLV: Using Iso-Value Curves for Customer Base
 * Analysis", JMR 42, eq. 2; BTYD's `pnbd.DERT`):
 *   P(alive) · (r+x)/(α+T) · (β+T) · U(1, 2−s; δ(β+T)),
 * with U Tricomi's confluent hypergeometric function (the paper's U(s, s; δ(β+T)) after Kummer's
 * transformation). With s > 1 and δ → 0 it tends to the expected purchases over all time.
 *
 * BG/BB (Fader, Hardie & Shang 2010, eq. 14): the customer is `{ frequency, recency, periods }`
 * and discounting is discrete, by (1 + discountRate) per opportunity, valued at n:
 *   B(α+x+1, β+n−x)/B(α,β) · B(γ, δ+n+1)/(B(γ,δ)(1+d)) · ₂F₁(1, δ+n+1; γ+δ+n+1; 1/(1+d)) / L.
 * BG/NBD and MBG/NBD have no closed form and are refused.
 *
 * @param model - a fitted (or JSON-parsed) Pareto/NBD or BG/BB model
 * @param customer - `{ frequency, recency, T }` (BTYD recency: first → last transaction), in the model's time unit
 * @param options - `{ discountRate }`: continuous rate per time unit, ≥ 1e-9
 * @returns DERT ≥ 0, in purchases
 * @throws {RetentionOptionsError} when the model, the customer or the rate is invalid
 * @example
 * discountedExpectedResidualTransactions(paretoNbdCdnow, { frequency: 2, recency: 30.43, T: 38.86 }, { discountRate: Math.log(1.15) / 52 })
 * //=> ≈ 6.50 discounted future purchases at 15% a year (Pareto/NBD fitted on CDNOW, weeks)
 */
export function discountedExpectedResidualTransactions(model: BgBbModel, customer: DiscreteCustomerHistory, options: DertOptions): number;
export function discountedExpectedResidualTransactions(model: ParetoNbdModel, customer: CustomerHistory, options: DertOptions): number;
export function discountedExpectedResidualTransactions(model: ParetoNbdModel | BgBbModel, customer: CustomerHistory | DiscreteCustomerHistory, options: DertOptions): number {
  const fn = "discountedExpectedResidualTransactions";
  const checked = readModel<ParetoNbdModel | BgBbModel>(model, Object.keys(DERT) as (ParetoNbdModel | BgBbModel)["model"][], fn);
  const { discountRate } = readOptions(options, fn) as Partial<DertOptions>;
  if (!(typeof discountRate === "number" && Number.isFinite(discountRate) && discountRate >= MIN_DISCOUNT_RATE)) {
    throw new RetentionOptionsError("discountRate", `${fn} expects a continuous discount rate per time unit ≥ ${MIN_DISCOUNT_RATE}, found ${printValue(discountRate)}`);
  }
  const value = DERT[checked.model]!(checked.params as never, customer as never, discountRate, fn);
  return nonNegativeResult(value, fn);
}

import { bgNbdFamilyLogLikelihood, type BgNbdHistories } from "./bgNbdLikelihood";
import { bgNbdExpectedIfAlive, bgNbdPurchaseCountProbability } from "./bgNbdPredictions";
import type { CompressedHistories } from "./compress";
import type { FitWorkMeter } from "./fitWorkMeter";
import { hyp2f1Log } from "./hyp2f1";
import type { BgNbdParams } from "./modelTypes";
import { inverseOnePlusExp } from "./special";

/*
 * MBG/NBD (Batislam, Denizel & Filiztekin 2007; Wagner & Hoppe 2008's erratum): BG/NBD's
 * purchasing (Poisson with λ ~ Gamma(r, α)) and dropout (probability p ~ Beta(a, b)), but the
 * customer may also drop out at time 0, right after the first purchase, not only after each
 * repeat purchase. A customer alive at T has survived x + 1 dropout chances, so their posterior
 * is λ ~ Gamma(r + x, α + T), p ~ Beta(a, b + x + 1), and from T on they behave as a BG/NBD
 * customer (dropout only after a purchase): every prediction given "alive at T" is BG/NBD's
 * with b replaced by b + 1.
 */

/** BG/NBD's parameters with b + 1: the posterior shape of a customer alive at T under MBG/NBD, as BG/NBD formulas read it. */
export function aliveShape({ r, alpha, a, b }: BgNbdParams): BgNbdParams {
  return { r, alpha, a, b: b + 1 };
}

/**
 * The MBG/NBD log-likelihood summed over weighted customers (Batislam et al. 2007, eq. 4, as
 * corrected by Wagner & Hoppe 2008; lifetimes' `ModifiedBetaGeoFitter`):
 *
 *   ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x+1) − ln B(a, b)
 *        + ln[ (α+T)^−(r+x) + a/(b+x) · (α+tₓ)^−(r+x) ]
 *
 * The second term (dropped out right after the last purchase, or at time 0 when x = 0) is
 * present for every customer, one-time buyers included. It is BG/NBD's likelihood with one
 * more dropout chance per customer, evaluated by the same pass (`bgNbdFamilyLogLikelihood`).
 *
 * `gradient`, when given, receives ∂ln L/∂(r, α, a, b), with w = e^d/(1 + e^d),
 * d = ln(a/(b+x)) − (r+x)(ln(α+tₓ) − ln(α+T)):
 *   ∂r = ψ(r+x) − ψ(r) + ln α − ln(α+T) − w (ln(α+tₓ) − ln(α+T))
 *   ∂α = r/α − (r+x)/(α+T) − w (r+x)(1/(α+tₓ) − 1/(α+T))
 *   ∂a = ψ(a+b) − ψ(a+b+x+1) + w/a
 *   ∂b = ψ(b+x+1) − ψ(b) + ψ(a+b) − ψ(a+b+x+1) − w/(b+x)
 * With a `meter` it charges its distinct histories and times to the fit's work budget.
 *
 * @example
 * mbgNbdLogLikelihood([0.525, 6.183, 0.891, 1.614], bgNbdHistories(compressHistories(cdnowColumns))) //=> ≈ −9582.1 (CDNOW, weeks)
 */
export function mbgNbdLogLikelihood(params: readonly number[], data: CompressedHistories | BgNbdHistories, gradient?: number[], meter?: FitWorkMeter): number {
  return bgNbdFamilyLogLikelihood(params, data, 1, gradient, meter);
}

/**
 * P(alive at T | x, tₓ, T) = 1 / (1 + a/(b+x) · ((α+T)/(α+tₓ))^(r+x)) (Batislam et al. 2007,
 * appendix, eq. 5; lifetimes' `conditional_probability_alive`), in logs, so a huge x or T gives
 * a value in [0, 1]. Below 1 for every customer, one-time buyers (x = 0) included.
 *
 * @example
 * mbgNbdProbabilityAlive({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, 0, 0, 38.86) //=> ≈ 0.390 (a one-time buyer)
 */
export function mbgNbdProbabilityAlive({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number): number {
  return inverseOnePlusExp(Math.log(a) - Math.log(b + x) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx)));
}

/**
 * E[purchases in (T, T+t] | alive at T] = (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x)
 * ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))]: BG/NBD's (`bgNbdExpectedIfAlive`) with b + 1.
 */
export function mbgNbdExpectedIfAlive(params: BgNbdParams, x: number, T: number, t: number): number {
  return bgNbdExpectedIfAlive(aliveShape(params), x, T, t);
}

/**
 * E[Y(t) | x, tₓ, T] = P(alive) × (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x)
 * ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))] (Wagner & Hoppe 2008; lifetimes'
 * `conditional_expected_number_of_purchases_up_to_time`).
 *
 * @example
 * mbgNbdConditionalExpectedPurchases({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, 2, 30.43, 38.86, 39) //=> ≈ 1.263
 */
export function mbgNbdConditionalExpectedPurchases(params: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  return mbgNbdProbabilityAlive(params, x, tx, T) * mbgNbdExpectedIfAlive(params, x, T, t);
}

/**
 * E[X(t)] for a new customer = b/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))]
 * (lifetimes' `expected_number_of_purchases_up_to_time`): P(alive after time 0) = b/(a+b)
 * times BG/NBD's expectation with b + 1.
 *
 * @example
 * mbgNbdExpectedPurchases({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, 78) //=> ≈ 1.805
 */
export function mbgNbdExpectedPurchases(params: BgNbdParams, t: number): number {
  const { a, b } = params;
  return (b / (a + b)) * bgNbdExpectedIfAlive(aliveShape(params), 0, 0, t);
}

/**
 * P(X(t) = n) for a new customer (lifetimes' `probability_of_n_purchases_up_to_time` for MBG/NBD):
 *   B(a, b+n+1)/B(a, b) · Γ(r+n)/(Γ(r) n!) · (α/(α+t))^r (t/(α+t))^n
 *   + B(a+1, b+n)/B(a, b) · [1 − (α/(α+t))^r Σ_{j<n} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j]
 * The second term is there for n = 0 too: a/(a+b), the customers who dropped out at time 0.
 *
 * @example
 * mbgNbdPurchaseCountProbability({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, 0, 39) //=> ≈ 0.582
 */
export function mbgNbdPurchaseCountProbability(params: BgNbdParams, n: number, t: number): number {
  const { a, b } = params;
  const deadAtStart = n === 0 ? a / (a + b) : 0;
  return deadAtStart + (b / (a + b)) * bgNbdPurchaseCountProbability(aliveShape(params), n, t);
}

/**
 * P(no dropout in (T, T+t] | alive at T, x, T) = E[e^(−λpt)] over the posterior
 * λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x+1): dropout happens only right after a purchase, and
 * given λ and p the purchases that are each followed by a dropout form a Poisson process of
 * rate λp, so the customer survives (T, T+t] with probability e^(−λpt). Integrating λ gives
 * E_p[(1 + pt/(α+T))^−(r+x)] = ₂F₁(r+x, a; a+b+x+1; −t/(α+T)) (Euler's integral), which with
 * z = t/(α+T+t) and the Pfaff and Euler transformations is
 *   (1−z)^a · ₂F₁(a+b+1−r, a; a+b+x+1; z),
 * a series with small numerator parameters whatever x is. NaN when ₂F₁ could not be evaluated.
 */
function survivalIfAlive({ r, alpha, a, b }: BgNbdParams, x: number, T: number, t: number): number {
  if (t === 0) return 1;
  const z = t / (alpha + T + t);
  const f = hyp2f1Log(a + b + 1 - r, a, a + b + x + 1, z);
  if (Number.isNaN(f.log) || f.sign <= 0) return Number.NaN;
  return Math.min(1, Math.exp(a * Math.log1p(-z) + f.log));
}

/**
 * P(alive at T+t | x, tₓ, T) = P(alive at T | x, tₓ, T) · (1−z)^a ₂F₁(a+b+1−r, a; a+b+x+1; z),
 * z = t/(α+T+t): alive at T, and no purchase in (T, T+t] followed by a dropout (see docs/clv.md,
 * "MBG/NBD", for the derivation). Non-increasing in t, P(alive) at t = 0, tending to 0.
 * NaN when the hypergeometric series could not be evaluated (callers turn it into an error).
 *
 * @example
 * mbgNbdProbabilityAliveAt({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, 2, 30.43, 38.86, 52) //=> ≈ 0.493
 */
export function mbgNbdProbabilityAliveAt(params: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  const alive = mbgNbdProbabilityAlive(params, x, tx, T);
  return alive === 0 ? 0 : alive * survivalIfAlive(params, x, T, t);
}

/**
 * P(no purchase in (T, T+t] | x, tₓ, T) = 1 − P(alive) + P(alive) · ((α+T)/(α+T+t))^(r+x):
 * a customer who dropped out buys nothing; one alive at T buys nothing with probability
 * E[e^(−λt)] over λ ~ Gamma(r+x, α+T) (dropout only follows a purchase, so it cannot come first).
 *
 * @example
 * mbgNbdProbabilityNoPurchase({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, 2, 30.43, 38.86, 39) //=> ≈ 0.440
 */
export function mbgNbdProbabilityNoPurchase(params: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  const alive = mbgNbdProbabilityAlive(params, x, tx, T);
  const { r, alpha } = params;
  const buysIfAlive = -Math.expm1((r + x) * Math.log1p(-t / (alpha + T + t)));
  return Math.min(1, Math.max(0, 1 - alive * buysIfAlive));
}

/**
 * P(X(T, T+t) = n | x, tₓ, T) = 𝟙(n=0)·(1 − P(alive)) + P(alive) · P_BG(n; r+x, α+T, a, b+x+1, t),
 * where P_BG is BG/NBD's count distribution for a customer starting at T with the posterior
 * parameters (FHL 2005, eq. 8, with r → r+x, α → α+T, b → b+x+1): given alive at T the customer
 * buys at rate λ and drops out after each purchase with probability p, as a new BG/NBD customer.
 * Summed over n it is 1; its mean is `mbgNbdConditionalExpectedPurchases`.
 *
 * @example
 * mbgNbdConditionalPurchaseCountProbability({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, 0, 2, 30.43, 38.86, 39) //=> ≈ 0.440
 */
export function mbgNbdConditionalPurchaseCountProbability(params: BgNbdParams, n: number, x: number, tx: number, T: number, t: number): number {
  const alive = mbgNbdProbabilityAlive(params, x, tx, T);
  const { r, alpha, a, b } = params;
  const ifAlive = alive === 0 ? 0 : bgNbdPurchaseCountProbability({ r: r + x, alpha: alpha + T, a, b: b + x + 1 }, n, t);
  const p = (n === 0 ? 1 - alive : 0) + alive * ifAlive;
  return Number.isNaN(p) ? p : Math.min(1, Math.max(0, p));
}

import { betaProductSeries, powerLawTail, type SeriesGradient } from "./betaProductSeries";
import { hyp2f1Log } from "./hyp2f1";
import type { BgBbParams } from "./modelTypes";
import type { DiscreteHistories } from "./discreteHistories";
import type { FitWorkMeter } from "./fitWorkMeter";
import { TABLED_UP_TO, tabledLogLikelihood } from "./bgBbTabledLikelihood";
import { betaln, digamma, logAddExp } from "./special";

/*
 * The BG/BB model (Fader, Hardie & Shang 2010, "Customer-Base Analysis in a Discrete-Time
 * Noncontractual Setting", Marketing Science 29(6)): at each transaction opportunity a
 * customer alive transacts with probability p ~ Beta(α, β); at the start of each opportunity
 * after the first a customer dies with probability θ ~ Beta(γ, δ). A customer's history is x
 * transactions in n opportunities, the last at opportunity tₓ (0 when x = 0). Every figure is
 * computed from ln B, so huge x and n give finite numbers, never NaN.
 */

/** ln B(α, β) + ln B(γ, δ): the normalising constant of every term below. */
function logPrior({ alpha, beta, gamma, delta }: BgBbParams): number {
  return betaln(alpha, beta) + betaln(gamma, delta);
}

/** ln of the "alive at opportunity n + t" term: B(α+x, β+n−x)·B(γ, δ+n+t) / (B(α,β)·B(γ,δ)). */
function logAliveTerm(params: BgBbParams, x: number, n: number, t: number): number {
  const { alpha, beta, gamma, delta } = params;
  return betaln(alpha + x, beta + n - x) + betaln(gamma, delta + n + t) - logPrior(params);
}

/**
 * ln L(α, β, γ, δ | x, tₓ, n) (FHS 2010, eq. 5):
 *   L = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
 *     + Σ_{i=0}^{n−tₓ−1} B(α+x, β+tₓ−x+i)/B(α,β) · B(γ+1, δ+tₓ+i)/B(γ,δ),
 * the first term for a customer alive through opportunity n, the sum for one who died at the
 * start of opportunity tₓ+i+1. `gradient`, when given, receives ∂ln L/∂(α, β, γ, δ).
 * Returns the terms the sum took too (the work a fit is charged).
 */
export function bgBbLogLikelihoodOfHistory(params: BgBbParams, x: number, tx: number, n: number, gradient?: number[]): { log: number; terms: number } {
  const { alpha, beta, gamma, delta } = params;
  const prior = logPrior(params);
  const alive = betaln(alpha + x, beta + n - x) + betaln(gamma, delta + n) - prior;
  const series: SeriesGradient | undefined = gradient === undefined ? undefined : { dA: 0, db: 0, dG: 0, dd: 0 };
  const dead = betaProductSeries(alpha + x, beta + tx - x, gamma + 1, delta + tx, n - tx, betaln(alpha + x, beta + tx - x) + betaln(gamma + 1, delta + tx) - prior, series);
  const log = logAddExp(alive, dead.log);
  if (gradient !== undefined) {
    const psiAB = digamma(alpha + beta);
    const psiGD = digamma(gamma + delta);
    const cAlpha = psiAB - digamma(alpha);
    const cBeta = psiAB - digamma(beta);
    const cGamma = psiGD - digamma(gamma);
    const cDelta = psiGD - digamma(delta);
    const wAlive = Math.exp(alive - log);
    const wDead = dead.terms === 0 ? 0 : Math.exp(dead.log - log);
    const psiN = digamma(alpha + beta + n);
    const psiGDN = digamma(gamma + delta + n);
    const dAlive = [
      digamma(alpha + x) - psiN + cAlpha,
      digamma(beta + n - x) - psiN + cBeta,
      digamma(gamma) - psiGDN + cGamma,
      digamma(delta + n) - psiGDN + cDelta,
    ];
    // ln B(A, b+i) with A = α+x, b = β+tₓ−x moves with α through A and with β through b; likewise γ, δ.
    const s = series!;
    const dDead = [s.dA + cAlpha, s.db + cBeta, s.dG + cGamma, s.dd + cDelta];
    for (let j = 0; j < 4; j++) gradient[j] = wAlive * dAlive[j]! + wDead * dDead[j]!;
  }
  return { log, terms: dead.terms };
}

/** ln L at the customer's history (see `bgBbLogLikelihoodOfHistory`). */
function logLikelihood(params: BgBbParams, x: number, tx: number, n: number): number {
  return bgBbLogLikelihoodOfHistory(params, x, tx, n).log;
}

/** Up to this many opportunities ln Q is summed term by term (exact to rounding even for γ near 1). */
const EXACT_Q_TERMS = 1000;

/**
 * ln Q(k) = ln[Γ(g+d)·Γ(1+d+k) / (Γ(1+d)·Γ(g+d+k))] = Σ_{i<k} ln(1 + (1−g)/(g+d+i)): summed
 * with log1p up to `EXACT_Q_TERMS` terms; beyond, from ln B (B(g, 1+d+k)/B(g, 1+d) ·
 * (g+d+k)/(g+d)), so nothing large cancels however big k is.
 */
function logQ(g: number, d: number, k: number): number {
  if (k <= EXACT_Q_TERMS) {
    let sum = 0;
    for (let i = 0; i < k; i++) sum += Math.log1p((1 - g) / (g + d + i));
    return sum;
  }
  return betaln(g, 1 + d + k) - betaln(g, 1 + d) + Math.log1p(k / (g + d));
}

/** Beyond `EXACT_Q_TERMS`, |γ − 1| below this takes the first-order form of (1 − Q)/(γ − 1). */
const GAMMA_NEAR_ONE = 1e-6;

/**
 * (1 − Q(k)) / (g − 1) = Σ_{t=1}^{k} B(g, d+t)/B(g, d) / d. At g = 1 exactly it is its limit
 * ψ(1+d+k) − ψ(1+d); for long horizons with g within 1e-6 of 1, ln Q ≈ −(g − 1)·(ψ(g+d+k) − ψ(g+d)).
 */
function oneMinusQOverGammaMinusOne(g: number, d: number, k: number): number {
  if (k === 0) return 0;
  const gm1 = g - 1;
  if (gm1 === 0) return digamma(1 + d + k) - digamma(1 + d);
  if (k > EXACT_Q_TERMS && Math.abs(gm1) < GAMMA_NEAR_ONE) return -Math.expm1(-gm1 * (digamma(g + d + k) - digamma(g + d))) / gm1;
  return -Math.expm1(logQ(g, d, k)) / gm1;
}

/**
 * P(alive at opportunity n + t | x, tₓ, n) = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n+t)/B(γ,δ) / L
 * (FHS 2010, eq. 11 for t = 1: "alive in period n + 1"); t = 0 is alive at n. Non-increasing in t.
 *
 * @example
 * bgBbProbabilityAliveAt({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, 2, 4, 6, 1) //=> ≈ 0.59 (FHS 2010, Table 6)
 */
export function bgBbProbabilityAliveAt(params: BgBbParams, x: number, tx: number, n: number, t: number): number {
  return Math.min(1, Math.exp(logAliveTerm(params, x, n, t) - logLikelihood(params, x, tx, n)));
}

/**
 * P(no transaction in opportunities n+1 … n+t | x, tₓ, n) = 1 − Σ_{j=1}^{t} P(the next one is at n+j),
 *   P(next at n+j) = B(α+x+1, β+n−x+j−1)/B(α,β) · B(γ, δ+n+j)/B(γ,δ) / L
 * (alive at n+j, no transaction at n+1 … n+j−1, one at n+j; derived from the model of FHS 2010).
 * 1 at t = 0; non-increasing in t.
 *
 * @example
 * bgBbProbabilityNoPurchase({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, 0, 0, 6, 1) //=> ≈ 0.984
 */
export function bgBbProbabilityNoPurchase(params: BgBbParams, x: number, tx: number, n: number, t: number): number {
  if (t === 0) return 1;
  const { alpha, beta, gamma, delta } = params;
  const first = betaln(alpha + x + 1, beta + n - x) + betaln(gamma, delta + n + 1) - logPrior(params);
  const any = betaProductSeries(alpha + x + 1, beta + n - x, gamma, delta + n + 1, t, first);
  return Math.min(1, Math.max(0, -Math.expm1(any.log - logLikelihood(params, x, tx, n))));
}

/**
 * E[X(n)]: expected transactions of a new customer in opportunities 1 … n (FHS 2010, eq. 9):
 *   α/(α+β) · δ/(γ−1) · [1 − Γ(γ+δ)Γ(1+δ+n) / (Γ(γ+δ+n)Γ(1+δ))].
 *
 * @example
 * bgBbExpectedTransactions({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, 6) //=> ≈ 2.22
 */
export function bgBbExpectedTransactions({ alpha, beta, gamma, delta }: BgBbParams, n: number): number {
  return (alpha / (alpha + beta)) * delta * oneMinusQOverGammaMinusOne(gamma, delta, n);
}

/**
 * E[X(n, n+n*) | x, tₓ, n]: expected transactions in the next n* opportunities (FHS 2010, eq. 13):
 *   1/L · B(α+x+1, β+n−x)/B(α,β) · δ/(γ−1) · Γ(γ+δ)/Γ(1+δ)
 *       · [Γ(1+δ+n)/Γ(γ+δ+n) − Γ(1+δ+n+n*)/Γ(γ+δ+n+n*)].
 *
 * @example
 * bgBbConditionalExpectedTransactions({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, 6, 6, 6, 5) //=> ≈ 3.75
 */
export function bgBbConditionalExpectedTransactions(params: BgBbParams, x: number, tx: number, n: number, nStar: number): number {
  if (nStar === 0) return 0;
  const { alpha, beta, gamma, delta } = params;
  const scale = betaln(alpha + x + 1, beta + n - x) - betaln(alpha, beta) + logQ(gamma, delta, n) - logLikelihood(params, x, tx, n);
  return Math.exp(scale) * delta * oneMinusQOverGammaMinusOne(gamma, delta + n, nStar);
}

/**
 * DERT(d | x, tₓ, n): the present value, at n, of the expected transactions in opportunities
 * n+1, n+2, … discounted by (1+d) per opportunity (FHS 2010, eq. 14):
 *   B(α+x+1, β+n−x)/B(α,β) · B(γ, δ+n+1)/(B(γ,δ)(1+d)) · ₂F₁(1, δ+n+1; γ+δ+n+1; 1/(1+d)) / L.
 * Multiply by the value of a transaction for the residual CLV. NaN only when ₂F₁ did not converge.
 *
 * @example
 * bgBbDiscountedExpectedResidualTransactions({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, 6, 6, 6, 0.1) //=> ≈ 5.91
 */
export function bgBbDiscountedExpectedResidualTransactions(params: BgBbParams, x: number, tx: number, n: number, discountRate: number): number {
  const { alpha, beta, gamma, delta } = params;
  const z = 1 / (1 + discountRate);
  const f = hyp2f1Log(1, delta + n + 1, gamma + delta + n + 1, z);
  if (f.sign !== 1 || Number.isNaN(f.log)) return Number.NaN;
  const log = betaln(alpha + x + 1, beta + n - x) + betaln(gamma, delta + n + 1) - logPrior(params) + Math.log(z) + f.log - logLikelihood(params, x, tx, n);
  return Math.exp(log);
}

/** Most opportunities the count distribution's sum runs over exactly; the rest is a matched power-law tail. */
const COUNT_SERIES_TERMS = 1_000_000;

/**
 * P(X(n) = x): the probability that a new customer makes exactly x transactions in n
 * opportunities (FHS 2010, eq. 8):
 *   C(n,x)·B(α+x, β+n−x)/B(α,β)·B(γ, δ+n)/B(γ,δ) + Σ_{i=x}^{n−1} C(i,x)·B(α+x, β+i−x)/B(α,β)·B(γ+1, δ+i)/B(γ,δ).
 * Summed over x = 0 … n it is 1.
 *
 * @example
 * bgBbPurchaseCountProbability({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, 0, 6) //=> ≈ 0.311 (3,454.9 of 11,104)
 */
export function bgBbPurchaseCountProbability(params: BgBbParams, x: number, n: number): number {
  if (x > n) return 0;
  const { alpha, beta, gamma, delta } = params;
  const prior = logPrior(params);
  const logChoose = -Math.log(n + 1) - betaln(x + 1, n - x + 1);
  const alive = logChoose + betaln(alpha + x, beta + n - x) + betaln(gamma, delta + n) - prior;
  if (x === n) return Math.min(1, Math.exp(alive));
  const first = betaln(alpha + x, beta) + betaln(gamma + 1, delta + x) - prior;
  const k = alpha + gamma + 1;
  const count = n - x;
  const limit = Math.min(count, COUNT_SERIES_TERMS);
  let term = 1;
  let sum = 0;
  let ratio = 1;
  let j = 0;
  for (; j < limit; j++) {
    sum += term;
    const i = x + j;
    ratio = ((i + 1) / (i + 1 - x)) * ((beta + i - x) / (alpha + beta + i)) * ((delta + i) / (gamma + delta + 1 + i));
    term *= ratio;
    if (ratio < 1 && j % 16 === 15 && (2 * term * (i + 1 + alpha + beta + gamma + delta + 1)) / (k - 1) < 1e-17 * sum) {
      j++;
      break;
    }
  }
  if (j === limit && count > limit) sum += powerLawTail(term, ratio, k, limit, count);
  return Math.min(1, Math.exp(logAddExp(alive, first + Math.log(sum))));
}

/** Work units (about 80 ns each) of one distinct history (eight ln B and the digammas: about 1 µs with the gradient) and of one series term (about 25 ns). */
const ROW_WORK = 12;
const TERM_WORK = 0.3;
/** Work units of one history with tabulated ln Γ and ψ (a logarithm, an exponential, look-ups), and of one table entry. */
const TABLED_ROW_WORK = 1;
const TABLED_TERM_WORK = 0.1;
const TABLE_WORK = 0.5;

/**
 * Σ weight · ln L(α, β, γ, δ | x, tₓ, n) over distinct histories (FHS 2010, eq. 5); with
 * `gradient`, ∂/∂(α, β, γ, δ) too. Up to n = `TABLED_UP_TO` from tabulated ln Γ and ψ
 * (`tabledLogLikelihood`); beyond, history by history (`bgBbLogLikelihoodOfHistory`, whose long
 * sums end in a power-law tail). Charges its rows and series terms to `meter` (history by
 * history on the second path, so a fit over its work budget stops within one history's work).
 */
export function bgBbLogLikelihood([alpha = 0, beta = 0, gamma = 0, delta = 0]: readonly number[], data: DiscreteHistories, gradient?: number[], meter?: FitWorkMeter): number {
  let maxN = 0;
  for (let i = 0; i < data.count; i++) if (data.n[i]! > maxN) maxN = data.n[i]!;
  if (maxN <= TABLED_UP_TO) {
    meter?.charge(TABLE_WORK * maxN);
    const tabled = tabledLogLikelihood([alpha, beta, gamma, delta], data, maxN, gradient);
    meter?.charge(data.count * TABLED_ROW_WORK + tabled.terms * TABLED_TERM_WORK);
    return tabled.log;
  }
  const params: BgBbParams = { alpha, beta, gamma, delta };
  const row = gradient === undefined ? undefined : [0, 0, 0, 0];
  if (gradient !== undefined) gradient.fill(0, 0, 4);
  let total = 0;
  for (let i = 0; i < data.count; i++) {
    const w = data.weight[i]!;
    const value = bgBbLogLikelihoodOfHistory(params, data.x[i]!, data.tx[i]!, data.n[i]!, row);
    meter?.charge(ROW_WORK + value.terms * TERM_WORK);
    total += w * value.log;
    if (gradient !== undefined) for (let j = 0; j < 4; j++) gradient[j]! += w * row![j]!;
  }
  return total;
}

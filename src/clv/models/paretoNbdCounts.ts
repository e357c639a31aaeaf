import { hyp2f1Log } from "./hyp2f1";
import type { ParetoNbdParams } from "./modelTypes";
import { paretoNbdProbabilityAlive } from "./paretoNbdMath";
import { betaln, gammaln } from "./special";

/*
 * The Pareto/NBD's count distribution, unconditional and given a customer's history, and the
 * probabilities built on it (P(alive) at a later time, P(no purchase)).
 *
 * Given the history (x, tₓ, T) and that the customer is alive at T, the posterior of the
 * purchase rate λ is Gamma(r+x, α+T) and of the dropout rate μ is Gamma(s, β+T), independent
 * (the history's likelihood while alive is λˣ e^(−λT) e^(−μT)); and the future from T on is a
 * new Pareto/NBD customer's. So every conditional answer is P(alive) times the unconditional
 * answer at the updated parameters (r+x, α+T, s, β+T), plus, for "no purchase", the dead share.
 */

/** The parameters of a customer alive at T after x repeat purchases: (r+x, α+T, s, β+T). */
export function paretoNbdPosterior({ r, alpha, s, beta }: ParetoNbdParams, x: number, T: number): ParetoNbdParams {
  return { r: r + x, alpha: alpha + T, s, beta: beta + T };
}

/**
 * ln G(i, t), the ₂F₁ piece of the PMF's dropout term (Fader & Hardie 2006 note, "Deriving an
 * expression for P(X(t) = x) under the Pareto/NBD model", eq. 16): with α ≥ β,
 *   ₂F₁(r+s+i, s+1; r+s+n+1; (α−β)/(α+t)) / (α+t)^(r+s+i),
 * and with α < β, ₂F₁(r+s+i, r+n; r+s+n+1; (β−α)/(β+t)) / (β+t)^(r+s+i); each taken after
 * Euler's transformation ₂F₁(a, b; c; z) = (1−z)^(c−a−b) ₂F₁(c−a, c−b; c; z), whose parameters
 * (n+1−i and r+n, or n+1−i and s+1) are positive, so every series term is positive.
 */
function logG({ r, alpha, s, beta }: ParetoNbdParams, n: number, i: number, t: number): number {
  const c = r + s + n + 1;
  if (alpha >= beta) {
    const f = hyp2f1Log(n + 1 - i, r + n, c, (alpha - beta) / (alpha + t));
    return (n - i - s) * (Math.log(beta + t) - Math.log(alpha + t)) + f.log - (r + s + i) * Math.log(alpha + t);
  }
  const f = hyp2f1Log(n + 1 - i, s + 1, c, (beta - alpha) / (beta + t));
  return (1 - i - r) * (Math.log(alpha + t) - Math.log(beta + t)) + f.log - (r + s + i) * Math.log(beta + t);
}

/**
 * P(X(t) = n) for a new customer (Fader & Hardie 2006 note, eq. 16; BTYD's `pnbd.pmf`):
 *   Γ(r+n)/(Γ(r) n!) (α/(α+t))^r (t/(α+t))^n (β/(β+t))^s                 [alive at t, n purchases]
 *   + α^r β^s B(r+n, s+1)/B(r, s) · [G(0, 0) − Σ_{i=0..n} Γ(r+s+i)/(Γ(r+s) i!) tⁱ G(i, t)]
 *                                                                           [died before t after n purchases]
 * with G as in `logG`; each product in logs. The bracket is clamped at 0 against rounding (it
 * is E[μλⁿ(λ+μ)^−(n+1) · P(Gamma(n+1, λ+μ) ≤ t)], a difference that vanishes as t → 0).
 * NaN when a ₂F₁ did not converge.
 */
export function paretoNbdPurchaseCountProbability(params: ParetoNbdParams, n: number, t: number): number {
  if (t === 0) return n === 0 ? 1 : 0;
  const { r, alpha, s, beta } = params;
  const alive = Math.exp(
    gammaln(r + n) - gammaln(r) - gammaln(n + 1) + r * (Math.log(alpha) - Math.log(alpha + t)) + (n === 0 ? 0 : n * (Math.log(t) - Math.log(alpha + t))) + s * (Math.log(beta) - Math.log(beta + t)),
  );
  const logScale = r * Math.log(alpha) + s * Math.log(beta) + betaln(r + n, s + 1) - betaln(r, s);
  const whole = Math.exp(logScale + logG(params, n, 0, 0));
  const logT = Math.log(t);
  const lnGammaRS = gammaln(r + s);
  let reached = 0;
  for (let i = 0; i <= n; i++) {
    reached += Math.exp(logScale + gammaln(r + s + i) - lnGammaRS - gammaln(i + 1) + (i === 0 ? 0 : i * logT) + logG(params, n, i, t));
  }
  return alive + Math.max(0, whole - reached);
}

/**
 * P(X(T, T+t) = n | x, tₓ, T): 𝟙(n = 0)·(1 − P(alive)) + P(alive) · P(X(t) = n) at the posterior
 * parameters (r+x, α+T, s, β+T). At x = tₓ = T = 0 it is the unconditional PMF.
 */
export function paretoNbdConditionalPurchaseCountProbability(params: ParetoNbdParams, n: number, x: number, tx: number, T: number, t: number): number {
  const alive = paretoNbdProbabilityAlive(params, x, tx, T);
  const ifAlive = alive === 0 ? 0 : alive * paretoNbdPurchaseCountProbability(paretoNbdPosterior(params, x, T), n, t);
  return n === 0 ? 1 - alive + ifAlive : ifAlive;
}

/** P(no purchase in (T, T+t] | x, tₓ, T): the conditional PMF at n = 0. */
export function paretoNbdProbabilityNoPurchase(params: ParetoNbdParams, x: number, tx: number, T: number, t: number): number {
  return paretoNbdConditionalPurchaseCountProbability(params, 0, x, tx, T, t);
}

/**
 * P(alive at T+t | x, tₓ, T) = P(τ > T+t | history) = P(alive at T) · ((β+T)/(β+T+t))^s:
 * given alive at T, μ ~ Gamma(s, β+T) and P(τ > T+t | μ, τ > T) = e^(−μt).
 */
export function paretoNbdProbabilityAliveAt(params: ParetoNbdParams, x: number, tx: number, T: number, t: number): number {
  const alive = paretoNbdProbabilityAlive(params, x, tx, T);
  if (t === 0 || alive === 0) return alive;
  return alive * Math.exp(-params.s * Math.log1p(t / (params.beta + T)));
}

import { bgNbdProbabilityAlive, bgNbdPurchaseCountProbability } from "./bgNbdPredictions";
import { hyp2f1Log } from "./hyp2f1";
import type { BgNbdParams } from "./modelTypes";

/*
 * BG/NBD answers about the time after T, given a customer's history (x, tₓ, T).
 *
 * Given the history and that the customer is alive at T, the posterior of the purchase rate λ
 * is Gamma(r+x, α+T) and of the dropout probability p is Beta(a, b+x), independent (the
 * history's likelihood while alive is λˣ e^(−λT) (1−p)ˣ). From T on, an alive customer behaves
 * as a new one: Poisson purchases, each followed by dropout with probability p. So every
 * conditional answer is P(alive at T) times the answer for a new customer at the updated
 * parameters (r+x, α+T, a, b+x), plus, for "no purchase", the dead share.
 */

/** The parameters of a customer alive at T after x repeat purchases: (r+x, α+T, a, b+x). */
export function bgNbdPosterior({ r, alpha, a, b }: BgNbdParams, x: number, T: number): BgNbdParams {
  return { r: r + x, alpha: alpha + T, a, b: b + x };
}

/**
 * P(alive at T+t | x, tₓ, T). Dropout happens only right after a purchase, so a customer alive
 * at T is still alive at T+t when none of the purchases in (T, T+t] ended their life: with K
 * purchases ~ Poisson(λt), P = E[(1−p)^K] = e^(−λpt). Over the posterior,
 *   E[((α+T)/(α+T+pt))^(r+x)] over p ~ Beta(a, b+x) = ₂F₁(r+x, a; a+b+x; −t/(α+T))
 *   = (1 + t/(α+T))^(−a) ₂F₁(a+b−r, a; a+b+x; t/(α+T+t))          (Pfaff's transformation),
 * times P(alive at T). The second form has small parameters whatever x is. NaN when the ₂F₁
 * did not converge.
 */
export function bgNbdProbabilityAliveAt(params: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  const alive = bgNbdProbabilityAlive(params, x, tx, T);
  if (t === 0 || alive === 0) return alive;
  const { r, alpha, a, b } = params;
  const f = hyp2f1Log(a + b - r, a, a + b + x, t / (alpha + T + t));
  if (!(f.sign > 0)) return Number.NaN;
  return alive * Math.exp(f.log - a * Math.log1p(t / (alpha + T)));
}

/**
 * P(X(T, T+t) = n | x, tₓ, T) = 𝟙(n = 0)·(1 − P(alive)) + P(alive) · P(X(t) = n) at the
 * posterior parameters (r+x, α+T, a, b+x), with P(X(t) = n) of FHL 2005, eq. 8. At
 * x = tₓ = T = 0 it is the unconditional PMF.
 */
export function bgNbdConditionalPurchaseCountProbability(params: BgNbdParams, n: number, x: number, tx: number, T: number, t: number): number {
  const alive = bgNbdProbabilityAlive(params, x, tx, T);
  const ifAlive = alive === 0 ? 0 : alive * bgNbdPurchaseCountProbability(bgNbdPosterior(params, x, T), n, t);
  return n === 0 ? 1 - alive + ifAlive : ifAlive;
}

/**
 * P(no purchase in (T, T+t] | x, tₓ, T) = 1 − P(alive) + P(alive) · ((α+T)/(α+T+t))^(r+x):
 * an alive customer can only drop out right after a purchase, so "no purchase" means dead at
 * T or no Poisson event in (T, T+t] (the conditional PMF at n = 0).
 */
export function bgNbdProbabilityNoPurchase(params: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  const alive = bgNbdProbabilityAlive(params, x, tx, T);
  return 1 - alive + alive * Math.exp(-(params.r + x) * Math.log1p(t / (params.alpha + T)));
}

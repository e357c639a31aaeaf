import { hyp2f1Log } from "./hyp2f1";
import type { BgNbdParams } from "./modelTypes";
import { betaln, gammaln, inverseOnePlusExp } from "./special";

/**
 * P(alive | x, tₓ, T) = 1 / (1 + 𝟙(x>0) · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x))
 * (Fader, Hardie & Lee 2005, eq. 13; lifetimes' `conditional_probability_alive`), with the
 * ratio taken in logs, so a huge x or T gives 0 or 1, never NaN or an overflow.
 */
export function bgNbdProbabilityAlive({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  return inverseOnePlusExp(Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx)));
}

/**
 * The bracketed factor (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)],
 * z = t/(α+T+t), evaluated after Euler's transformation
 * ₂F₁(r+x, b+x; c; z) = (1−z)^(a−1−r−x) ₂F₁(a+b−1−r, a−1; c; z), which turns it into
 * 1 − (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z): small numerator parameters whatever x is.
 * a = 1 is a removable singularity; it is approached from a + 1e-7.
 */
export function bgNbdExpectedIfAlive({ r, alpha, a, b }: BgNbdParams, x: number, T: number, t: number): number {
  if (t === 0) return 0;
  const aa = Math.abs(a - 1) < 1e-7 ? 1 + 1e-7 : a;
  const z = t / (alpha + T + t);
  const f = hyp2f1Log(aa + b - 1 - r, aa - 1, aa + b + x - 1, z);
  const log = (aa - 1) * Math.log1p(-z) + f.log;
  const bracket = f.sign > 0 ? -Math.expm1(log) : f.sign < 0 ? 1 + Math.exp(log) : 1;
  return ((aa + b + x - 1) / (aa - 1)) * bracket;
}

/** E[X(t)] for a new customer (FHL 2005, eq. 9), via `bgNbdExpectedIfAlive` with x = T = 0. */
export function bgNbdExpectedPurchases(params: BgNbdParams, t: number): number {
  return bgNbdExpectedIfAlive(params, 0, 0, t);
}

/** E[Y(t) | x, tₓ, T] (FHL 2005, eq. 10) = P(alive) × the expected purchases if alive. */
export function bgNbdConditionalExpectedPurchases(params: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  return bgNbdProbabilityAlive(params, x, tx, T) * bgNbdExpectedIfAlive(params, x, T, t);
}

/**
 * P(X(t) = n) (FHL 2005, eq. 8):
 *   B(a, b+n)/B(a, b) · Γ(r+n)/(Γ(r) n!) · (α/(α+t))^r (t/(α+t))^n
 *   + 𝟙(n>0) B(a+1, b+n−1)/B(a, b) · [1 − (α/(α+t))^r Σ_{j<n} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j]
 * with every product taken in logs; the bracket is clamped at 0 against rounding.
 */
export function bgNbdPurchaseCountProbability({ r, alpha, a, b }: BgNbdParams, n: number, t: number): number {
  if (t === 0) return n === 0 ? 1 : 0;
  const logStay = r * (Math.log(alpha) - Math.log(alpha + t));
  const logBuy = Math.log(t) - Math.log(alpha + t);
  const nbd = (j: number): number => Math.exp(gammaln(r + j) - gammaln(r) - gammaln(j + 1) + logStay + (j === 0 ? 0 : j * logBuy));
  const lnB = betaln(a, b);
  const first = Math.exp(betaln(a, b + n) - lnB) * nbd(n);
  if (n === 0) return first;
  let below = 0;
  for (let j = 0; j < n; j++) below += nbd(j);
  return first + Math.exp(betaln(a + 1, b + n - 1) - lnB) * Math.max(0, 1 - below);
}

import { gammaln, gammaSign } from "./special";

/** Relative precision the continued fraction stops at. */
const EPSILON = 1e-15;
/** Smallest magnitude a Lentz denominator may take (it replaces an exact zero). */
const TINY = 1e-300;
/** Most continued-fraction terms (at z ≥ `FRACTION_FROM` it converges in a few hundred at most). */
const MAX_FRACTION_TERMS = 100_000;
/** Below this z the series form is used; at and above it the continued fraction. */
const FRACTION_FROM = 0.5;
/** Most terms of the Kummer series M(1, 2−s; z) at z < `FRACTION_FROM` (its ratio is at most z/|2−s+k| < 1 past the poles). */
const MAX_SERIES_TERMS = 10_000;
/** Distance from an integer s within which the series form is replaced by the mean at s ± this (its two terms have poles there). */
const NEAR_INTEGER = 1e-6;

/**
 * U(1, 2−s; z), Tricomi's confluent hypergeometric function of the second kind, for s > 0 and
 * z > 0, in the integral form the Pareto/NBD's DERT needs:
 *   U(1, 2−s; z) = ∫₀^∞ e^(−zv) (1+v)^(−s) dv = e^z z^(s−1) Γ(1−s, z)   (DLMF 13.4.4, 8.6.4).
 * For z ≥ 0.5 it evaluates the Legendre continued fraction of the incomplete gamma function,
 *   1/(z+s − 1·s/(z+s+2 − 2(s+1)/(z+s+4 − …))),
 * by the modified Lentz method (Press et al., Numerical Recipes, §6.2, `gcf` with a = 1−s); below,
 * the connection formula (DLMF 13.2.42 at a = 1)
 *   U(1, 2−s; z) = M(1, 2−s; z)/(s−1) + Γ(1−s) e^z z^(s−1),
 * with Kummer's series M(1, b; z) = Σₖ zᵏ/(b)ₖ; within 1e-6 of an integer s, where both terms
 * have poles that cancel, the mean of the values at s ± 1e-6 (about 1e-10 relative error).
 * NaN when neither converged.
 */
export function tricomiUOne(s: number, z: number): number {
  if (z >= FRACTION_FROM) return continuedFraction(s, z);
  if (Math.abs(s - Math.round(s)) <= NEAR_INTEGER) return (connection(s + NEAR_INTEGER, z) + connection(s - NEAR_INTEGER, z)) / 2;
  return connection(s, z);
}

/** The Legendre continued fraction, by the modified Lentz method. */
function continuedFraction(s: number, z: number): number {
  let b = z + s;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_FRACTION_TERMS; i++) {
    const an = -i * (i - 1 + s);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPSILON) return h;
  }
  return Number.NaN;
}

/** M(1, 2−s; z)/(s−1) + Γ(1−s) e^z z^(s−1), for s not within 1e-6 of an integer. */
function connection(s: number, z: number): number {
  const b = 2 - s;
  let term = 1;
  let sum = 1;
  let k = 0;
  for (; k < MAX_SERIES_TERMS; k++) {
    term *= z / (b + k);
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum) && b + k > 0) break;
  }
  if (k === MAX_SERIES_TERMS) return Number.NaN;
  const second = gammaSign(1 - s) * Math.exp(gammaln(1 - s) + z + (s - 1) * Math.log(z));
  return sum / (s - 1) + second;
}

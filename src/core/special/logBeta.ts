import { gammaln } from "./logGamma";
import { ASYMPTOTIC_FROM, LN_SQRT_2PI, stirlingCorrection } from "./stirling";

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a+b), computed so that no large terms cancel:
 * with p = min(a, b) and q = max(a, b), Stirling's corrections carry the large parts when
 * q ≥ 10 (the scheme of R's `lbeta`, after TOMS 708). NaN for a negative argument or NaN,
 * `Infinity` when one argument is 0, `−Infinity` when one is infinite.
 *
 * Accuracy: within 10⁻¹³ relative of @stdlib/math-base-special-betaln where |ln B| ≥ 1,
 * 10⁻¹³ absolute below (test/core/special.test.ts).
 *
 * @example
 * betaln(2, 3) //=> -2.4849066497880004 (ln 1/12)
 */
export function betaln(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p < 0) return Number.NaN;
  if (p === 0) return Number.POSITIVE_INFINITY;
  if (q === Number.POSITIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  const share = p / (p + q);
  if (p >= ASYMPTOTIC_FROM) {
    const correction = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q);
    return -0.5 * Math.log(q) + LN_SQRT_2PI + correction + (p - 0.5) * Math.log(share) + q * Math.log1p(-share);
  }
  if (q >= ASYMPTOTIC_FROM) {
    const correction = stirlingCorrection(q) - stirlingCorrection(p + q);
    return gammaln(p) + correction + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-share);
  }
  return gammaln(p) + gammaln(q) - gammaln(p + q);
}

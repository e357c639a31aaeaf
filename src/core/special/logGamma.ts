import { ASYMPTOTIC_FROM, LN_SQRT_2PI, stirlingCorrection } from "./stirling";

const EULER_GAMMA = 0.5772156649015329;
const LN_PI = 1.1447298858494002;

/** |sin(πx)|, reduced to [−½, ½] first so large or near-integer x keep their accuracy. */
export function absSinPi(x: number): number {
  return Math.abs(Math.sin(Math.PI * (x - Math.round(x))));
}

/** ln Γ(x) for x > 0; exactly 0 at 1 and 2. */
function logGammaPositive(x: number): number {
  // ln Γ(x) = −ln x − γx + O(x²): the x² term is below 10⁻¹⁶ of the result here.
  if (x < 1e-8) return -Math.log(x) - EULER_GAMMA * x;
  if (x === 1 || x === 2) return 0;
  if (x >= ASYMPTOTIC_FROM) return x * (Math.log(x) - 1) - 0.5 * Math.log(x) + LN_SQRT_2PI + stirlingCorrection(x);
  // Γ(x) = Γ(x + n) / (x (x+1) … (x+n−1)), with x + n ≥ 10 and n ≤ 10, so the product stays finite.
  let product = x;
  let shifted = x + 1;
  while (shifted < ASYMPTOTIC_FROM) product *= shifted++;
  return logGammaPositive(shifted) - Math.log(product);
}

/**
 * ln |Γ(x)|: Stirling's series (A&S 6.1.41) for x ≥ 10, the recurrence Γ(x+1) = xΓ(x)
 * below, and the reflection Γ(x)Γ(1−x) = π / sin(πx) for x < 0. `Infinity` at the poles
 * 0, −1, −2, …; NaN for NaN.
 *
 * Accuracy, against @stdlib/math-base-special-gammaln (test/core/special.test.ts): within
 * 10⁻¹³ relative where |ln Γ(x)| ≥ 1, and within 10⁻¹³ absolute where ln Γ is near its
 * zeros (x near 1, 2, and negative x where |Γ| = 1).
 *
 * @example
 * gammaln(5)    //=> 3.1780538303479458 (ln 24)
 * gammaln(-0.5) //=> 1.2655121234846454 (ln 2√π)
 */
export function gammaln(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY) return Number.POSITIVE_INFINITY;
  if (x > 0) return logGammaPositive(x);
  if (Number.isInteger(x)) return Number.POSITIVE_INFINITY;
  return LN_PI - Math.log(absSinPi(x)) - logGammaPositive(1 - x);
}

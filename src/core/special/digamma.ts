import { ASYMPTOTIC_FROM } from "./stirling";

/** ψ(x) for x ≥ 10 from its asymptotic series (A&S 6.3.18); the first term left out is below 10⁻¹⁶ at x = 10. */
function digammaAsymptotic(x: number): number {
  const r2 = 1 / (x * x);
  const series =
    r2 * (1 / 12 + r2 * (-1 / 120 + r2 * (1 / 252 + r2 * (-1 / 240 + r2 * (1 / 132 + r2 * (-691 / 32760 + r2 * (1 / 12)))))));
  return Math.log(x) - 0.5 / x - series;
}

/**
 * The digamma function ψ(x) = d ln Γ(x) / dx: the asymptotic series for x ≥ 10, the
 * recurrence ψ(x) = ψ(x+1) − 1/x below, and the reflection ψ(x) = ψ(1−x) − π / tan(πx)
 * for x ≤ 0. NaN at the poles 0, −1, −2, … and for NaN; `Infinity` at `Infinity`.
 *
 * Accuracy: within 10⁻¹³ relative of @stdlib/math-base-special-digamma where |ψ(x)| ≥ 1,
 * 10⁻¹³ absolute near its zeros (x ≈ 1.4616, and one in each negative unit interval).
 *
 * @example
 * digamma(1) //=> -0.5772156649015329 (−γ)
 */
export function digamma(x: number): number {
  if (Number.isNaN(x) || x === Number.NEGATIVE_INFINITY) return Number.NaN;
  if (x <= 0) {
    const t = x - Math.round(x);
    if (t === 0) return Number.NaN;
    return digamma(1 - x) - Math.PI / Math.tan(Math.PI * t);
  }
  let shift = 0;
  while (x < ASYMPTOTIC_FROM) shift += 1 / x++;
  return digammaAsymptotic(x) - shift;
}

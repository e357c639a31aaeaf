/** ½ ln(2π). */
export const LN_SQRT_2PI = 0.9189385332046728;

/** Below this, x is shifted up by the recurrence before the asymptotic series is used. */
export const ASYMPTOTIC_FROM = 10;

/**
 * Stirling's correction δ(x) = ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π] for x ≥ 10, from the
 * asymptotic series Σ B₂ₖ / (2k(2k−1) x^(2k−1)) (Abramowitz & Stegun 6.1.41), seven terms:
 * the first term left out is below 3·10⁻¹⁷ at x = 10.
 */
export function stirlingCorrection(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  return (
    r *
    (1 / 12 +
      r2 * (-1 / 360 + r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 * (1 / 156)))))))
  );
}

/**
 * The Wilson score interval of a proportion x / n at normal quantile z (Wilson 1927; method 3
 * of Newcombe 1998, "Two-sided confidence intervals for the single proportion", Statistics in
 * Medicine 17, 857–872):
 *
 *   (2x + z² ∓ z·√(z² + 4x(n − x)/n)) ÷ (2(n + z²)).
 *
 * It never leaves [0, 1] and is never empty; the ends are exactly 0 when x = 0 and exactly 1
 * when x = n. Counts are whole numbers with 0 ≤ x ≤ n and n > 0 (callers check).
 *
 * @example
 * wilsonBounds(81, 263, 1.959963984540054) //=> [0.2553…, 0.3662…] (Newcombe 1998, Table I)
 */
export function wilsonBounds(successes: number, trials: number, z: number): [number, number] {
  const z2 = z * z;
  const spread = z * Math.sqrt(z2 + (4 * successes * (trials - successes)) / trials);
  const centre = 2 * successes + z2;
  const scale = 2 * (trials + z2);
  const lower = successes === 0 ? 0 : Math.max(0, (centre - spread) / scale);
  const upper = successes === trials ? 1 : Math.min(1, (centre + spread) / scale);
  return [Math.min(lower, successes / trials), Math.max(upper, successes / trials)];
}

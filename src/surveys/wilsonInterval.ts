import { normalQuantile } from "../core/special/normalQuantile";

/**
 * The Wilson score interval of a proportion `successes / n` (n > 0), at `confidence`:
 * (p + z²/2n ± z·√(p(1 − p)/n + z²/4n²)) / (1 + z²/n), with z the normal quantile of
 * 1 − (1 − confidence)/2. Wilson (1927), "Probable inference, the law of succession, and
 * statistical inference"; Newcombe (1998) method 3. Always inside [0, 1], and not empty at p = 0 or 1.
 *
 * @example
 * wilsonInterval(3, 4, 0.95) //=> [0.3006…, 0.9544…]
 */
export function wilsonInterval(successes: number, n: number, confidence: number): readonly [number, number] {
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

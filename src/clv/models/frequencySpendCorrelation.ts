import type { SummaryColumns } from "../summaryInput";

/** |r| at and above which `fitGammaGamma` warns that frequency and spend are not independent. */
export const CORRELATION_WARNING_AT = 0.3;

/**
 * The weighted Pearson correlation between frequency and mean repeat spend (`monetaryValue`)
 * among the repeat customers (frequency > 0), in two passes (means, then centred sums, which
 * keeps large values from cancelling):
 *   r = Σ w (x − x̄)(z − z̄) / √(Σ w (x − x̄)² · Σ w (z − z̄)²).
 * `null` when either varies not at all among them (fewer than two distinct values), where r is
 * undefined. The Gamma-Gamma model assumes the two are independent (Fader, Hardie & Lee 2005,
 * "RFM and CLV"; lifetimes' docs check the same correlation before fitting).
 */
export function frequencySpendCorrelation(rows: SummaryColumns): number | null {
  const { count, frequency, monetary, weight } = rows;
  let total = 0;
  let sumX = 0;
  let sumZ = 0;
  for (let i = 0; i < count; i++) {
    if (!(frequency[i]! > 0)) continue;
    const w = weight[i]!;
    total += w;
    sumX += w * frequency[i]!;
    sumZ += w * monetary[i]!;
  }
  if (!(total > 0)) return null;
  const meanX = sumX / total;
  const meanZ = sumZ / total;
  let xx = 0;
  let zz = 0;
  let xz = 0;
  for (let i = 0; i < count; i++) {
    if (!(frequency[i]! > 0)) continue;
    const w = weight[i]!;
    const dx = frequency[i]! - meanX;
    const dz = monetary[i]! - meanZ;
    xx += w * dx * dx;
    zz += w * dz * dz;
    xz += w * dx * dz;
  }
  if (!(xx > 0 && zz > 0)) return null;
  return Math.min(1, Math.max(-1, xz / Math.sqrt(xx * zz)));
}

import { Decimal, ZERO } from "../core/money";
import type { RankedValues } from "./rankedValues";

/** How concentrated value is among customers. */
export interface ValueConcentration {
  /** Share of the total value held by the top ⌈1 % · n⌉ customers; `null` when the total is not positive. */
  readonly top1PctShare: number | null;
  readonly top10PctShare: number | null;
  readonly top20PctShare: number | null;
  /** Gini coefficient in [0, 1); `null` without customers, with a total of 0, or with any negative value. */
  readonly gini: number | null;
}

/**
 * Top-share and Gini figures of values sorted in descending order.
 *
 * topShare(p) = Σ of the ⌈p · n⌉ largest values ÷ Σ of all values.
 * gini = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² μ), the mean-difference form (Gini 1912), computed on the
 * values sorted ascending as G = 2 Σᵢ i·x₍ᵢ₎ / (n Σ x) − (n + 1) / n (i = 1..n), the form
 * in Damgaard & Weiner (2000), "Describing inequality in plant size or fecundity", Ecology 81.
 * This is the population (not sample-corrected) Gini, as numpy-based `gini` helpers give.
 */
export function valueConcentration(descending: RankedValues): ValueConcentration {
  const n = descending.count;
  let total: Decimal = ZERO;
  let weighted: Decimal = ZERO;
  let negative = false;
  for (let p = 0; p < n; p++) {
    const value = descending.at(p);
    total = total.plus(value);
    weighted = weighted.plus(value.times(n - p));
    if (value.isNegative() && !value.isZero()) negative = true;
  }
  const positive = total.gt(0);
  const topShare = (fraction: number): number | null => {
    if (!positive) return null;
    const count = Math.ceil(fraction * n);
    let sum: Decimal = ZERO;
    for (let p = 0; p < count; p++) sum = sum.plus(descending.at(p));
    return sum.div(total).toNumber();
  };
  const gini = !positive || negative ? null : weighted.times(2).div(total.times(n)).minus(new Decimal(n + 1).div(n)).toNumber();
  return { top1PctShare: topShare(0.01), top10PctShare: topShare(0.1), top20PctShare: topShare(0.2), gini };
}

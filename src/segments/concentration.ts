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
  const sums = descending.units === undefined ? decimalSums(descending) : unitSums(descending.count, descending.units.at);
  const { total, negative } = sums;
  const n = descending.count;
  const positive = total.gt(0);
  const topShare = (fraction: number): number | null => (positive ? sums.top(Math.ceil(fraction * n)).div(total).toNumber() : null);
  const gini = !positive || negative ? null : sums.weighted.times(2).div(total.times(n)).minus(new Decimal(n + 1).div(n)).toNumber();
  return { top1PctShare: topShare(0.01), top10PctShare: topShare(0.1), top20PctShare: topShare(0.2), gini };
}

/**
 * What the figures need, in any common unit (the shares and the Gini are ratios): the total,
 * Σ value × (n − rank), whether a value is negative, and the sum of the top `count` values.
 */
interface ConcentrationSums {
  readonly total: Decimal;
  readonly weighted: Decimal;
  readonly negative: boolean;
  readonly top: (count: number) => Decimal;
}

function decimalSums(descending: RankedValues): ConcentrationSums {
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
  const top = (count: number): Decimal => {
    let sum: Decimal = ZERO;
    for (let p = 0; p < count; p++) sum = sum.plus(descending.at(p));
    return sum;
  };
  return { total, weighted, negative, top };
}

/**
 * The sums on integer units, exact: every partial sum of values is a safe integer (the ledger
 * keeps Σ|units| one), and Σ value × (n − rank), written as the sum of the n prefix sums, is
 * carried into a BigInt whenever the next prefix would take it past 2^53.
 */
function unitSums(n: number, unitsAt: (rank: number) => number): ConcentrationSums {
  let prefix = 0;
  let carried = 0;
  let spilled = 0n;
  let negative = false;
  for (let p = 0; p < n; p++) {
    const value = unitsAt(p);
    if (value < 0) negative = true;
    prefix += value;
    if (Math.abs(carried) + Math.abs(prefix) > Number.MAX_SAFE_INTEGER) {
      spilled += BigInt(carried);
      carried = 0;
    }
    carried += prefix;
  }
  const top = (count: number): Decimal => {
    let sum = 0;
    for (let p = 0; p < count; p++) sum += unitsAt(p);
    return new Decimal(sum);
  };
  return { total: new Decimal(prefix), weighted: new Decimal((spilled + BigInt(carried)).toString()), negative, top };
}

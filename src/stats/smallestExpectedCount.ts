/**
 * The smallest count expected in a cell of a 2 × k table if both samples came from the same
 * distribution: min over sides i and outcomes j of nᵢ · (a_j + b_j) ÷ (n_a + n_b), leaving out
 * the outcomes seen in neither sample (they carry no information, and a rate of 100% in both
 * samples has nothing to test). The normal approximation of a two-sample test is trusted when
 * it is at least 5 (Cochran 1954, "Some methods for strengthening the common χ² tests").
 * `Infinity` when no outcome was seen (both samples empty).
 *
 * @example
 * smallestExpectedCount([48, 32], [56, 14]) //=> 21.466666666666665 (70 × 46 ÷ 150: the 46 failures of 150 trials, on the smaller side)
 */
export function smallestExpectedCount(a: readonly number[], b: readonly number[]): number {
  let na = 0;
  let nb = 0;
  for (const count of a) na += count;
  for (const count of b) nb += count;
  const total = na + nb;
  let smallest = Number.POSITIVE_INFINITY;
  for (let j = 0; j < a.length; j++) {
    const pooled = a[j]! + b[j]!;
    if (pooled > 0) smallest = Math.min(smallest, (Math.min(na, nb) * pooled) / total);
  }
  return smallest;
}

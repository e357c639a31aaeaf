import { lowerBound } from "../core/search";

/**
 * Scores values from 1 to `bins` by rank, in groups as equal in size as possible, giving
 * equal values equal scores (the "min rank" rule):
 *
 *   score = floor(bins × below / n) + 1
 *
 * where `below` is the number of values strictly smaller (so `below + 1` is the value's
 * rank with ties given their lowest rank, R's `rank(ties.method = "min")`). With distinct
 * values the groups differ in size by at most one; a tie never straddles two scores, so a
 * large tie can leave a score unused. Sorts one copy (n log n), then one binary search per value.
 */
export function rankScores(values: Float64Array, bins: number): Uint8Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) scores[i] = Math.floor((bins * lowerBound(sorted, values[i]!)) / n) + 1;
  return scores;
}

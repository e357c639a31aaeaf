import { descendingOrder } from "../core/descendingOrder";
import { forEachTie } from "./rankOrder";

/*
 * A probability as a classifier of a yes/no outcome: the area under the ROC curve and the
 * Brier score.
 */

/**
 * AUC as the Mann–Whitney statistic: the probability that a random positive scores above a
 * random negative, a tie counting one half (Hanley & McNeil 1982):
 *   AUC = (R₊ − n₊(n₊+1)/2) / (n₊ n₋),
 * with R₊ the sum of the positives' mid-ranks in ascending order of score. `null` without a
 * positive or without a negative.
 *
 * @example
 * areaUnderCurve(Float64Array.of(0.9, 0.4, 0.4, 0.1), Uint8Array.of(1, 1, 0, 0)) //=> 0.875
 */
export function areaUnderCurve(scores: Float64Array, outcome: Uint8Array): number | null {
  const n = scores.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += outcome[i]!;
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  const order = descendingOrder(scores);
  // Ascending rank of position k of the descending order is n − k; a tie group shares its mid-rank.
  let rankSum = 0;
  forEachTie(order, scores, (start, end) => {
    let groupPositives = 0;
    for (let k = start; k < end; k++) groupPositives += outcome[order[k]!]!;
    rankSum += groupPositives * (n - (start + end - 1) / 2);
  });
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Brier score (Brier 1950): mean (pᵢ − yᵢ)² over the customers, in [0, 1]; `null` when there
 * are none.
 *
 * @example
 * brierScore(Float64Array.of(0.9, 0.2), Uint8Array.of(1, 0)) //=> (0.01 + 0.04) / 2 = 0.025
 */
export function brierScore(probabilities: Float64Array, outcome: Uint8Array): number | null {
  const n = probabilities.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = probabilities[i]! - outcome[i]!;
    sum += d * d;
  }
  return sum / n;
}

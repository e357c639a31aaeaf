import { descendingOrder } from "../core/descendingOrder";
import { forEachTie } from "./rankOrder";

/*
 * How well a prediction orders the customers by what they went on to do: the normalized Gini
 * of Google's lifetime_value package and the share of the total taken by the predicted top
 * decile. Tied predictions count as the mean over every order of the tied customers.
 */

/**
 * Σ over the order of the cumulative actual values, with `order` grouped by equal `keys`: a
 * tie group of m customers summing S after `before` adds m·before + S(m+1)/2, the mean of its
 * cumulative sums over every order of the group.
 */
function cumulativeSum(order: Uint32Array, keys: Float64Array, actual: Float64Array): number {
  let before = 0;
  let sum = 0;
  forEachTie(order, keys, (start, end) => {
    let group = 0;
    for (let k = start; k < end; k++) group += actual[order[k]!]!;
    const m = end - start;
    sum += m * before + (group * (m + 1)) / 2;
    before += group;
  });
  return sum;
}

/**
 * Normalized Gini as Google's lifetime_value (`metrics.cumulative_true`, `gini_from_gain`;
 * Wang, Liu & Miao 2019) defines it: order the customers by prediction, highest first, take the
 * gain curve Gₖ = (Σ_{j≤k} actual)/(Σ actual), the raw Gini 2·mean(G) − 1, and divide by the
 * raw Gini of the order by the actual values themselves. 1 is the best possible order; a random
 * order is near 0. Tied predictions take the mean of their orders (lifetime_value leaves the
 * order of ties to pandas' sort). `null` when the actual values sum to 0 or are not all ≥ 0.
 *
 * @example
 * normalizedGini(Float64Array.of(3, 2, 1), Float64Array.of(1, 3, 0))
 * // model order 1,3,0: G = 1/4, 1, 1 → raw 2·(9/4)/3 − 1 = 0.5
 * // actual order 3,1,0: G = 3/4, 1, 1 → raw 2·(11/4)/3 − 1 = 5/6;   0.5 / (5/6) = 0.6
 */
export function normalizedGini(predicted: Float64Array, actual: Float64Array): number | null {
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    if (!(actual[i]! >= 0)) return null;
    total += actual[i]!;
  }
  if (!(total > 0)) return null;
  const n = actual.length;
  const raw = (sum: number): number => (2 * sum) / (total * n) - 1;
  const model = raw(cumulativeSum(descendingOrder(predicted), predicted, actual));
  const best = raw(cumulativeSum(descendingOrder(actual), actual, actual));
  return Math.min(1, model / best);
}

/** The predicted top decile's share of the actual total. */
export interface TopDecile {
  /** n / 10. */
  readonly customers: number;
  /** Share of Σ actual taken by the n/10 customers with the highest predictions; `null` when Σ actual is 0. */
  readonly share: number | null;
}

/**
 * The share of the actual total made by the n/10 customers predicted highest. A tie group that
 * straddles the boundary contributes its mean actual value times the part of it inside.
 *
 * @example
 * topDecileShare(Float64Array.of(10, 9, 8, 7, 6, 5, 4, 3, 2, 1), Float64Array.of(5, 0, 1, 1, 1, 1, 1, 0, 0, 0))
 * //=> { customers: 1, share: 5 / 10 = 0.5 }
 */
export function topDecileShare(predicted: Float64Array, actual: Float64Array, order: Uint32Array = descendingOrder(predicted)): TopDecile {
  const n = predicted.length;
  const customers = n / 10;
  let total = 0;
  for (let i = 0; i < n; i++) total += actual[i]!;
  if (!(total > 0)) return { customers, share: null };
  let taken = 0;
  let top = 0;
  forEachTie(order, predicted, (start, end) => {
    if (taken >= customers) return;
    let group = 0;
    for (let k = start; k < end; k++) group += actual[order[k]!]!;
    const m = end - start;
    const inside = Math.min(m, customers - taken);
    top += (group * inside) / m;
    taken += inside;
  });
  return { customers, share: top / total };
}

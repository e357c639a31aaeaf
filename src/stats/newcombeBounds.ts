import { wilsonBounds } from "./wilsonBounds";

/**
 * Newcombe's hybrid score interval for the difference of two independent proportions,
 * δ = x_b/n_b − x_a/n_a (method 10 of Newcombe 1998, "Interval estimation for the difference
 * between independent proportions: comparison of eleven methods", Statistics in Medicine 17,
 * 873–890). With (l_a, u_a) and (l_b, u_b) the Wilson intervals of the two proportions:
 *
 *   lower = δ − √((p_b − l_b)² + (u_a − p_a)²),  upper = δ + √((u_b − p_b)² + (p_a − l_a)²).
 *
 * It lies in [−1, 1] and holds δ. Swapping the sides negates and swaps the ends exactly. Both
 * trial counts are positive (callers check).
 *
 * @example
 * newcombeBounds(48, 80, 56, 70, 1.959963984540054) //=> [0.0524…, 0.3339…] (Newcombe 1998, Table II, example a)
 */
export function newcombeBounds(successesA: number, trialsA: number, successesB: number, trialsB: number, z: number): [number, number] {
  const pa = successesA / trialsA;
  const pb = successesB / trialsB;
  const [la, ua] = wilsonBounds(successesA, trialsA, z);
  const [lb, ub] = wilsonBounds(successesB, trialsB, z);
  const difference = pb - pa;
  const lower = difference - Math.sqrt((pb - lb) ** 2 + (ua - pa) ** 2);
  const upper = difference + Math.sqrt((ub - pb) ** 2 + (pa - la) ** 2);
  return [Math.max(-1, Math.min(lower, difference)), Math.min(1, Math.max(upper, difference))];
}

import { normalCdf } from "../core/special/normalCdf";

/**
 * The two-sided p-value of a standard normal statistic: 2·Φ(−|z|), in [0, 1]; 1 at z = 0.
 *
 * @example
 * twoSidedPValue(1.959963984540054) //=> 0.05
 */
export function twoSidedPValue(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}

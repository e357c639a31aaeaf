import { sortedOrder } from "../input/sortedOrder";

/**
 * Indices `0..n-1` of `values` by value descending, equal values by index ascending (internal):
 * the radix sort of `sortedOrder` on the negated values, linear for whole-unit amounts, where a
 * comparison sort with a callback takes n log n calls.
 *
 * @example
 * descendingOrder(Float64Array.of(5, 9, 5)) //=> Uint32Array [1, 0, 2]
 */
export function descendingOrder(values: Float64Array): Uint32Array {
  const negated = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) negated[i] = -values[i]!;
  return sortedOrder(negated);
}

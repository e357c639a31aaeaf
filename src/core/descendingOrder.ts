import { sortedOrder } from "../input/sortedOrder";

/**
 * Indices `0..n-1` of `values` by value descending, equal values by index ascending (internal).
 * Whole values whose range times n stays below 2^53 (money units of a ledger, as a rule) are
 * packed with their index into one exact double, (max − value)·n + index, and the packed keys
 * go through the engine's native typed-array sort; other values take `sortedOrder`'s sort of
 * the negated values.
 *
 * @example
 * descendingOrder(Float64Array.of(5, 9, 5)) //=> Uint32Array [1, 0, 2]
 */
export function descendingOrder(values: Float64Array): Uint32Array {
  const n = values.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    if (Math.floor(v) !== v) whole = false;
  }
  if (n > 0 && whole && (max - min + 1) * n <= Number.MAX_SAFE_INTEGER) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = (max - values[i]!) * n + i;
    packed.sort();
    const order = new Uint32Array(n);
    for (let k = 0; k < n; k++) order[k] = packed[k]! % n;
    return order;
  }
  const negated = new Float64Array(n);
  for (let i = 0; i < n; i++) negated[i] = -values[i]!;
  return sortedOrder(negated);
}

/*
 * Orders of customers by a score, and the groups of tied scores within them: the ranking
 * figures treat a tie as every order of the tied customers at once (their mean), so no figure
 * depends on the order of the rows.
 */

const DIGIT_BITS = 16;
const BUCKETS = 1 << DIGIT_BITS;

/**
 * Indices 0..n−1 in descending order of `values` (no NaN), ties in index order (callers treat
 * ties as groups). An LSD radix sort on the doubles' bits, 16 at a time (4 passes of O(n)),
 * several times faster than a comparison sort with a comparator: each double's bits are
 * mapped to an unsigned key whose ascending order is the values' descending order (sign bit
 * set: the bits as they are, else every bit but the sign flipped; -0 and 0 end up side by side).
 *
 * @example
 * descendingOrder(Float64Array.of(0.5, 2, -1, 2)) //=> Uint32Array [1, 3, 0, 2]
 */
export function descendingOrder(values: Float64Array): Uint32Array {
  const n = values.length;
  const words = new Uint32Array(values.slice().buffer);
  const little = new Uint8Array(Float64Array.of(1).buffer)[7] === 0x3f;
  const high = new Uint32Array(n);
  const low = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const hi = words[little ? 2 * i + 1 : 2 * i]!;
    const lo = words[little ? 2 * i : 2 * i + 1]!;
    const negative = hi >>> 31 === 1;
    high[i] = negative ? hi : (hi ^ 0x7fffffff) >>> 0;
    low[i] = negative ? lo : ~lo >>> 0;
  }
  let order = new Uint32Array(n);
  let next = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const counts = new Uint32Array(BUCKETS);
  for (const [keys, shift] of [[low, 0], [low, DIGIT_BITS], [high, 0], [high, DIGIT_BITS]] as const) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[i]! >>> shift) & (BUCKETS - 1)]!++;
    if (counts[(keys[0]! >>> shift) & (BUCKETS - 1)] === n) continue;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const count = counts[b]!;
      counts[b] = sum;
      sum += count;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      next[counts[(keys[i]! >>> shift) & (BUCKETS - 1)]!++] = i;
    }
    [order, next] = [next, order];
  }
  return order;
}

/** Calls `visit(start, end)` for each run [start, end) of `order` whose `values` are equal. */
export function forEachTie(order: Uint32Array, values: Float64Array, visit: (start: number, end: number) => void): void {
  let start = 0;
  for (let k = 1; k <= order.length; k++) {
    if (k === order.length || values[order[k]!] !== values[order[start]!]) {
      visit(start, k);
      start = k;
    }
  }
}

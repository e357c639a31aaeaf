/*
 * Orders of customers by a score, and the groups of tied scores within them: the ranking
 * figures treat a tie as every order of the tied customers at once (their mean), so no figure
 * depends on the order of the rows.
 */

/** Indices 0..n−1 sorted by `values`, highest first (ties in index order; callers treat ties as groups). */
export function descendingOrder(values: Float64Array): Uint32Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((i, j) => values[j]! - values[i]! || i - j);
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

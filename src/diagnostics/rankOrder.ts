/*
 * The groups of tied scores within an order of customers (`descendingOrder`): the ranking
 * figures treat a tie as every order of the tied customers at once (their mean), so no figure
 * depends on the order of the rows.
 */

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

/**
 * The first `k` of the rows `0..n-1` in the order `compare` gives (a full order: ties must be
 * broken), for top-N lists read from columns instead of from an object per row.
 *
 * @example
 * const clv = [5, 9, 7];
 * topRows(3, 2, (a, b) => clv[b]! - clv[a]!) //=> [1, 2]
 */
export function topRows(n: number, k: number, compare: (a: number, b: number) => number): number[] {
  const rows = new Uint32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return Array.from(rows.sort(compare).subarray(0, Math.min(k, n)));
}

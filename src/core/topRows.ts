/** Above this many rows a top-k list is taken from a full sort instead of by insertion. */
const INSERTION_LIMIT = 64;

/**
 * The first `k` of the rows `0..n-1` in the order `compare` gives (a full order: ties must be
 * broken), for top-N lists read from columns instead of from an object per row. For a short
 * list it keeps the best `k` seen so far in order, so most rows cost one comparison with the
 * k-th best (about n calls instead of a sort's n log n); a long list comes from a full sort.
 *
 * @example
 * const clv = [5, 9, 7];
 * topRows(3, 2, (a, b) => clv[b]! - clv[a]!) //=> [1, 2]
 */
export function topRows(n: number, k: number, compare: (a: number, b: number) => number): number[] {
  const size = Math.min(k, n);
  if (size > INSERTION_LIMIT) {
    const rows = new Uint32Array(n);
    for (let i = 0; i < n; i++) rows[i] = i;
    return Array.from(rows.sort(compare).subarray(0, size));
  }
  const top: number[] = [];
  if (size <= 0) return top;
  for (let i = 0; i < n; i++) {
    if (top.length === size) {
      if (compare(i, top[size - 1]!) >= 0) continue;
      top.pop();
    }
    let j = top.length;
    top.push(i);
    for (; j > 0 && compare(i, top[j - 1]!) < 0; j--) top[j] = top[j - 1]!;
    top[j] = i;
  }
  return top;
}

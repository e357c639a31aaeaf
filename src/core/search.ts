/** First index `i` in the ascending array `sorted` with `sorted[i] >= value` (or `sorted.length`). */
export function lowerBound(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Position of `id` in `sortedIds` (ascending in `compareIds` order, as `Ledger.customerIds`),
 * or -1: a binary search, for a few lookups where building an id → index Map would cost more.
 */
export function indexOfSortedId(sortedIds: readonly string[], id: string): number {
  let low = 0;
  let high = sortedIds.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sortedIds[mid]! < id) low = mid + 1;
    else high = mid;
  }
  return low < sortedIds.length && sortedIds[low] === id ? low : -1;
}

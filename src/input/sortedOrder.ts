/**
 * Indices `0..n-1` ordered by `key` ascending, then by `tieRank`, then by index, so the
 * result never depends on anything but the data. Linear on already-sorted input; otherwise
 * a bucket sort (one bucket per row over the key range) whose buckets are finished with a
 * comparison sort, expected linear for time stamps and n log n at worst. Besides the result
 * it needs one more `Uint32Array` of `n + 1` entries (the bucket bounds).
 */
export function sortedOrder(key: Float64Array, tieRank?: Uint8Array): Uint32Array {
  const n = key.length;
  const compare = (a: number, b: number): number =>
    key[a]! - key[b]! || (tieRank === undefined ? 0 : tieRank[a]! - tieRank[b]!) || a - b;
  let sorted = true;
  let min = n > 0 ? key[0]! : 0;
  let max = min;
  for (let i = 1; i < n; i++) {
    const k = key[i]!;
    if (sorted && compare(i - 1, i) > 0) sorted = false;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  const order = new Uint32Array(n);
  if (sorted || min === max) {
    for (let i = 0; i < n; i++) order[i] = i;
    return sorted ? order : order.sort(compare);
  }

  // bounds[b] counts bucket b's rows, then (prefix sums) marks its end; filling the buckets
  // backwards moves it to the bucket's start, so bucket b is order[bounds[b] .. bounds[b + 1]).
  const scale = (n - 1) / (max - min);
  const bucketOf = (i: number): number => Math.min(n - 1, Math.floor((key[i]! - min) * scale));
  const bounds = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) bounds[bucketOf(i)]!++;
  for (let b = 1; b < n; b++) bounds[b]! += bounds[b - 1]!;
  bounds[n] = n;
  for (let i = n - 1; i >= 0; i--) order[--bounds[bucketOf(i)]!] = i;
  for (let b = 0; b < n; b++) {
    const from = bounds[b]!;
    const to = bounds[b + 1]!;
    if (to - from < 2) continue;
    if (to - from <= 16) insertionSort(order, from, to, compare);
    else order.subarray(from, to).sort(compare);
  }
  return order;
}

function insertionSort(order: Uint32Array, from: number, to: number, compare: (a: number, b: number) => number): void {
  for (let i = from + 1; i < to; i++) {
    const value = order[i]!;
    let j = i - 1;
    while (j >= from && compare(order[j]!, value) > 0) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = value;
  }
}

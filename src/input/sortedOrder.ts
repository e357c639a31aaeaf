/**
 * Indices `0..n-1` ordered by `key` ascending, then by `tieRank`, then by index, so the
 * result never depends on anything but the data. Linear on already-sorted input; otherwise
 * a bucket sort (one bucket per row over the key range) whose buckets are finished with a
 * comparison sort, expected linear for time stamps and n log n at worst.
 */
export function sortedOrder(key: Float64Array, tieRank?: Uint8Array): Uint32Array {
  const n = key.length;
  const compare = (a: number, b: number): number =>
    key[a]! - key[b]! || (tieRank === undefined ? 0 : tieRank[a]! - tieRank[b]!) || a - b;
  const identity = new Uint32Array(n);
  for (let i = 0; i < n; i++) identity[i] = i;
  let sorted = true;
  let min = n > 0 ? key[0]! : 0;
  let max = min;
  for (let i = 1; i < n; i++) {
    const k = key[i]!;
    if (sorted && compare(i - 1, i) > 0) sorted = false;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  if (sorted) return identity;
  if (min === max) return identity.sort(compare);

  const bucketOf = new Uint32Array(n);
  const starts = new Uint32Array(n + 1);
  const scale = (n - 1) / (max - min);
  for (let i = 0; i < n; i++) {
    const bucket = Math.min(n - 1, Math.floor((key[i]! - min) * scale));
    bucketOf[i] = bucket;
    starts[bucket + 1]!++;
  }
  for (let b = 0; b < n; b++) starts[b + 1]! += starts[b]!;
  const next = starts.slice(0, n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[next[bucketOf[i]!]!++] = i;
  for (let b = 0; b < n; b++) {
    const from = starts[b]!;
    const to = starts[b + 1]!;
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

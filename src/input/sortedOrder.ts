/** Rows put in key order: row `order[k]` of the input is the k-th, and `keys[k]` is its key. */
export interface SortedKeys {
  readonly order: Uint32Array;
  /** The keys in sorted order; the input array itself when it was already sorted. */
  readonly keys: Float64Array;
}

/** Slices of at most this many rows are finished by insertion sort. */
const SMALL = 32;
/** Rows per bucket a bucket pass aims at. */
const ROWS_PER_BUCKET = 4;
/** Bucket passes nested deeper than this (only for keys spread over many magnitudes) end in a comparison sort. */
const MAX_DEPTH = 8;

/**
 * Indices `0..n-1` ordered by `key` ascending, then by `tieRank`, then by index, so the
 * result never depends on anything but the data. See `sortByKey`.
 *
 * @example
 * sortedOrder(Float64Array.of(30, 10, 30, 20)) //=> Uint32Array [1, 3, 0, 2]
 */
export function sortedOrder(key: Float64Array, tieRank?: Uint8Array): Uint32Array {
  return sortByKey(key, tieRank).order;
}

/**
 * The order of `sortedOrder` and the keys in that order. One pass checks whether the keys are
 * already in order (then nothing moves and `keys` is `key` itself). Otherwise a stable
 * counting pass over the tie ranks (when given) is followed by a bucket sort: each row goes to
 * one of about n/4 buckets by `(key − min) / (max − min)`, in a stable counting scatter that
 * carries the key with the index, and each bucket is finished by insertion sort, or, when
 * it holds more than 32 rows of different keys, by the same bucket pass on its own range.
 * Linear for keys spread like times; keys crowded into a few buckets at every scale (only
 * possible for keys spread over many orders of magnitude) end, 8 levels down, in a comparison
 * sort, so the worst case is n log n. Works on any finite keys (fractions of a millisecond too).
 * Besides the results it needs n/4 bucket counters (and, with tie ranks, an index per row).
 */
export function sortByKey(key: Float64Array, tieRank?: Uint8Array): SortedKeys {
  const n = key.length;
  let sorted = true;
  let min = n > 0 ? key[0]! : 0;
  let max = min;
  for (let i = 1; i < n; i++) {
    const k = key[i]!;
    const before = key[i - 1]!;
    if (before > k || (before === k && tieRank !== undefined && tieRank[i - 1]! > tieRank[i]!)) sorted = false;
    if (k < min) min = k;
    else if (k > max) max = k;
  }
  const order = new Uint32Array(n);
  if (sorted) {
    for (let i = 0; i < n; i++) order[i] = i;
    return { order, keys: key };
  }
  const first = tieRank === undefined ? null : rankOrder(tieRank);
  const keys = new Float64Array(n);
  if (!Number.isFinite(max - min)) {
    for (let i = 0; i < n; i++) order[i] = first === null ? i : first[i]!;
    for (let i = 0; i < n; i++) keys[i] = key[order[i]!]!;
    comparisonSort(keys, order, 0, n);
    return { order, keys };
  }
  const buckets = bucketCount(n);
  const scale = buckets / (max - min);
  const ends = new Uint32Array(buckets + 1);
  for (let i = 0; i < n; i++) ends[Math.min(((key[i]! - min) * scale) | 0, buckets - 1) + 1]!++;
  for (let d = 0; d < buckets; d++) ends[d + 1]! += ends[d]!;
  for (let j = 0; j < n; j++) {
    const i = first === null ? j : first[j]!;
    const k = key[i]!;
    const at = ends[Math.min(((k - min) * scale) | 0, buckets - 1)]!++;
    keys[at] = k;
    order[at] = i;
  }
  finishBuckets(keys, order, 0, ends, buckets, 1);
  return { order, keys };
}

/** Indices ordered by tie rank, then index (a stable counting sort). */
function rankOrder(tieRank: Uint8Array): Uint32Array {
  const n = tieRank.length;
  const starts = new Uint32Array(257);
  for (let i = 0; i < n; i++) starts[tieRank[i]! + 1]!++;
  for (let d = 1; d <= 256; d++) starts[d]! += starts[d - 1]!;
  const ranked = new Uint32Array(n);
  for (let i = 0; i < n; i++) ranked[starts[tieRank[i]!]!++] = i;
  return ranked;
}

function bucketCount(rows: number): number {
  return Math.max(2, Math.ceil(rows / ROWS_PER_BUCKET));
}

/**
 * Sorts each bucket of `keys` (and `order` with it), stably: bucket d ends at `ends[d]` and
 * starts where bucket d − 1 ends (the first at `from`).
 */
function finishBuckets(keys: Float64Array, order: Uint32Array, from: number, ends: Uint32Array, buckets: number, depth: number): void {
  let start = from;
  for (let d = 0; d < buckets; d++) {
    const end = ends[d]!;
    if (end - start <= SMALL) insertionSort(keys, order, start, end);
    else sortSlice(keys, order, start, end, depth);
    start = end;
  }
}

/** Sorts `keys[from..to)` (and `order` with it) stably by the bucket pass on the slice's own range. */
function sortSlice(keys: Float64Array, order: Uint32Array, from: number, to: number, depth: number): void {
  let min = keys[from]!;
  let max = min;
  for (let i = from + 1; i < to; i++) {
    const k = keys[i]!;
    if (k < min) min = k;
    else if (k > max) max = k;
  }
  if (min === max) return;
  const size = to - from;
  const buckets = bucketCount(size);
  const scale = buckets / (max - min);
  if (depth >= MAX_DEPTH || !Number.isFinite(scale)) {
    comparisonSort(keys, order, from, to);
    return;
  }
  const ends = new Uint32Array(buckets + 1);
  const sliceKeys = keys.slice(from, to);
  const sliceOrder = order.slice(from, to);
  const digits = new Uint32Array(size);
  for (let j = 0; j < size; j++) {
    const d = Math.min(((sliceKeys[j]! - min) * scale) | 0, buckets - 1);
    digits[j] = d;
    ends[d + 1]!++;
  }
  ends[0] = from;
  for (let d = 0; d < buckets; d++) ends[d + 1]! += ends[d]!;
  for (let j = 0; j < size; j++) {
    const at = ends[digits[j]!]!++;
    keys[at] = sliceKeys[j]!;
    order[at] = sliceOrder[j]!;
  }
  finishBuckets(keys, order, from, ends, buckets, depth + 1);
}

/** Stable insertion sort of `keys[from..to)`, moving `order` along. */
function insertionSort(keys: Float64Array, order: Uint32Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const k = keys[i]!;
    if (keys[i - 1]! <= k) continue;
    const row = order[i]!;
    let j = i - 1;
    while (j >= from && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      order[j + 1] = order[j]!;
      j--;
    }
    keys[j + 1] = k;
    order[j + 1] = row;
  }
}

/** Stable comparison sort of `keys[from..to)`, moving `order` along: n log n whatever the keys. */
function comparisonSort(keys: Float64Array, order: Uint32Array, from: number, to: number): void {
  const positions = new Uint32Array(to - from);
  for (let p = 0; p < positions.length; p++) positions[p] = from + p;
  positions.sort((a, b) => compareKeys(keys[a]!, keys[b]!) || a - b);
  const sliceKeys = keys.slice(from, to);
  const sliceOrder = order.slice(from, to);
  for (let p = 0; p < positions.length; p++) {
    keys[from + p] = sliceKeys[positions[p]! - from]!;
    order[from + p] = sliceOrder[positions[p]! - from]!;
  }
}

/** `a − b`'s sign for any keys, infinities included (where `a − b` may be NaN). */
function compareKeys(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Indices `0..n-1` ordered by `key` ascending, then by `tieRank`, then by index, so the
 * result never depends on anything but the data. Linear on already-sorted input. Keys that are
 * whole numbers (epoch milliseconds) are sorted by a least-significant-digit radix sort on
 * `key - min`: a stable counting pass over the tie ranks, then one per digit of at most 13 bits
 * (three passes for two years of milliseconds), each linear. Other keys (fractions of a
 * millisecond) take a comparison sort, n log n. Besides the result it needs one more
 * `Uint32Array` of `n` entries.
 */
export function sortedOrder(key: Float64Array, tieRank?: Uint8Array): Uint32Array {
  const n = key.length;
  let sorted = true;
  let whole = true;
  let min = n > 0 ? key[0]! : 0;
  let max = min;
  for (let i = 0; i < n; i++) {
    const k = key[i]!;
    if (i > 0 && (key[i - 1]! > k || (tieRank !== undefined && key[i - 1] === k && tieRank[i - 1]! > tieRank[i]!))) sorted = false;
    if (k < min) min = k;
    if (k > max) max = k;
    if (Math.floor(k) !== k) whole = false;
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (sorted) return order;
  if (!whole || !(max - min <= Number.MAX_SAFE_INTEGER)) {
    return order.sort((a, b) => key[a]! - key[b]! || (tieRank === undefined ? 0 : tieRank[a]! - tieRank[b]!) || a - b);
  }
  let spare = new Uint32Array(n);
  if (tieRank !== undefined) {
    const starts = new Uint32Array(257);
    for (let i = 0; i < n; i++) starts[tieRank[i]! + 1]!++;
    for (let d = 1; d <= 256; d++) starts[d]! += starts[d - 1]!;
    for (let i = 0; i < n; i++) spare[starts[tieRank[i]!]!++] = i;
    const ranked = spare;
    spare = order;
    order = ranked;
  }
  const bits = Math.ceil(Math.log2(max - min + 1));
  const passes = Math.ceil(bits / 13);
  const digitBits = Math.ceil(bits / passes);
  const mask = 2 ** digitBits - 1;
  const radix = mask + 1;
  const starts = new Uint32Array(passes * radix);
  for (let i = 0; i < n; i++) {
    let rest = key[i]! - min;
    for (let p = 0; p < passes; p++) {
      starts[p * radix + (rest & mask)]!++;
      rest = Math.floor(rest / radix);
    }
  }
  for (let p = 0, scale = 1; p < passes; p++, scale *= radix) {
    const base = p * radix;
    for (let d = 0, sum = 0; d < radix; d++) {
      const count = starts[base + d]!;
      starts[base + d] = sum;
      sum += count;
    }
    for (let i = 0; i < n; i++) {
      const row = order[i]!;
      spare[starts[base + (Math.floor((key[row]! - min) / scale) & mask)]!++] = row;
    }
    const done = spare;
    spare = order;
    order = done;
  }
  return order;
}

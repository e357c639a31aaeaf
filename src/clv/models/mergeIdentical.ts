/** Distinct values of one column, ascending, and for each row the index of its value. */
export interface DistinctColumn {
  readonly values: Float64Array;
  readonly index: Uint32Array;
}

/** One row per distinct combination of values, with the summed weight of the rows it stands for. */
export interface MergedRows {
  /** For each distinct row, the index of its first occurrence; ascending by the columns' values. */
  readonly first: Uint32Array;
  readonly weight: Float64Array;
  /** Each column's distinct values (ascending) and, per merged row, the index of its value. */
  readonly columns: readonly DistinctColumn[];
}

/**
 * Merges the rows `kept` (indices, ascending) whose values are equal in every column (two or three),
 * summing their weights in the rows' order (internal). The result is ascending by the columns'
 * values, whatever the order of the rows: a stable least-significant-digit radix sort on each
 * value's 64 bits (16 at a time, skipping the digits every row shares, such as the low bits of
 * whole numbers), last column first, orders the rows by value and then by index in a few
 * linear passes, and neighbours with equal values merge. −0 and 0 are one value.
 *
 * @example
 * mergeIdenticalRows(Uint32Array.of(0, 1, 2), [Float64Array.of(2, 1, 2), Float64Array.of(5, 5, 5)], Float64Array.of(1, 1, 3))
 * //=> { first: Uint32Array [1, 0], weight: Float64Array [1, 4], columns: [{ values: [1, 2], index: [0, 1] }, { values: [5], index: [0, 0] }] }
 */
export function mergeIdenticalRows(kept: Uint32Array, columns: readonly [Float64Array, Float64Array, Float64Array?], weight: Float64Array): MergedRows {
  const values = columns.filter((column): column is Float64Array => column !== undefined).map((column) => gather(column, kept));
  const order = radixOrder(values);
  const [u, v, w] = values as [Float64Array, Float64Array, Float64Array?];
  const m = kept.length;
  const first = new Uint32Array(m);
  const merged = new Float64Array(m);
  const at = new Uint32Array(m);
  let count = 0;
  for (let k = 0; k < m; k++) {
    const p = order[k]!;
    const row = kept[p]!;
    if (count > 0) {
      const q = at[count - 1]!;
      if (u[p] === u[q] && v[p] === v[q] && (w === undefined || w[p] === w[q])) {
        merged[count - 1]! += weight[row]!;
        continue;
      }
    }
    at[count] = p;
    first[count] = row;
    merged[count++] = weight[row]!;
  }
  const positions = at.subarray(0, count);
  return {
    first: first.slice(0, count),
    weight: merged.slice(0, count),
    columns: values.map((column, c) => distinctColumn(gather(column, positions), c === 0)),
  };
}

/** Ascending distinct values of `column` and each element's index among them; `sorted` when the column is already ascending. */
function distinctColumn(column: Float64Array, sorted: boolean): DistinctColumn {
  const order = sorted ? null : radixOrder([column]);
  const index = new Uint32Array(column.length);
  const distinct = new Float64Array(column.length);
  let count = 0;
  for (let k = 0; k < column.length; k++) {
    const p = order === null ? k : order[k]!;
    const value = column[p]!;
    if (count === 0 || value !== distinct[count - 1]) distinct[count++] = value;
    index[p] = count - 1;
  }
  return { values: distinct.slice(0, count), index };
}

/** `column[rows[p]] + 0` for each position p (+ 0 turns −0 into 0), in a plain loop. */
export function gather(column: Float64Array, rows: Uint32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let p = 0; p < rows.length; p++) out[p] = column[rows[p]!]! + 0;
  return out;
}

/** Bits per radix digit: 4 digits per 64-bit key. */
const DIGIT_BITS = 16;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;
const BUCKETS = 1 << DIGIT_BITS;

/**
 * Positions 0…m−1 ordered by the columns' values (the first column first), then by position:
 * each value becomes a 64-bit key that sorts as the double does (`radixKeys`), and a stable
 * counting sort runs per 16-bit digit, least significant first, skipping any digit on which
 * all keys agree. NaN does not occur in the models' columns. The loops sit in small functions
 * that run many times, so the engine optimises them early even on a single call.
 */
function radixOrder(columns: readonly Float64Array[]): Uint32Array {
  const m = columns[0]!.length;
  let order = new Uint32Array(m);
  for (let p = 0; p < m; p++) order[p] = p;
  let spare = new Uint32Array(m);
  const counts = new Uint32Array(4 * BUCKETS);
  for (let c = columns.length - 1; c >= 0; c--) {
    const { low, high } = radixKeys(columns[c]!, counts);
    for (let digit = 0; digit < 4; digit++) {
      const digitCounts = counts.subarray(digit * BUCKETS, (digit + 1) * BUCKETS);
      if (digitCounts.includes(m)) continue;
      scatter(order, spare, digit < 2 ? low : high, (digit % 2) * DIGIT_BITS, startsOf(digitCounts));
      [order, spare] = [spare, order];
    }
  }
  return order;
}

/** Where a double's high 32-bit word sits in a Uint32Array view of it: 1 on little-endian machines. */
const HIGH_WORD = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 1 : 0;

/**
 * Each value's order-preserving 64-bit key (the sign bit flipped for positive values, every
 * bit for negative ones) as low and high 32-bit words, and into `counts` the counts of each of
 * its four 16-bit digits (digit d's counts at d·2¹⁶), in one pass.
 */
function radixKeys(column: Float64Array, counts: Uint32Array): { low: Uint32Array; high: Uint32Array } {
  const bits = new Uint32Array(column.buffer, column.byteOffset, 2 * column.length);
  const m = column.length;
  const low = new Uint32Array(m);
  const high = new Uint32Array(m);
  counts.fill(0);
  for (let p = 0; p < m; p++) {
    const hi = bits[2 * p + HIGH_WORD]!;
    const lo = bits[2 * p + 1 - HIGH_WORD]!;
    const negative = hi >>> 31 === 1;
    const l = negative ? ~lo >>> 0 : lo;
    const h = negative ? ~hi >>> 0 : (hi ^ 0x80000000) >>> 0;
    low[p] = l;
    high[p] = h;
    counts[l & DIGIT_MASK]!++;
    counts[BUCKETS + (l >>> DIGIT_BITS)]!++;
    counts[2 * BUCKETS + (h & DIGIT_MASK)]!++;
    counts[3 * BUCKETS + (h >>> DIGIT_BITS)]!++;
  }
  return { low, high };
}

/** Turns each digit's count into the first position of its bucket (the running sum of the counts before it), in place. */
function startsOf(counts: Uint32Array): Uint32Array {
  let sum = 0;
  for (let d = 0; d < counts.length; d++) {
    const count = counts[d]!;
    counts[d] = sum;
    sum += count;
  }
  return counts;
}

/** One stable counting-sort pass: `order` into `out` by the digit of `word` at `shift`. */
function scatter(order: Uint32Array, out: Uint32Array, word: Uint32Array, shift: number, starts: Uint32Array): void {
  for (let k = 0; k < order.length; k++) {
    const p = order[k]!;
    out[starts[(word[p]! >>> shift) & DIGIT_MASK]!++] = p;
  }
}

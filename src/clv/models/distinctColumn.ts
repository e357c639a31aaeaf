import type { DistinctColumn } from "./mergeIdentical";

/**
 * The distinct values of `column` (ascending) and each element's index among them. A column
 * with few distinct values (at most an eighth of its length, and at most 2^20), as summary
 * columns of whole days or purchase counts are, is read once into an open-addressing table
 * keyed on each double's bits, and only its distinct values are sorted; otherwise (the table
 * stops as soon as it passes that bound) the engine's native numeric sort of a copy and a
 * binary search per element. Both give the same result; the values must be finite, without −0.
 *
 * @example
 * rankedColumn(Float64Array.of(3, 1, 3)) //=> { values: Float64Array [1, 3], index: Uint32Array [1, 0, 1] }
 */
export function rankedColumn(column: Float64Array): DistinctColumn {
  return rankedByTable(column) ?? rankedBySort(column);
}

/** Largest share of distinct values (1 in this many elements) the table path takes. */
const DISTINCT_SHARE = 8;
const MAX_TABLE_DISTINCT = 1 << 20;

/**
 * The distinct values of `column` in order of first appearance, and each element's index among
 * them, read once into an open-addressing table keyed on each double's bits; `null` as soon as
 * there are more distinct values than an eighth of the length (at least 16, at most 2^20), where
 * a table stops paying. Values are compared with `===`: each NaN is a value of its own, and −0
 * and 0 may share an index (only a caller for which they are the same value should pass both).
 *
 * @example
 * distinctValues(Float64Array.of(3, 1, 3)) //=> { values: Float64Array [3, 1], index: Uint32Array [0, 1, 0] }
 */
export function distinctValues(column: Float64Array): DistinctColumn | null {
  const n = column.length;
  const limit = Math.min(MAX_TABLE_DISTINCT, Math.max(16, Math.floor(n / DISTINCT_SHARE)));
  const capacity = tableSize(limit);
  const mask = capacity - 1;
  const slotValue = new Float64Array(capacity);
  const slotGroup = new Int32Array(capacity).fill(-1);
  const firstSeen = new Float64Array(limit);
  const group = new Uint32Array(n);
  const words = new Uint32Array(column.buffer, column.byteOffset, n * 2);
  let distinct = 0;
  for (let p = 0; p < n; p++) {
    const value = column[p]!;
    const mixed = Math.imul(words[2 * p]! ^ Math.imul(words[2 * p + 1]!, 0x9e3779b1), 0x85ebca6b);
    let slot = (mixed ^ (mixed >>> 15)) & mask;
    for (;;) {
      const g = slotGroup[slot]!;
      if (g === -1) {
        if (distinct === limit) return null;
        slotGroup[slot] = distinct;
        slotValue[slot] = value;
        firstSeen[distinct] = value;
        group[p] = distinct++;
        break;
      }
      if (slotValue[slot] === value) {
        group[p] = g;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { values: firstSeen.subarray(0, distinct), index: group };
}

/** `rankedColumn` by `distinctValues`, sorting only the distinct values; `null` when the column has too many for the table. */
function rankedByTable(column: Float64Array): DistinctColumn | null {
  const seen = distinctValues(column);
  if (seen === null) return null;
  const values = seen.values.slice().sort();
  const rankOfGroup = new Uint32Array(values.length);
  rankInto(seen.values, values, rankOfGroup);
  const index = seen.index;
  for (let p = 0; p < index.length; p++) index[p] = rankOfGroup[index[p]!]!;
  return { values, index };
}

/** A power of two at least twice `distinct`, so probes stay short. */
function tableSize(distinct: number): number {
  let size = 16;
  while (size < 2 * distinct) size *= 2;
  return size;
}

/** `rankedColumn` by the native numeric sort of a copy, then a binary search per element. */
function rankedBySort(column: Float64Array): DistinctColumn {
  const sorted = column.slice().sort();
  const values = sorted.slice(0, distinctPrefix(sorted));
  const index = new Uint32Array(column.length);
  rankInto(column, values, index);
  return { values, index };
}

/** Moves the distinct values of ascending `sorted` to its front; returns how many there are. */
function distinctPrefix(sorted: Float64Array): number {
  let count = 0;
  for (let k = 0; k < sorted.length; k++) if (count === 0 || sorted[k] !== sorted[count - 1]) sorted[count++] = sorted[k]!;
  return count;
}

/** `index[p]` = the position of `column[p]` in the ascending distinct `values`, by binary search. */
function rankInto(column: Float64Array, values: Float64Array, index: Uint32Array): void {
  for (let p = 0; p < column.length; p++) {
    const value = column[p]!;
    let lo = 0;
    let hi = values.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    index[p] = lo;
  }
}

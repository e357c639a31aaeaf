import { keyStarts } from "../../core/countingSort";
import { rankedColumn } from "./distinctColumn";

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
 * values, whatever the order of the rows. Each column's values are ranked among its distinct
 * values (`rankedColumn`: a hash table of the values when they are few, else a sort); a stable
 * counting sort per column on those ranks, last column first, orders the rows by value and
 * then by index in one linear pass per column; neighbours with equal ranks merge. −0 and 0 are
 * one value.
 *
 * @example
 * mergeIdenticalRows(Uint32Array.of(0, 1, 2), [Float64Array.of(2, 1, 2), Float64Array.of(5, 5, 5)], Float64Array.of(1, 1, 3))
 * //=> { first: Uint32Array [1, 0], weight: Float64Array [1, 4], columns: [{ values: [1, 2], index: [0, 1] }, { values: [5], index: [0, 0] }] }
 */
export function mergeIdenticalRows(kept: Uint32Array, columns: readonly [Float64Array, Float64Array, Float64Array?], weight: Float64Array): MergedRows {
  const ranked = columns.filter((column): column is Float64Array => column !== undefined).map((column) => rankedColumn(gather(column, kept)));
  const order = rankOrder(ranked);
  const m = kept.length;
  const first = new Uint32Array(m);
  const merged = new Float64Array(m);
  const at = new Uint32Array(m);
  const [u, v, w] = ranked.map((column) => column.index) as [Uint32Array, Uint32Array, Uint32Array?];
  const count = mergeNeighbours(order, kept, weight, u, v, w ?? v, first, merged, at);
  const positions = at.subarray(0, count);
  return {
    first: first.slice(0, count),
    weight: merged.slice(0, count),
    columns: ranked.map(({ values, index }) => ({ values, index: gatherIndex(index, positions) })),
  };
}

// Each loop below is a function of its own that returns right after it: a single call runs the
// loop in code the engine optimised while it ran, and nothing after the loop sends it back.

/** Walks the rows in `order`, merging neighbours with equal ranks (`u`, `v`, `w`); returns how many distinct rows it wrote. */
function mergeNeighbours(
  order: Uint32Array,
  kept: Uint32Array,
  weight: Float64Array,
  u: Uint32Array,
  v: Uint32Array,
  w: Uint32Array,
  first: Uint32Array,
  merged: Float64Array,
  at: Uint32Array,
): number {
  let count = 0;
  for (let k = 0; k < order.length; k++) {
    const p = order[k]!;
    const row = kept[p]!;
    if (count > 0) {
      const q = at[count - 1]!;
      if (u[p] === u[q] && v[p] === v[q] && w[p] === w[q]) {
        merged[count - 1]! += weight[row]!;
        continue;
      }
    }
    at[count] = p;
    first[count] = row;
    merged[count++] = weight[row]!;
  }
  return count;
}

/** `index[positions[k]]` for each k. */
function gatherIndex(index: Uint32Array, positions: Uint32Array): Uint32Array {
  const out = new Uint32Array(positions.length);
  for (let k = 0; k < positions.length; k++) out[k] = index[positions[k]!]!;
  return out;
}

/** `column[rows[p]] + 0` for each position p (+ 0 turns −0 into 0), in a plain loop. */
export function gather(column: Float64Array, rows: Uint32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let p = 0; p < rows.length; p++) out[p] = column[rows[p]!]! + 0;
  return out;
}

/**
 * Positions 0…m−1 ordered by the columns' ranks (the first column first), then by position:
 * a stable counting sort on each column's ranks, last column first.
 */
function rankOrder(columns: readonly DistinctColumn[]): Uint32Array {
  const m = columns[0]!.index.length;
  let order: Uint32Array = identityOrder(m);
  let spare: Uint32Array = new Uint32Array(m);
  for (let c = columns.length - 1; c >= 0; c--) {
    const { values, index } = columns[c]!;
    if (values.length === 1) continue;
    countingPass(order, spare, index, keyStarts(index, values.length));
    [order, spare] = [spare, order];
  }
  return order;
}

/** 0, 1, …, m − 1. */
function identityOrder(m: number): Uint32Array {
  const order = new Uint32Array(m);
  for (let p = 0; p < m; p++) order[p] = p;
  return order;
}

/** One stable counting-sort pass: `order` into `out` by each position's rank. */
function countingPass(order: Uint32Array, out: Uint32Array, index: Uint32Array, starts: Uint32Array): void {
  for (let k = 0; k < order.length; k++) {
    const p = order[k]!;
    out[starts[index[p]!]!++] = p;
  }
}

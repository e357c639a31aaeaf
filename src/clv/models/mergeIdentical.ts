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

/** Largest integer a double holds exactly (2⁵³): packed sort keys stay below it. */
const EXACT_INTEGERS = 2 ** 53;

/** Ascending distinct values of `values` (−0 and 0 are one value, 0) and each element's rank among them. */
function rankValues(values: Float64Array): { distinct: Float64Array; rank: Float64Array } {
  const sorted = values.slice().sort();
  let count = 0;
  for (let i = 0; i < sorted.length; i++) if (count === 0 || sorted[i] !== sorted[count - 1]) sorted[count++] = sorted[i]! + 0; // + 0 turns −0 into 0
  const distinct = sorted.subarray(0, count);
  const rank = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (distinct[middle]! < v) low = middle + 1;
      else high = middle;
    }
    rank[i] = low;
  }
  return { distinct: distinct.slice(), rank };
}

/**
 * Merges the rows `kept` (indices, ascending) whose values are equal in every column (two or three),
 * summing their weights in the rows' order (internal). The result is ascending by the columns'
 * values, whatever the order of the rows. Each column is ranked (a native numeric sort of its
 * values and a binary search per row); the ranks are packed into one integer key per row,
 * lexicographic in the columns, times the row count plus the row's position, so one native sort
 * of doubles orders the rows by value and then by index, and neighbours with equal keys merge.
 * Where the packed key would pass 2⁵³ (`packLimit`; more than about 9·10⁷ rows) the ranks are
 * compared by a sort callback instead (tests pass a small `packLimit` to take that path).
 *
 * @example
 * mergeIdenticalRows(Uint32Array.of(0, 1, 2), [Float64Array.of(2, 1, 2), Float64Array.of(5, 5, 5)], Float64Array.of(1, 1, 3))
 * //=> { first: Uint32Array [1, 0], weight: Float64Array [1, 4], columns: [{ values: [1, 2], index: [0, 1] }, { values: [5], index: [0, 0] }] }
 */
export function mergeIdenticalRows(kept: Uint32Array, columns: readonly [Float64Array, Float64Array, Float64Array?], weight: Float64Array, packLimit: number = EXACT_INTEGERS): MergedRows {
  const m = kept.length;
  const ranked = columns.filter((column): column is Float64Array => column !== undefined).map((column) => rankValues(gather(column, kept)));
  let key = ranked[0]!.rank;
  let keys = ranked[0]!.distinct.length;
  for (const { distinct, rank } of ranked.slice(1)) {
    if (keys * distinct.length * Math.max(m, 1) >= packLimit) {
      const reranked = rankValues(key);
      key = reranked.rank;
      keys = reranked.distinct.length;
    }
    const next = new Float64Array(m);
    for (let p = 0; p < m; p++) next[p] = key[p]! * distinct.length + rank[p]!;
    key = next;
    keys *= distinct.length;
  }
  const order = keys * m < packLimit ? packedOrder(key) : rankOrder(ranked);
  const first = new Uint32Array(m);
  const merged = new Float64Array(m);
  const at = new Uint32Array(m);
  const [r0, r1, r2] = ranked.map(({ rank }) => rank) as [Float64Array, Float64Array, Float64Array?];
  const same = (p: number, q: number): boolean => r0[p] === r0[q] && r1[p] === r1[q] && (r2 === undefined || r2[p] === r2[q]);
  let count = 0;
  for (let k = 0; k < m; k++) {
    const p = order[k]!;
    const row = kept[p]!;
    if (count > 0 && same(p, at[count - 1]!)) {
      merged[count - 1]! += weight[row]!;
      continue;
    }
    at[count] = p;
    first[count] = row;
    merged[count++] = weight[row]!;
  }
  return {
    first: first.slice(0, count),
    weight: merged.slice(0, count),
    columns: ranked.map(({ distinct, rank }) => {
      const index = new Uint32Array(count);
      for (let g = 0; g < count; g++) index[g] = rank[at[g]!]!;
      return { values: distinct, index };
    }),
  };
}

/** `column[rows[p]]` for each position p, in a plain loop (a typed array's `from` with a callback costs several times more per element). */
export function gather(column: Float64Array, rows: Uint32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let p = 0; p < rows.length; p++) out[p] = column[rows[p]!]!;
  return out;
}

/** Positions 0…m−1 ordered by `key` (integers whose product with m stays below 2⁵³), then by position: one native sort of key·m + position. */
function packedOrder(key: Float64Array): Uint32Array {
  const m = key.length;
  const packed = new Float64Array(m);
  for (let p = 0; p < m; p++) packed[p] = key[p]! * m + p;
  packed.sort();
  const order = new Uint32Array(m);
  for (let k = 0; k < m; k++) order[k] = packed[k]! % m;
  return order;
}

/** Positions 0…m−1 ordered by each column's rank in turn, then by position, with a sort callback. */
function rankOrder(ranked: readonly { rank: Float64Array }[]): Uint32Array {
  const compare = (a: number, b: number): number => {
    for (const { rank } of ranked) if (rank[a] !== rank[b]) return rank[a]! - rank[b]!;
    return a - b;
  };
  return Uint32Array.from({ length: ranked[0]!.rank.length }, (_, p) => p).sort(compare);
}

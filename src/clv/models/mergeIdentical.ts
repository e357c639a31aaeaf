/** One row per distinct combination of values, with the summed weight of the rows it stands for. */
export interface MergedRows {
  /** For each distinct row, the index of its first occurrence; ascending by the columns' values. */
  readonly first: Uint32Array;
  readonly weight: Float64Array;
}

/**
 * Merges the rows `kept` (indices, ascending) whose values are equal in every column (two or three),
 * summing their weights (internal). It sorts the indices by the columns' values, then by
 * index, and merges neighbours, so it needs two index arrays rather than a hashed string key
 * per row, and its result does not depend on the order of the rows.
 *
 * @example
 * mergeIdenticalRows(Uint32Array.of(0, 1, 2), [Float64Array.of(2, 1, 2), Float64Array.of(5, 5, 5)], Float64Array.of(1, 1, 3))
 * //=> { first: Uint32Array [1, 0], weight: Float64Array [1, 4] }
 */
export function mergeIdenticalRows(kept: Uint32Array, columns: readonly [Float64Array, Float64Array, Float64Array?], weight: Float64Array): MergedRows {
  const [u, v, w = null] = columns;
  const compare = (a: number, b: number): number => u[a]! - u[b]! || v[a]! - v[b]! || (w === null ? 0 : w[a]! - w[b]!);
  const order = kept.slice().sort((a, b) => compare(a, b) || a - b);
  const first = new Uint32Array(order.length);
  const merged = new Float64Array(order.length);
  let count = 0;
  for (let k = 0; k < order.length; k++) {
    const row = order[k]!;
    if (count > 0 && compare(row, first[count - 1]!) === 0) {
      merged[count - 1]! += weight[row]!;
      continue;
    }
    first[count] = row;
    merged[count++] = weight[row]!;
  }
  return { first: first.slice(0, count), weight: merged.slice(0, count) };
}

import type { Column } from "./growable";

/**
 * The columns reordered by `order` (entry `k` of each result is entry `order[k]` of its
 * column), where `order` is a permutation of `0..order.length-1` as `sortedOrder` returns.
 * Columns may be longer than `order` (growable buffers); only their first `order.length`
 * entries are read; a `null` column (an optional field no row had) stays `null`. Columns
 * must share one type: the buffer of each column of exactly `order.length` entries, once
 * read, holds the next result, so sorting m columns takes one extra column of memory, not m;
 * a longer buffer is not kept (results never hold unused capacity).
 *
 * @example
 * reorderColumns(Uint32Array.of(1, 2, 0), [Float64Array.of(30, 10, 20)]) //=> [Float64Array [10, 20, 30]]
 */
export function reorderColumns<T extends Column>(order: Uint32Array, columns: readonly (T | null)[]): (T | null)[] {
  const n = order.length;
  const sorted: (T | null)[] = [];
  let spare: T | null = null;
  for (const column of columns) {
    if (column === null) {
      sorted.push(null);
      continue;
    }
    const target: T = spare ?? (new (column.constructor as new (length: number) => T)(n));
    gather(column, order, target);
    sorted.push(target);
    spare = column.length === n ? column : null;
  }
  return sorted;
}

/** `target[k] = source[order[k]]` for every k. */
function gather(source: Column, order: Uint32Array, target: Column): void {
  for (let k = 0; k < order.length; k++) target[k] = source[order[k]!]!;
}

/** `values` reordered by `order` (a new array), as `reorderColumns` does for typed columns. */
export function reorderValues<T>(order: Uint32Array, values: readonly T[]): T[] {
  const sorted: T[] = [];
  for (let k = 0; k < order.length; k++) sorted.push(values[order[k]!] as T);
  return sorted;
}

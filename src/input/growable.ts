/** Typed arrays a ledger column can be. */
export type Column = Float64Array | Uint32Array | Uint16Array | Uint8Array;

/**
 * `column` itself when it holds `size` entries, else a copy with room for at least `size`: the
 * capacity grows by half (not doubling), so a column never holds more than 1.5× its rows.
 * Builders given the expected count allocate once and never grow.
 */
export function withCapacity<T extends Column>(column: T, size: number): T {
  if (size <= column.length) return column;
  const grown = new (column.constructor as new (length: number) => T)(Math.max(size, column.length + (column.length >>> 1), 16));
  grown.set(column);
  return grown;
}

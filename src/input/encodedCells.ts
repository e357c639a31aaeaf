/**
 * Arrow columns kept in their encoded form, so a million rows cost no string per row:
 * dictionary-encoded text as keys into its dictionary, decimals as their scaled integers.
 * `cellAt` decodes one entry to the value `toArray()` would give, for the row checks.
 */

/** Dictionary-encoded text: row `i` holds `dictionary[keys[i]]` (keys checked to be in range). */
export interface DictionaryCells {
  readonly kind: "dictionary";
  readonly length: number;
  readonly keys: Int32Array;
  readonly dictionary: readonly unknown[];
}

/** Decimals: row `i` is the two's-complement integer in `words[i·stride ..]` (little-endian 32-bit words), times `10^-scale`. */
export interface DecimalCells {
  readonly kind: "decimal";
  readonly length: number;
  readonly words: Uint32Array;
  readonly stride: number;
  readonly scale: number;
}

/** A column's cells: an array of values, or an encoded Arrow column. */
export type Cells = ArrayLike<unknown> | DictionaryCells | DecimalCells;

/** True for an encoded column, false for an array or typed array of values. */
export function isEncoded(cells: Cells): cells is DictionaryCells | DecimalCells {
  return !Array.isArray(cells) && !ArrayBuffer.isView(cells);
}

/** The value of row `i`, decoded where the column is encoded. */
export function cellAt(cells: Cells | undefined, i: number): unknown {
  if (cells === undefined) return undefined;
  if (!isEncoded(cells)) return cells[i];
  if (cells.kind === "dictionary") return cells.dictionary[cells.keys[i]!];
  return scaledToPlain(decimalWords(cells, i), cells.scale);
}

/**
 * Row `i` of a decimal column as an integer: a number when it fits in 53 bits (read from two
 * 32-bit words, no bigint made), else a bigint; nothing goes through a float.
 */
export function decimalWords({ words, stride }: DecimalCells, i: number): bigint | number {
  const from = i * stride;
  if (stride === 1) return words[from]! | 0;
  const high = words[from + 1]! | 0;
  const extension = high < 0 ? 0xffffffff : 0;
  let fits = high >= -0x200000 && high < 0x200000;
  for (let w = from + 2; w < from + stride && fits; w++) fits = words[w] === extension;
  if (fits) return high * 4_294_967_296 + words[from]!;
  let value = 0n;
  for (let w = from + stride - 1; w >= from; w--) value = (value << 32n) | BigInt(words[w]!);
  return BigInt.asIntN(stride * 32, value);
}

/** An integer count of `10^-scale` units as a plain decimal string: (1999, 2) → "19.99". */
export function scaledToPlain(units: bigint | number, scale: number): string {
  const negative = units < 0;
  let digits = (negative ? -units : units).toString();
  if (scale <= 0) return `${negative ? "-" : ""}${digits}${"0".repeat(-scale)}`;
  if (digits.length <= scale) digits = digits.padStart(scale + 1, "0");
  return `${negative ? "-" : ""}${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
}

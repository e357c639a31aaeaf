/**
 * Arrow columns kept in their encoded form, so a million rows cost no string per row:
 * dictionary-encoded text as keys into its dictionary, decimals as their scaled integers,
 * 64-bit timestamps as their words (no copy). `cellAt` decodes one entry to the value the
 * row checks see (for a timestamp, its epoch milliseconds).
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

/** 64-bit timestamps: row `i` is the integer in `words[2i]` (low, unsigned) and `words[2i + 1]` (high), counting `unit`s (0 s, 1 ms, 2 µs, 3 ns) since 1970. */
export interface TimestampCells {
  readonly kind: "timestamp";
  readonly length: number;
  readonly words: Int32Array;
  readonly unit: number;
}

/** A column's cells: an array of values, or an encoded Arrow column. */
export type Cells = ArrayLike<unknown> | DictionaryCells | DecimalCells | TimestampCells;

/** True for an encoded column, false for an array or typed array of values. */
export function isEncoded(cells: Cells): cells is DictionaryCells | DecimalCells | TimestampCells {
  return !Array.isArray(cells) && !ArrayBuffer.isView(cells);
}

/** The value of row `i`, decoded where the column is encoded. */
export function cellAt(cells: Cells | undefined, i: number): unknown {
  if (cells === undefined) return undefined;
  if (!isEncoded(cells)) return cells[i];
  if (cells.kind === "dictionary") return cells.dictionary[cells.keys[i]!];
  if (cells.kind === "timestamp") return timestampMilliseconds(cells.words, cells.unit, i);
  return scaledToPlain(decimalWords(cells.words, cells.stride, i), cells.scale);
}

/**
 * Row `i` of a decimal column (its `words` and `stride`) as an integer: a number when it fits in
 * 53 bits (read from two 32-bit words, no bigint made), else a bigint; nothing goes through a
 * float. It takes the column's arrays, not its object, so compiled loops that call it depend on
 * no object's shape.
 */
export function decimalWords(words: Uint32Array, stride: number, i: number): bigint | number {
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

/** Milliseconds per `Timestamp` unit (`SECOND`, `MILLISECOND`, `MICROSECOND`, `NANOSECOND`) as bigints. */
const TIMESTAMP_DIVISORS = [0n, 1n, 1_000n, 1_000_000n];

/**
 * Row `i` of a timestamp column (its `words` and `unit`) in epoch milliseconds, floored. A value
 * within 53 bits is read from its two 32-bit halves (Arrow buffers are little-endian) in exact
 * integer arithmetic, so no bigint is made; a larger one goes through a bigint.
 */
export function timestampMilliseconds(words: Int32Array, unit: number, i: number): number {
  const high = words[2 * i + 1]!;
  if (high >= -0x200000 && high < 0x200000) return safeToMilliseconds(high * 4_294_967_296 + (words[2 * i]! >>> 0), unit);
  return floorToMilliseconds((BigInt(high) << 32n) | BigInt(words[2 * i]! >>> 0), unit);
}

/** A safe integer count of `unit`s as epoch milliseconds, floored, in exact integer arithmetic. */
function safeToMilliseconds(value: number, unit: number): number {
  if (unit === 0) return value * 1000;
  if (unit === 1) return value;
  const divisor = unit === 2 ? 1_000 : 1_000_000;
  const remainder = value % divisor;
  return (value - remainder) / divisor - (remainder < 0 ? 1 : 0);
}

function floorToMilliseconds(value: bigint, unit: number): number {
  if (unit === 0) return Number(value) * 1000;
  const divisor = TIMESTAMP_DIVISORS[unit] ?? 1n;
  if (divisor === 1n) return Number(value);
  const quotient = value / divisor;
  return Number(value < 0n && quotient * divisor !== value ? quotient - 1n : quotient);
}

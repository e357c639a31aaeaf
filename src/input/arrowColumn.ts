import { shapeError } from "./errors";
import type { CollectionName, FieldKind, FieldSpec } from "./fieldSpecs";
import type { ArrowVectorLike } from "./tableLike";

/** Arrow `Type` ids (the format's `Type` enum, which apache-arrow and flechette share). */
const INT = 2;
const FLOAT = 3;
const UTF8 = 5;
const DECIMAL = 7;
const DATE = 8;
const TIMESTAMP = 10;
const LARGE_UTF8 = 20;
const UTF8_VIEW = 24;
const DICTIONARY = -1;

const TYPE_NAMES: Record<number, string> = {
  1: "Null", 2: "Int", 3: "Float", 4: "Binary", 5: "Utf8", 6: "Bool", 7: "Decimal", 8: "Date", 9: "Time",
  10: "Timestamp", 11: "Interval", 12: "List", 13: "Struct", 14: "Union", 15: "FixedSizeBinary",
  16: "FixedSizeList", 17: "Map", 18: "Duration", 19: "LargeBinary", 20: "LargeUtf8", 21: "LargeList",
  23: "BinaryView", 24: "Utf8View", [-1]: "Dictionary",
};

interface ArrowType {
  readonly typeId?: unknown;
  readonly unit?: unknown;
  readonly scale?: unknown;
  readonly bitWidth?: unknown;
  readonly dictionary?: ArrowType;
}

/** The Arrow types each kind of field may be read from. */
const ACCEPTED: Readonly<Record<FieldKind, readonly number[]>> = {
  id: [UTF8, LARGE_UTF8, UTF8_VIEW],
  text: [UTF8, LARGE_UTF8, UTF8_VIEW],
  time: [DATE, TIMESTAMP, UTF8, LARGE_UTF8, UTF8_VIEW, INT, FLOAT],
  money: [DECIMAL, INT, FLOAT, UTF8, LARGE_UTF8, UTF8_VIEW],
  number: [INT, FLOAT],
};

const EXPECTED: Readonly<Record<FieldKind, string>> = {
  id: "a string (Utf8) or dictionary-encoded string column",
  text: "a string (Utf8) or dictionary-encoded string column",
  time: "a date, timestamp, ISO-8601 string or epoch-milliseconds number column",
  money: "a decimal, integer, float or decimal-string column",
  number: "an integer or float column",
};

/** Milliseconds per unit of a Timestamp (`SECOND`, `MILLISECOND`, `MICROSECOND`, `NANOSECOND`) as bigints. */
const TIMESTAMP_DIVISORS = [0n, 1n, 1_000n, 1_000_000n];

/**
 * The values of one Arrow column as the row path would see them: strings for text (dictionary
 * entries decoded), epoch milliseconds for dates and timestamps of any unit (truncated down to
 * the millisecond), exact plain decimal strings for decimal columns (read as scaled integers,
 * never through a float), and numbers for integer and float columns (64-bit integers too,
 * when safe; money from 64-bit integers as exact strings). Null entries read as `undefined` in
 * optional columns and as `null` in required ones, where the row check reports them.
 *
 * @throws {RetentionInputError} naming the column when its type cannot hold the field
 */
export function readArrowColumn(vector: ArrowVectorLike, field: FieldSpec, collection: CollectionName): ArrayLike<unknown> {
  const type = (vector.type ?? {}) as ArrowType;
  const typeId = typeof type.typeId === "number" ? type.typeId : Number.NaN;
  const valueTypeId = typeId === DICTIONARY ? type.dictionary?.typeId : typeId;
  if (typeof valueTypeId !== "number" || !ACCEPTED[field.kind].includes(valueTypeId)) {
    throw shapeError([collection, field.name], "invalid_column_type", `expected ${EXPECTED[field.kind]}, found ${typeName(type, typeId)}`);
  }
  const missing = field.required ? null : undefined;
  const raw = vector.toArray();
  const values = typeId === DECIMAL ? decimalStrings(raw, type, vector.length)
    : typeId === DATE || typeId === TIMESTAMP ? epochMilliseconds(raw, type, typeId, vector.length)
      : fromBigInts(raw, field.kind);
  return withNulls(values, vector, missing);
}

function typeName(type: ArrowType, typeId: number): string {
  const own = String(type);
  if (own !== "[object Object]" && own !== "") return own;
  return TYPE_NAMES[typeId] ?? `an Arrow type with typeId ${String(type.typeId)}`;
}

/** `values` with null entries (per `isValid`) replaced by `missing`; the array itself when there are none. */
function withNulls(values: ArrayLike<unknown>, vector: ArrowVectorLike, missing: null | undefined): ArrayLike<unknown> {
  const hasNulls = (vector.nullCount ?? 0) > 0 && typeof vector.isValid === "function";
  if (!hasNulls) {
    if (missing === null || !Array.isArray(values)) return values;
    if (!values.includes(null)) return values;
  }
  const out = Array.from(values);
  for (let i = 0; i < out.length; i++) {
    if (out[i] === null || (hasNulls && !vector.isValid!(i))) out[i] = missing;
  }
  return out;
}

/** 64-bit integer columns: exact strings for money, numbers where safe otherwise (an unsafe one stays a bigint and fails the row check). */
function fromBigInts(raw: unknown, kind: FieldKind): ArrayLike<unknown> {
  if (!(raw instanceof BigInt64Array) && !(raw instanceof BigUint64Array)) return raw as ArrayLike<unknown>;
  const out = new Array<unknown>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const value = raw[i]!;
    out[i] = kind === "money" ? value.toString() : safeNumber(value);
  }
  return out;
}

function safeNumber(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

/**
 * Date and Timestamp columns as epoch milliseconds. Raw 64-bit values are in the type's unit;
 * `Date<DAY>` may come as 32-bit day counts; libraries that already convert (apache-arrow's
 * `Date` columns, flechette) hand over milliseconds or `Date`s, which pass through.
 */
function epochMilliseconds(raw: unknown, type: ArrowType, typeId: number, length: number): ArrayLike<unknown> {
  if (raw instanceof Int32Array && typeId === DATE && type.unit === 0) {
    const out = new Float64Array(length);
    for (let i = 0; i < length; i++) out[i] = raw[i]! * 86_400_000;
    return out;
  }
  if (!(raw instanceof BigInt64Array)) return raw as ArrayLike<unknown>;
  const unit = typeId === DATE ? 1 : typeof type.unit === "number" ? type.unit : 1;
  const words = new Int32Array(raw.buffer, raw.byteOffset, length * 2);
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const high = words[2 * i + 1]!;
    out[i] = high >= -0x200000 && high < 0x200000
      ? safeToMilliseconds(high * 4_294_967_296 + (words[2 * i]! >>> 0), unit)
      : floorToMilliseconds(raw[i]!, unit);
  }
  return out;
}

/**
 * A safe integer count of `unit`s as epoch milliseconds, floored, in exact integer arithmetic;
 * 64-bit values are read from their two 32-bit halves (Arrow buffers are little-endian), so
 * no bigint is made per value.
 */
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

/**
 * Decimal columns as plain decimal strings. Each value is `bitWidth / 32` little-endian 32-bit
 * words of a two's-complement integer, scaled by `10^-scale`; it is read as a bigint (or as a
 * safe integer when it is one), so no digit goes through a float.
 */
function decimalStrings(raw: unknown, type: ArrowType, length: number): ArrayLike<unknown> {
  const words = raw instanceof Uint32Array ? raw : null;
  const bitWidth = typeof type.bitWidth === "number" ? type.bitWidth : 128;
  const scale = typeof type.scale === "number" ? type.scale : 0;
  const stride = bitWidth / 32;
  if (words === null || words.length < length * stride) return Array.from(raw as ArrayLike<unknown>, (value) => (value === null ? null : String(value)));
  const out = new Array<string>(length);
  for (let i = 0; i < length; i++) out[i] = scaledToPlain(wordsToInteger(words, i * stride, stride), scale);
  return out;
}

function wordsToInteger(words: Uint32Array, from: number, stride: number): bigint | number {
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
function scaledToPlain(units: bigint | number, scale: number): string {
  const negative = units < 0;
  let digits = (negative ? -units : units).toString();
  if (scale <= 0) return `${negative ? "-" : ""}${digits}${"0".repeat(-scale)}`;
  if (digits.length <= scale) digits = digits.padStart(scale + 1, "0");
  return `${negative ? "-" : ""}${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
}

import { shapeError } from "./errors";
import type { CollectionName, FieldKind, FieldSpec } from "./fieldSpecs";
import { cellAt, isEncoded, type Cells, type DecimalCells, type DictionaryCells, type TimestampCells } from "./encodedCells";
import type { ArrowVectorLike } from "./tableLike";
import { dictionaryStrings } from "./arrowStrings";

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

/**
 * The values of one Arrow column as the row path would see them: strings for text (dictionary
 * columns kept as keys into their dictionary), epoch milliseconds for dates and timestamps of
 * any unit (truncated down to the millisecond), exact decimals for decimal columns (kept as
 * scaled integers, never read through a float; see `encodedCells.ts`), and numbers for integer
 * and float columns (64-bit integers too, when safe; money from 64-bit integers as exact
 * strings). Null entries read as `undefined` in optional columns and as `null` in required
 * ones, where the row check reports them.
 *
 * @throws {RetentionInputError} naming the column when its type cannot hold the field
 */
export function readArrowColumn(vector: ArrowVectorLike, field: FieldSpec, collection: CollectionName): Cells {
  const type = (vector.type ?? {}) as ArrowType;
  const typeId = typeof type.typeId === "number" ? type.typeId : Number.NaN;
  const valueTypeId = typeId === DICTIONARY ? type.dictionary?.typeId : typeId;
  if (typeof valueTypeId !== "number" || !ACCEPTED[field.kind].includes(valueTypeId)) {
    throw shapeError([collection, field.name], "invalid_column_type", `expected ${EXPECTED[field.kind]}, found ${typeName(type, typeId)}`);
  }
  const missing = field.required ? null : undefined;
  if (typeId === DICTIONARY) {
    const keyed = dictionaryCells(vector, missing);
    if (keyed !== null) return keyed;
  }
  const raw = vector.toArray();
  if (typeId === DECIMAL) {
    const cells = decimalCells(raw, type, vector);
    return "kind" in cells ? cells : withNulls(cells, vector, missing);
  }
  if (typeId === DATE || typeId === TIMESTAMP) {
    const times = epochMilliseconds(raw, type, typeId, vector.length);
    if (!isEncoded(times)) return withNulls(times, vector, missing);
    return hasNulls(vector) ? withNulls(Array.from({ length: vector.length }, (_, i) => cellAt(times, i)), vector, missing) : times;
  }
  return withNulls(fromBigInts(raw, field.kind), vector, missing);
}

function typeName(type: ArrowType, typeId: number): string {
  const own = String(type);
  if (own !== "[object Object]" && own !== "") return own;
  return TYPE_NAMES[typeId] ?? `an Arrow type with typeId ${String(type.typeId)}`;
}

/** `values` with null entries (per `isValid`) replaced by `missing`; the array itself when there are none. */
function withNulls(values: ArrayLike<unknown>, vector: ArrowVectorLike, missing: null | undefined): ArrayLike<unknown> {
  const nulls = hasNulls(vector);
  if (!nulls) {
    if (missing === null || !Array.isArray(values)) return values;
    if (!values.includes(null)) return values;
  }
  const out = Array.from(values);
  for (let i = 0; i < out.length; i++) {
    if (out[i] === null || (nulls && !vector.isValid!(i))) out[i] = missing;
  }
  return out;
}

function hasNulls(vector: ArrowVectorLike): boolean {
  return (vector.nullCount ?? 0) > 0 && typeof vector.isValid === "function";
}

/** The part of an apache-arrow `Data` chunk of a dictionary column that `dictionaryCells` reads. */
interface DictionaryChunk {
  readonly length?: unknown;
  readonly values?: unknown;
  readonly dictionary?: { readonly toArray?: unknown } | null;
}

/**
 * A dictionary column without a string per row: the keys of each chunk (apache-arrow's
 * `vector.data[c].values`, into `vector.data[c].dictionary`), made into keys of one decoded
 * dictionary. `null` when the vector has nulls or does not look like that (any other Arrow
 * library), or a key is out of range: such columns are read through `toArray()`.
 */
function dictionaryCells(vector: ArrowVectorLike, missing: null | undefined): DictionaryCells | null {
  const chunks: unknown = (vector as { data?: unknown }).data;
  if (!Array.isArray(chunks) || (vector.nullCount ?? 0) !== 0) return null;
  if (chunks.length === 1) {
    const only = singleChunkCells(chunks[0] as DictionaryChunk, vector.length, missing);
    if (only !== null) return only;
  }
  const keys = new Int32Array(vector.length);
  const dictionary: unknown[] = [];
  const bases = new Map<unknown, number>();
  let row = 0;
  for (const chunk of chunks as DictionaryChunk[]) {
    const { values, length } = chunk;
    const decoded = chunk.dictionary;
    if (!ArrayBuffer.isView(values) || typeof length !== "number" || typeof decoded?.toArray !== "function") return null;
    if (row + length > keys.length || (values as unknown as ArrayLike<unknown>).length < length) return null;
    let base = bases.get(decoded);
    if (base === undefined) {
      base = dictionary.length;
      bases.set(decoded, base);
      const entries = dictionaryStrings(decoded);
      for (let e = 0; e < entries.length; e++) dictionary.push(entries[e] ?? missing);
    }
    const size = dictionary.length;
    const chunkKeys = values as unknown as ArrayLike<number>;
    for (let j = 0; j < length; j++) {
      const key = chunkKeys[j]!;
      if (!(key >= 0 && key < size - base)) return null;
      keys[row++] = base + key;
    }
  }
  return row === keys.length ? { kind: "dictionary", length: row, keys, dictionary } : null;
}

/**
 * The common case of one chunk with 32-bit keys: its keys are used as they are (read only,
 * never copied), once checked to be in range. `null` when the chunk is not like that.
 */
function singleChunkCells(chunk: DictionaryChunk, length: number, missing: null | undefined): DictionaryCells | null {
  const { values } = chunk;
  const decoded = chunk.dictionary;
  if (!(values instanceof Int32Array) || chunk.length !== length || values.length < length || typeof decoded?.toArray !== "function") return null;
  const entries = dictionaryStrings(decoded);
  const size = entries.length;
  const keys = values.length === length ? values : values.subarray(0, length);
  for (let j = 0; j < length; j++) {
    const key = keys[j]!;
    if (!(key >= 0 && key < size)) return null;
  }
  return { kind: "dictionary", length, keys, dictionary: entriesOrMissing(entries, missing) };
}

/**
 * A dictionary's entries with null and undefined as `missing`: the entries themselves when they
 * are an array with neither (ids usually are; the array is only read), else a copy. Copying
 * 100k entries by `push` cost about 9 ms a build (issue 13).
 */
function entriesOrMissing(entries: ArrayLike<unknown>, missing: null | undefined): readonly unknown[] {
  let complete = Array.isArray(entries);
  for (let e = 0; e < entries.length && complete; e++) complete = entries[e] !== null && entries[e] !== undefined;
  return complete ? (entries as readonly unknown[]) : Array.from({ length: entries.length }, (_, e) => entries[e] ?? missing);
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
 * Date and Timestamp columns as epoch milliseconds. Raw 64-bit values are in the type's unit
 * and are kept as their words (`TimestampCells`, read in place); `Date<DAY>` may come as
 * 32-bit day counts; libraries that already convert (apache-arrow's `Date` columns,
 * flechette) hand over milliseconds or `Date`s, which pass through.
 */
function epochMilliseconds(raw: unknown, type: ArrowType, typeId: number, length: number): ArrayLike<unknown> | TimestampCells {
  if (raw instanceof Int32Array && typeId === DATE && type.unit === 0) {
    const out = new Float64Array(length);
    for (let i = 0; i < length; i++) out[i] = raw[i]! * 86_400_000;
    return out;
  }
  if (!(raw instanceof BigInt64Array)) return raw as ArrayLike<unknown>;
  const unit = typeId === DATE ? 1 : typeof type.unit === "number" ? type.unit : 1;
  return { kind: "timestamp", length, words: new Int32Array(raw.buffer, raw.byteOffset, length * 2), unit };
}

/**
 * Decimal columns, kept as their words (see `DecimalCells`): each value is `bitWidth / 32`
 * little-endian 32-bit words of a two's-complement integer, scaled by `10^-scale`, read per
 * row as an integer, so no digit goes through a float. Columns with nulls, or not given as
 * words, become plain decimal strings.
 */
function decimalCells(raw: unknown, type: ArrowType, vector: ArrowVectorLike): Cells {
  const length = vector.length;
  const bitWidth = typeof type.bitWidth === "number" ? type.bitWidth : 128;
  const cells: DecimalCells | null = raw instanceof Uint32Array && raw.length >= length * (bitWidth / 32)
    ? { kind: "decimal", length, words: raw, stride: bitWidth / 32, scale: typeof type.scale === "number" ? type.scale : 0 }
    : null;
  if (cells !== null && !hasNulls(vector)) return cells;
  if (cells !== null) return Array.from({ length }, (_, i) => cellAt(cells, i));
  return Array.from(raw as ArrayLike<unknown>, (value) => (value === null ? null : String(value)));
}

import { MAX_MONEY_SCALE, MoneyReader, NUMBER_UNITS_LIMIT } from "../core/plainDecimal";
import { MAX_EPOCH_MS, toEpochMs } from "../core/time";
import { cellAt, decimalWords, isEncoded, timestampMilliseconds, type Cells, type DecimalCells } from "./encodedCells";
import type { CustomerRegistry } from "./customerRegistry";
import { isId } from "./quickChecks";
import type { BuilderCore } from "./ledgerBuilder";
import type { WrittenAmounts } from "./purchaseColumns";

/** `10^p` for the places an amount may have, as `10 ** p` gives them. */
const POWERS = Array.from({ length: MAX_MONEY_SCALE + 1 }, (_, p) => 10 ** p);

/**
 * Reads purchases with only the required columns straight into the ledger's columns, from the
 * first row for as long as rows are common (a valid id, a valid time, an amount within the
 * limits): each column in a loop of its own, for its own kind of column, written in place,
 * with no block or copy in between. The rows end up as `addPurchaseUnitRows` would add them.
 * Returns how many leading rows were added; the caller reads the rest, from the first row
 * that is not common, by the general paths.
 */
export function addCommonPurchaseColumns(core: BuilderCore, length: number, ids: Cells, times: Cells, amounts: Cells): number {
  const rows = core.openPurchaseRows(length);
  const withIds = writeCustomers(core, ids, rows.customer);
  const withTimes = writeTimes(times, rows.at, withIds);
  const written = writeAmounts(amounts, rows.amountUnits, withTimes);
  core.closePurchaseRows(written.rows, written);
  return written.rows;
}

/**
 * Writes each row's provisional customer to `out` up to the first row whose id is not valid,
 * and returns that row's index (`out.length` when all are valid). A dictionary column's
 * entries are checked and registered once each, on first use; an array's id is registered
 * only when it is not the id of the row before (a customer's rows often come together).
 */
function writeCustomers(core: BuilderCore, cells: Cells, out: Uint32Array): number {
  const { customers } = core;
  if (!isEncoded(cells)) return copyIdCustomers(cells, customers, out);
  if (cells.kind === "dictionary") return copyKeyCustomers(cells.keys, cells.dictionary, customers, out);
  for (let i = 0; i < out.length; i++) {
    const customer = customers.addChecked(cellAt(cells, i));
    if (customer < 0) return i;
    out[i] = customer;
  }
  return out.length;
}

/**
 * `writeCustomers` for dictionary keys: each entry checked and registered once, on first use,
 * as a new id (`CustomerRegistry.addNew`: a dictionary's entries are told apart by their keys;
 * should two entries hold one id, the registry's `finish` joins them). See the note above
 * `copyDecimals`.
 */
function copyKeyCustomers(keys: Int32Array, dictionary: readonly unknown[], customers: CustomerRegistry, out: Uint32Array): number {
  const customerOfKey = new Int32Array(dictionary.length).fill(-2);
  for (let i = 0; i < out.length; i++) {
    const key = keys[i]!;
    let customer = customerOfKey[key]!;
    if (customer === -2) {
      const id = dictionary[key];
      customer = customerOfKey[key] = isId(id) ? customers.addNew(id) : -1;
    }
    if (customer < 0) return i;
    out[i] = customer;
  }
  return out.length;
}

/** `writeCustomers` for an array of ids: an id is registered only when it is not the row before's. */
function copyIdCustomers(ids: ArrayLike<unknown>, customers: CustomerRegistry, out: Uint32Array): number {
  let last: unknown = NO_ID;
  let customer = -1;
  for (let i = 0; i < out.length; i++) {
    const id = ids[i];
    if (id !== last) {
      customer = customers.addChecked(id);
      if (customer < 0) return i;
      last = id;
    }
    out[i] = customer;
  }
  return out.length;
}

/** What no cell can be, for the id of the row before the first. */
const NO_ID = Symbol("no id yet");

/**
 * Writes rows `0..limit` of a time column to `out` in epoch milliseconds, up to the first row
 * that is not a valid time, and returns that row's index (`limit` when all are valid). A typed
 * array's numbers and a timestamp column's values are checked as `toEpochMs` checks a number
 * (within ±8.64e15, which NaN and ±Infinity are not), without a call per row that would box them.
 */
function writeTimes(cells: Cells, out: Float64Array, limit: number): number {
  if (ArrayBuffer.isView(cells)) {
    const values = cells as ArrayLike<number>;
    for (let i = 0; i < limit; i++) {
      const ms = values[i]!;
      if (!(Math.abs(ms) <= MAX_EPOCH_MS)) return i;
      out[i] = ms;
    }
    return limit;
  }
  if (isEncoded(cells) && cells.kind === "timestamp") return copyTimestamps(cells.words, cells.unit, out, limit);
  const encoded = isEncoded(cells);
  for (let i = 0; i < limit; i++) {
    const ms = toEpochMs(encoded ? cellAt(cells, i) : (cells as ArrayLike<unknown>)[i]);
    if (ms === null) return i;
    out[i] = ms;
  }
  return limit;
}

/** `writeTimes` for a timestamp column, given its arrays (see the note above `copyDecimals`). */
function copyTimestamps(words: Int32Array, unit: number, out: Float64Array, limit: number): number {
  for (let i = 0; i < limit; i++) {
    const ms = timestampMilliseconds(words, unit, i);
    if (!(Math.abs(ms) <= MAX_EPOCH_MS)) return i;
    out[i] = ms;
  }
  return limit;
}

/** `WrittenAmounts` of the first `rows` rows. */
interface AmountRows extends WrittenAmounts {
  readonly rows: number;
}

/**
 * Writes rows `0..limit` of an amount column to `out` as integer units, up to the first row
 * that is not an amount within the limits (`MoneyReader`), and says how many rows it wrote
 * and at which scale.
 */
function writeAmounts(cells: Cells, out: Float64Array, limit: number): AmountRows {
  if (isEncoded(cells) && cells.kind === "decimal") {
    return Number.isInteger(cells.scale) && cells.scale >= 0 && cells.scale <= MAX_MONEY_SCALE ? writeDecimals(cells, out, limit) : { rows: 0, scale: 0, places: 0, placesRow: 0, absoluteTotal: 0 };
  }
  return writeMoney(cells, out, limit);
}

/**
 * A decimal column's integers as they are (units of `10^-scale`), up to the first that is not a
 * safe integer; their sum of absolute values, and their finest amount's places (trailing zeros
 * dropped, as `MoneyReader.readScaled` drops them), each from a pass of its own over what was
 * written.
 */
function writeDecimals(cells: DecimalCells, out: Float64Array, limit: number): AmountRows {
  const { scale } = cells;
  const rows = copyDecimals(cells.words, cells.stride, out, limit);
  const placesRow = finestRow(out, rows, scale);
  const places = rows === 0 ? 0 : placesOf(out[placesRow]!, scale);
  return { rows, scale, places, placesRow, absoluteTotal: absoluteSum(out, rows) };
}

/*
 * The loops below take typed arrays and numbers, not the columns' objects, and return numbers,
 * touching no object after their loop. V8 compiles a long loop while it runs (on-stack
 * replacement); an object built after the loop had no type feedback yet, and compiled code that
 * checks a column object's shape is thrown away when a full GC drops that shape. Either way
 * every build ran most of its loop in the interpreter again (10-16 MB of boxed numbers a build).
 */

/** Copies rows `0..limit` of a decimal column (its words and stride) to `out` up to the first that is not a safe integer, and returns that row's index (`limit` when all are). */
function copyDecimals(words: Uint32Array, stride: number, out: Float64Array, limit: number): number {
  for (let i = 0; i < limit; i++) {
    const units = decimalWords(words, stride, i);
    if (typeof units !== "number" || !Number.isSafeInteger(units)) return i;
    out[i] = units;
  }
  return limit;
}

/** The first of rows `0..rows` whose amount has the most places; the search ends at the first with all `scale` places. */
function finestRow(units: Float64Array, rows: number, scale: number): number {
  let places = 0;
  let row = 0;
  for (let i = 0; i < rows && places < scale; i++) {
    const own = placesOf(units[i]!, scale);
    if (own > places) {
      places = own;
      row = i;
    }
  }
  return row;
}

/** `Σ |units[k]|` over `k < rows`, in row order. */
function absoluteSum(units: Float64Array, rows: number): number {
  let total = 0;
  for (let k = 0; k < rows; k++) total += Math.abs(units[k]!);
  return total;
}

/** Places of `units · 10^-scale` without its trailing zeros. */
function placesOf(units: number, scale: number): number {
  let places = scale;
  for (let rest = units; places > 0 && rest % 10 === 0; rest /= 10) places--;
  return places;
}

/** Amounts read one by one (`copyMoney`), and the sum of their absolute values. */
function writeMoney(cells: Cells, out: Float64Array, limit: number): AmountRows {
  const found = new Float64Array(2);
  const rows = copyMoney(cells, out, limit, found);
  const scale = found[0]!;
  return { rows, scale, places: scale, placesRow: found[1]!, absoluteTotal: absoluteSum(out, rows) };
}

/**
 * Writes rows `0..limit` of an amount column to `out` as integer units, read one by one
 * (`MoneyReader.read`), up to the first it refuses, and returns that row's index (`limit` when
 * it refuses none). The units are at the finest scale met so far: a finer amount first
 * multiplies the rows before it up, as the accumulator's own rescale does; that scale and the
 * row that set it end in `found` (a typed array, whose shape never changes: see above). A number
 * that is a whole count of the current scale's units (`unitsAtScale`) is stored without looking
 * for its fewest places.
 */
function copyMoney(cells: Cells, out: Float64Array, limit: number, found: Float64Array): number {
  const money = new MoneyReader();
  const encoded = isEncoded(cells);
  const numbers = ArrayBuffer.isView(cells);
  let scale = 0;
  let placesRow = 0;
  let rows = 0;
  for (; rows < limit; rows++) {
    const value = encoded ? cellAt(cells, rows) : (cells as ArrayLike<unknown>)[rows];
    if (numbers) {
      const units = unitsAtScale(value as number, POWERS[scale]!);
      if (units !== null) {
        out[rows] = units;
        continue;
      }
    }
    if (!money.read(value)) break;
    const { units, places } = money;
    if (places > scale) {
      const factor = POWERS[places - scale]!;
      for (let k = 0; k < rows; k++) out[k]! *= factor;
      scale = places;
      placesRow = rows;
    }
    out[rows] = places === scale ? units : units * POWERS[scale - places]!;
  }
  found[0] = scale;
  found[1] = placesRow;
  return rows;
}

/**
 * `value` as units of `1 / power` when it is a whole number of them within `NUMBER_UNITS_LIMIT`:
 * then `MoneyReader` reads it at no more places than `power`'s, and its units scaled up to
 * `power`'s are this number (below 2^50 units, distinct counts of `1 / power` are distinct
 * numbers, so only one count gives back `value`). `null` otherwise.
 */
function unitsAtScale(value: number, power: number): number | null {
  const units = Math.round(value * power);
  if (!(Math.abs(units) <= NUMBER_UNITS_LIMIT) || units / power !== value) return null;
  return units === 0 ? 0 : units;
}

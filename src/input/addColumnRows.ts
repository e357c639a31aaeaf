import { MoneyReader, toPlainDecimalString } from "../core/plainDecimal";
import { MAX_EPOCH_MS, toEpochMs } from "../core/time";
import { isId, isOptionalCategory, isOptionalOrderId, isOptionalQuantity, isOptionalText } from "./quickChecks";
import type { CheckedColumns } from "./columnInput";
import { addCommonPurchaseColumns } from "./commonPurchaseColumns";
import { cellAt, decimalWords, isEncoded, type Cells } from "./encodedCells";
import { FIELDS, type CollectionName } from "./fieldSpecs";
import type { BuilderCore, UnitRows } from "./ledgerBuilder";

/**
 * Feeds checked columns to a builder row by row without making an object per row. Purchases
 * with only the required columns are read straight into the ledger's columns while their rows
 * are common (`addCommonPurchaseColumns`), and from the first other row on a block of rows at
 * a time (each time and amount parsed once; a dictionary id checked and looked up once per
 * dictionary entry, a decimal read from its integer). Any other purchase has its cells checked
 * one by one with the checks of `PurchaseSchema` and, when they pass, goes to the accumulator as values. A
 * row with a bad cell, and every event, survey and cost row, goes through one reused scratch record
 * to the row path, so errors carry exactly the messages and issue paths of row input.
 */
export function addColumnRows(core: BuilderCore, collection: CollectionName, { length, cells }: CheckedColumns): void {
  if (collection === "purchases") {
    addPurchaseColumns(core, length, cells);
    return;
  }
  const names = FIELDS[collection].map((field) => field.name);
  const columns = names.map((name) => cells.get(name));
  const row: Record<string, unknown> = Object.fromEntries(names.map((name) => [name, undefined]));
  const add = collection === "events" ? core.builder.addEvent : collection === "costs" ? core.builder.addCost : core.builder.addSurvey;
  for (let i = 0; i < length; i++) {
    for (let f = 0; f < names.length; f++) row[names[f]!] = cellAt(columns[f], i);
    add(row);
  }
}

function addPurchaseColumns(core: BuilderCore, length: number, cells: ReadonlyMap<string, Cells>): void {
  const [customerId, at, amount, orderId, cost, quantity, currency, category] = FIELDS.purchases.map((field) => cells.get(field.name));
  const requiredOnly = orderId === undefined && cost === undefined && quantity === undefined && currency === undefined && category === undefined;
  const row: Record<string, unknown> = { customerId: undefined, at: undefined, amount: undefined, orderId: undefined, cost: undefined, quantity: undefined, currency: undefined, category: undefined };
  const addGeneral = (i: number): void => {
    const id = cellAt(customerId, i);
    const time = toEpochMs(cellAt(at, i));
    const value = cellAt(amount, i);
    const plain = toPlainDecimalString(value);
    const costValue = cellAt(cost, i);
    const costPlain = costValue === undefined ? null : toPlainDecimalString(costValue);
    const count = cellAt(quantity, i);
    const order = cellAt(orderId, i);
    const code = cellAt(currency, i);
    const label = cellAt(category, i);
    const valid =
      isId(id) && time !== null && plain !== null && (costValue === undefined || costPlain !== null) &&
      isOptionalQuantity(count) && isOptionalOrderId(order) && isOptionalText(code) && isOptionalCategory(label);
    if (valid) {
      core.addPurchaseValues(id, time, plain, costPlain, count, order, code, label);
      return;
    }
    row.customerId = id;
    row.at = cellAt(at, i);
    row.amount = value;
    row.orderId = order;
    row.cost = costValue;
    row.quantity = count;
    row.currency = code;
    row.category = label;
    core.builder.addPurchase(row);
  };
  if (!requiredOnly) {
    for (let i = 0; i < length; i++) addGeneral(i);
    return;
  }
  const common = addCommonPurchaseColumns(core, length, customerId!, at!, amount!);
  addRequiredColumns(core, common, length, customerId!, at!, amount!, addGeneral);
}

/** Rows read a block at a time on the common path: small enough to stay in cache, large enough to amortise a call. */
const BLOCK = 4096;

/**
 * Rows `start..length` of purchases with only the required columns (those after the leading
 * common rows that went straight to the columns), read a block of rows at a time, one column
 * at a time (each in a loop of its own, for its own kind of column), into `UnitRows`; runs of
 * rows whose three cells are common go to the columns in one call, and a row with any other
 * cell goes, in its place, to `addGeneral`.
 */
function addRequiredColumns(core: BuilderCore, start: number, length: number, ids: Cells, times: Cells, amounts: Cells, addGeneral: (i: number) => void): void {
  const block: UnitRows = { customer: new Int32Array(BLOCK), at: new Float64Array(BLOCK), units: new Float64Array(BLOCK), places: new Int8Array(BLOCK) };
  const money = new MoneyReader();
  const customerOf = customerReader(core, ids);
  const readAmount = amountReader(amounts, money);
  for (let from = start; from < length; from += BLOCK) {
    const to = Math.min(length, from + BLOCK);
    readTimes(times, from, to, block.at);
    readAmounts(readAmount, money, from, to, block);
    for (let i = from; i < to; i++) block.customer[i - from] = customerOf(i);
    let run = from;
    for (let i = from; i < to; i++) {
      const j = i - from;
      if (block.customer[j]! >= 0 && block.places[j]! >= 0 && !Number.isNaN(block.at[j]!)) continue;
      core.addPurchaseUnitRows(block, run - from, j);
      addGeneral(i);
      run = i + 1;
    }
    core.addPurchaseUnitRows(block, run - from, to - from);
  }
}

/**
 * `out[i − from]` = row i's time in epoch milliseconds, NaN where it is not a valid time. A
 * typed array's numbers are checked here as `toEpochMs` checks them (within ±8.64e15, which
 * NaN and ±Infinity are not), without a call per row that would box each number.
 */
function readTimes(cells: Cells, from: number, to: number, out: Float64Array): void {
  if (ArrayBuffer.isView(cells)) {
    const values = cells as ArrayLike<number>;
    for (let i = from; i < to; i++) {
      const ms = values[i]!;
      out[i - from] = Math.abs(ms) <= MAX_EPOCH_MS ? ms : Number.NaN;
    }
  } else if (Array.isArray(cells)) {
    for (let i = from; i < to; i++) out[i - from] = toEpochMs(cells[i]) ?? Number.NaN;
  } else {
    for (let i = from; i < to; i++) out[i - from] = toEpochMs(cellAt(cells, i)) ?? Number.NaN;
  }
}

/**
 * Row i's amount (read by `readAmount` into `money`) in `rows.units[i − from]` of
 * `10^-places[i − from]`; places −1 where it is not a common amount within the limits.
 */
function readAmounts(readAmount: (i: number) => boolean, money: MoneyReader, from: number, to: number, rows: UnitRows): void {
  const { units, places } = rows;
  for (let i = from; i < to; i++) {
    const read = readAmount(i);
    units[i - from] = read ? money.units : 0;
    places[i - from] = read ? money.places : -1;
  }
}

/**
 * The provisional customer of row `i`, or -1 when its id is not valid. A dictionary column's
 * entries are checked and registered once each, on first use.
 */
function customerReader(core: BuilderCore, cells: Cells): (i: number) => number {
  if (isEncoded(cells) && cells.kind === "dictionary") {
    const { keys, dictionary } = cells;
    const customerOfKey = new Int32Array(dictionary.length).fill(-2);
    return (i) => {
      const key = keys[i]!;
      let customer = customerOfKey[key]!;
      if (customer === -2) customer = customerOfKey[key] = core.customers.addChecked(dictionary[key]);
      return customer;
    };
  }
  if (isEncoded(cells)) return (i) => core.customers.addChecked(cellAt(cells, i));
  return (i) => core.customers.addChecked(cells[i]);
}

/** Reads row `i`'s amount into `money`; false when it is not a common amount within the limits (the row then takes the general path). */
function amountReader(cells: Cells, money: MoneyReader): (i: number) => boolean {
  if (isEncoded(cells)) {
    if (cells.kind === "decimal") {
      return (i) => {
        const units = decimalWords(cells.words, cells.stride, i);
        return typeof units === "number" && money.readScaled(units, cells.scale);
      };
    }
    return (i) => money.read(cellAt(cells, i));
  }
  return (i) => money.read(cells[i]);
}

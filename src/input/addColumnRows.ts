import { MoneyReader, toPlainDecimalString } from "../core/plainDecimal";
import { toEpochMs } from "../core/time";
import { isId, isOptionalOrderId, isOptionalQuantity, isOptionalText } from "./quickChecks";
import type { CheckedColumns } from "./columnInput";
import { cellAt, decimalWords, isEncoded, type Cells } from "./encodedCells";
import { FIELDS, type CollectionName } from "./fieldSpecs";
import type { BuilderCore } from "./ledgerBuilder";

/**
 * Feeds checked columns to a builder row by row without making an object per row. A purchase
 * with only the required columns is read straight to the ledger's columns (each time and
 * amount parsed once; a dictionary id checked and looked up once per dictionary entry, a
 * decimal read from its integer). Any other purchase has its cells checked one by one with
 * the checks of `PurchaseSchema` and, when they pass, goes to the accumulator as values. A
 * row with a bad cell, and every event and survey row, goes through one reused scratch record
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
  const add = collection === "events" ? core.builder.addEvent : core.builder.addSurvey;
  for (let i = 0; i < length; i++) {
    for (let f = 0; f < names.length; f++) row[names[f]!] = cellAt(columns[f], i);
    add(row);
  }
}

function addPurchaseColumns(core: BuilderCore, length: number, cells: ReadonlyMap<string, Cells>): void {
  const [customerId, at, amount, orderId, cost, quantity, currency] = FIELDS.purchases.map((field) => cells.get(field.name));
  const requiredOnly = orderId === undefined && cost === undefined && quantity === undefined && currency === undefined;
  const money = new MoneyReader();
  const customerOf = customerReader(core, customerId!);
  const readAmount = amountReader(amount!, money);
  const row: Record<string, unknown> = { customerId: undefined, at: undefined, amount: undefined, orderId: undefined, cost: undefined, quantity: undefined, currency: undefined };
  const times = isEncoded(at!) ? null : at!;
  for (let i = 0; i < length; i++) {
    if (requiredOnly) {
      const time = toEpochMs(times === null ? cellAt(at, i) : times[i]);
      const customer = time !== null && readAmount(i) ? customerOf(i) : -1;
      if (customer >= 0) {
        core.addPurchaseUnits(customer, time!, money.units, money.places);
        continue;
      }
    }
    const id = cellAt(customerId, i);
    const time = toEpochMs(cellAt(at, i));
    const value = cellAt(amount, i);
    const plain = toPlainDecimalString(value);
    const costValue = cellAt(cost, i);
    const costPlain = costValue === undefined ? null : toPlainDecimalString(costValue);
    const count = cellAt(quantity, i);
    const order = cellAt(orderId, i);
    const code = cellAt(currency, i);
    const valid =
      isId(id) && time !== null && plain !== null && (costValue === undefined || costPlain !== null) &&
      isOptionalQuantity(count) && isOptionalOrderId(order) && isOptionalText(code);
    if (valid) {
      core.addPurchaseValues(id, time, plain, costPlain, count, order, code);
      continue;
    }
    row.customerId = id;
    row.at = cellAt(at, i);
    row.amount = value;
    row.orderId = order;
    row.cost = costValue;
    row.quantity = count;
    row.currency = code;
    core.builder.addPurchase(row);
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
      if (customer === -2) {
        const id = dictionary[key];
        customer = customerOfKey[key] = isId(id) ? core.registerCustomer(id) : -1;
      }
      return customer;
    };
  }
  if (isEncoded(cells)) return (i) => core.registerCheckedCustomer(cellAt(cells, i));
  return (i) => core.registerCheckedCustomer(cells[i]);
}

/** Reads row `i`'s amount into `money`; false when it is not a common amount within the limits (the row then takes the general path). */
function amountReader(cells: Cells, money: MoneyReader): (i: number) => boolean {
  if (isEncoded(cells)) {
    if (cells.kind === "decimal") {
      return (i) => {
        const units = decimalWords(cells, i);
        return typeof units === "number" && money.readScaled(units, cells.scale);
      };
    }
    return (i) => money.read(cellAt(cells, i));
  }
  return (i) => money.read(cells[i]);
}

import { decimalPlaces, moneyLimitProblem, MoneyReader, toPlainDecimalString, toUnits } from "../core/plainDecimal";
import { toEpochMs } from "../core/time";
import { CurrencyTracker } from "./currencyTracker";
import type { IssueCollector } from "./errors";
import type { UnitRows } from "./ledgerBuilder";
import { withCapacity, type Column } from "./growable";
import type { Purchase } from "./schemas";
import { reorderColumns, reorderValues } from "./permute";
import { sortByKey } from "./sortedOrder";

/**
 * Purchases as typed columns, one entry per input row, sorted by time (ties in input order).
 * The optional fields' columns (`costUnits`/`hasCost`, `quantity`/`hasQuantity`, `orderId`)
 * are empty when no row has that field, so data without them costs no memory for them; read
 * them as `hasCost[k] === 1`, which is false for a missing entry.
 */
export interface PurchaseColumns {
  readonly count: number;
  /** Customer index of each row (see `Ledger.customerIds`). */
  readonly customer: Uint32Array;
  /** Epoch milliseconds. */
  readonly at: Float64Array;
  /** Amount as an integer count of `10^-moneyScale` units; negative for refunds. */
  readonly amountUnits: Float64Array;
  /** Cost in the same units; meaningful only where `hasCost` is 1. Empty when no row has a cost. */
  readonly costUnits: Float64Array;
  /** 1 where the row has a cost. Empty when no row has one. */
  readonly hasCost: Uint8Array;
  /** Quantity; meaningful only where `hasQuantity` is 1. Empty when no row has a quantity. */
  readonly quantity: Float64Array;
  /** 1 where the row has a quantity. Empty when no row has one. */
  readonly hasQuantity: Uint8Array;
  /** 1 when the row opens an order: the first non-refund row of its `orderId`, or a non-refund row without one. */
  readonly orderStart: Uint8Array;
  /** The row's index in the input array. */
  readonly sourceIndex: Uint32Array;
  /** The row's `orderId`. Empty when no row has one. */
  readonly orderId: readonly (string | undefined)[];
  /**
   * The row's category as a code: `categoryNames[code − 1]`, and 0 for a row without one.
   * `null` when no row has a category, so purchases without categories cost nothing for them.
   */
  readonly category: Uint32Array | null;
  /** The categories in the order they were first met; empty when no row has one. */
  readonly categoryNames: readonly string[];
}

/** Purchase columns plus the money scale and currency they were read with. */
export interface PreparedPurchases {
  readonly columns: PurchaseColumns;
  readonly moneyScale: number;
  readonly currency: string | null;
  readonly orderCount: number;
  /**
   * A buffer of exactly `columns.count` entries that the columns no longer use (the provisional
   * customers, once put into time order), for the customer grouping's rows, so they touch no
   * new memory; `null` when there is none.
   */
  readonly spareRows: Uint32Array | null;
}

/**
 * Room for rows after the last added: views of the accumulator's customer, time and amount
 * columns, for a column reader to write rows in place (see `PurchaseAccumulator.openRows`).
 */
export interface OpenRows {
  readonly customer: Uint32Array;
  readonly at: Float64Array;
  readonly amountUnits: Float64Array;
}

/**
 * How a reader wrote the amounts of `OpenRows`: units of `10^-scale`; the finest amount has
 * `places` decimal places (`places ≤ scale`, trailing zeros not counted), first at open row
 * `placesRow`; `absoluteTotal` is the sum of their absolute values.
 */
export interface WrittenAmounts {
  readonly scale: number;
  readonly places: number;
  readonly placesRow: number;
  readonly absoluteTotal: number;
}

/** A typed column and its "has a value" flags, allocated when the first row has the field. */
interface OptionalColumn {
  values: Float64Array;
  present: Uint8Array;
}

/**
 * Collects validated purchase rows one at a time into growable columns (in input order),
 * then sorts them by time into the same buffers (see `reorderColumns`). Amounts become exact
 * integer units of `10^-scale`, where `scale` is the most decimal places any amount or cost
 * has so far; when a more precise row arrives, the units already stored are multiplied up. Reports mixed currencies, an
 * `orderId` shared by two customers, and amounts too precise to sum exactly.
 */
export class PurchaseAccumulator {
  count = 0;
  private customer = new Uint32Array(0);
  private at = new Float64Array(0);
  private amountUnits = new Float64Array(0);
  private cost: OptionalColumn | null = null;
  private quantity: OptionalColumn | null = null;
  private orderId: (string | undefined)[] | null = null;
  private category: Uint32Array | null = null;
  private readonly categoryNames: string[] = [];
  private readonly categoryCode = new Map<string, number>();
  private scale = 0;
  private scaleRow = 0;
  private absoluteTotal = 0;
  private readonly currencies = new CurrencyTracker("purchases");
  private readonly money = new MoneyReader();
  private readonly orderOwner = new Map<string, { readonly index: number; readonly customerId: string }>();

  constructor(capacity = 0) {
    this.reserve(capacity);
  }

  /** Adds a row that passed validation; `index` is its position in the input, `customer` its provisional index. */
  add(row: Purchase, index: number, customer: number, issues: IssueCollector): void {
    const cost = row.cost === undefined ? null : toPlainDecimalString(row.cost)!;
    this.addValues(row.customerId, toEpochMs(row.at)!, toPlainDecimalString(row.amount)!, cost, row.quantity, row.orderId, row.currency, index, customer, issues, row.category);
  }

  /**
   * Adds the checked values of one row, with the same checks as `add` (currency, order owner,
   * precision): epoch milliseconds, and amount and cost as plain decimal strings. Column input
   * comes in here without making an object per row.
   */
  addValues(
    customerId: string,
    at: number,
    amount: string,
    cost: string | null,
    quantity: number | undefined,
    orderId: string | undefined,
    currency: string | undefined,
    index: number,
    customer: number,
    issues: IssueCollector,
    category?: string,
  ): void {
    const money = this.money;
    if (!this.readMoney(amount, "amount", index, issues)) return;
    const amountUnits = money.units;
    const amountPlaces = money.places;
    if (cost !== null && !this.readMoney(cost, "cost", index, issues)) return;
    const k = this.count;
    this.reserve(k + 1);
    this.currencies.check(currency, index, issues);
    this.checkOrderOwner(orderId, customerId, index, issues);
    const places = cost === null ? amountPlaces : Math.max(amountPlaces, money.places);
    if (places > this.scale) this.rescale(places, index);
    this.customer[k] = customer;
    this.at[k] = at;
    this.amountUnits[k] = toScale(amountUnits, amountPlaces, this.scale);
    this.absoluteTotal += Math.abs(this.amountUnits[k]!);
    if (cost !== null) {
      const costUnits = toScale(money.units, money.places, this.scale);
      this.cost = setOptional(this.cost, this.at.length, k, costUnits);
      this.absoluteTotal += Math.abs(costUnits);
    }
    if (quantity !== undefined) this.quantity = setOptional(this.quantity, this.at.length, k, quantity);
    if (this.orderId !== null || orderId !== undefined) {
      this.orderId ??= undefinedTimes(k);
      this.orderId.push(orderId);
    }
    if (category !== undefined) this.setCategory(k, category);
    this.count = k + 1;
  }

  /** Stores row `k`'s category as its code (1-based; 0 is "none", which a new column holds everywhere). */
  private setCategory(k: number, name: string): void {
    let code = this.categoryCode.get(name);
    if (code === undefined) {
      this.categoryNames.push(name);
      code = this.categoryNames.length;
      this.categoryCode.set(name, code);
    }
    this.category ??= new Uint32Array(this.at.length);
    this.category[k] = code;
  }

  /**
   * Adds one purchase already read to integer money: `units` counts `10^-places` (so `19.90` may
   * come as 1990 at 2 places or 199 at 1), `places` is at most `MAX_MONEY_SCALE` and `units` a
   * safe integer. The same rows as `addValues` with `amount` its plain decimal, without a
   * string: the byte-level CSV reader comes in here. No cost, quantity, order id or currency.
   */
  addUnits(at: number, units: number, places: number, index: number, customer: number): void {
    const k = this.count;
    this.reserve(k + 1);
    if (places > this.scale) this.rescale(places, index);
    const stored = toScale(units, places, this.scale);
    this.customer[k] = customer;
    this.at[k] = at;
    this.amountUnits[k] = stored;
    this.absoluteTotal += Math.abs(stored);
    if (this.orderId !== null) this.orderId.push(undefined);
    this.count = k + 1;
  }

  /** Adds rows `from..to` of a block as `addUnits` adds one; row `from` is the input's row `index`. */
  addUnitRows(rows: UnitRows, from: number, to: number, index: number): void {
    if (to <= from) return;
    const { customer, at, units, places } = rows;
    const start = this.count;
    this.reserve(start + to - from);
    for (let j = from; j < to; j++) if (places[j]! > this.scale) this.rescale(places[j]!, index + j - from);
    const scale = this.scale;
    const targetCustomer = this.customer;
    const targetAt = this.at;
    const targetUnits = this.amountUnits;
    let total = this.absoluteTotal;
    for (let j = from, k = start; j < to; j++, k++) {
      const stored = places[j] === scale ? units[j]! : toScale(units[j]!, places[j]!, scale);
      targetCustomer[k] = customer[j]!;
      targetAt[k] = at[j]!;
      targetUnits[k] = stored;
      total += Math.abs(stored);
    }
    if (this.orderId !== null) for (let j = from; j < to; j++) this.orderId.push(undefined);
    this.absoluteTotal = total;
    this.count = start + to - from;
  }

  /**
   * Room for `n` rows after the last added, as views of the columns, to be written in place
   * and then counted by `closeRows`: column input reaches the columns with no copy in between.
   * The views are valid until the next call that adds rows.
   */
  openRows(n: number): OpenRows {
    const start = this.count;
    this.reserve(start + n);
    const end = start + n;
    return { customer: this.customer.subarray(start, end), at: this.at.subarray(start, end), amountUnits: this.amountUnits.subarray(start, end) };
  }

  /**
   * Counts the first `n` rows of `openRows` as added, as `addUnits` would add them one by one;
   * row 0 is the input's row `index`. Their amounts (see `WrittenAmounts`) are brought to the
   * accumulator's scale, the rows before them rescaled first when the new rows are finer.
   */
  closeRows(n: number, amounts: WrittenAmounts, index: number): void {
    if (n <= 0) return;
    const start = this.count;
    if (amounts.places > this.scale) this.rescale(amounts.places, index + amounts.placesRow);
    let total = amounts.absoluteTotal;
    if (amounts.scale !== this.scale) total = alignScale(this.amountUnits.subarray(start, start + n), amounts.scale, this.scale);
    this.absoluteTotal += total;
    if (this.orderId !== null) for (let j = 0; j < n; j++) this.orderId.push(undefined);
    this.count = start + n;
  }

  /** Makes room for `count` rows in all, allocated once (a reader's estimate; more rows still fit, by growing). */
  expect(count: number): void {
    this.reserve(count);
  }

  /**
   * Sorts the rows by time and marks where orders start; `finalIndex` maps provisional to
   * final customer indices. The accumulator's buffers are reused for the result, so call it once.
   */
  finish(finalIndex: Uint32Array, issues: IssueCollector): PreparedPurchases {
    if (this.absoluteTotal > Number.MAX_SAFE_INTEGER) {
      issues.add({
        index: this.scaleRow,
        path: ["purchases", "amount"],
        code: "precision",
        message: `amounts with ${this.scale} decimal places total more than can be summed exactly; round amounts to the currency's minor unit (pass strings such as "19.99")`,
      });
    }
    const n = this.count;
    const times = this.at.subarray(0, n);
    const { order, keys } = sortByKey(times);
    const columns = keys === times ? this.keptInOrder(order, finalIndex) : this.gathered(order, keys, finalIndex);
    const spareRows = keys === times || this.customer.length !== n ? null : this.customer;
    this.release();
    return { columns, moneyScale: this.scale, currency: this.currencies.currency, orderCount: countOrders(columns.orderStart), spareRows };
  }

  /** The columns of rows that came in time order: the buffers themselves (trimmed to the rows), customers mapped to final indices. */
  private keptInOrder(order: Uint32Array, finalIndex: Uint32Array): PurchaseColumns {
    const n = order.length;
    const customer = exactLength(this.customer, n);
    for (let k = 0; k < n; k++) customer[k] = finalIndex[customer[k]!]!;
    const { cost, quantity } = this;
    const amountUnits = exactLength(this.amountUnits, n);
    const orderId = this.orderId ?? [];
    return {
      count: n,
      customer,
      at: exactLength(this.at, n),
      amountUnits,
      costUnits: cost === null ? new Float64Array(0) : exactLength(cost.values, n),
      hasCost: cost === null ? new Uint8Array(0) : exactLength(cost.present, n),
      quantity: quantity === null ? new Float64Array(0) : exactLength(quantity.values, n),
      hasQuantity: quantity === null ? new Uint8Array(0) : exactLength(quantity.present, n),
      orderStart: orderStarts(amountUnits, orderId),
      sourceIndex: order,
      orderId,
      category: this.category === null ? null : exactLength(this.category, n),
      categoryNames: this.categoryNames,
    };
  }

  /**
   * The columns put into time order: the customer (mapped to its final index) and the amount of
   * each row scattered to its sorted position (`scatterToOrder`), the amounts into the time
   * buffer when it holds exactly the rows (the sorted times are `keys`, so it is free), the
   * optional columns gathered after them.
   */
  private gathered(order: Uint32Array, keys: Float64Array, finalIndex: Uint32Array): PurchaseColumns {
    const n = order.length;
    const customer = new Uint32Array(n);
    const amountUnits = this.at.length === n ? this.at : new Float64Array(n);
    scatterToOrder(order, this.customer, this.amountUnits, finalIndex, customer, amountUnits);
    const [costUnits, quantity] = reorderColumns(order, [this.cost?.values ?? null, this.quantity?.values ?? null]);
    const [hasCost, hasQuantity] = reorderColumns(order, [this.cost?.present ?? null, this.quantity?.present ?? null]);
    const orderId = this.orderId === null ? [] : reorderValues(order, this.orderId);
    const [category] = reorderColumns(order, [this.category]);
    return {
      count: n,
      customer,
      at: keys,
      amountUnits,
      costUnits: costUnits ?? new Float64Array(0),
      hasCost: hasCost ?? new Uint8Array(0),
      quantity: quantity ?? new Float64Array(0),
      hasQuantity: hasQuantity ?? new Uint8Array(0),
      orderStart: orderStarts(amountUnits, orderId),
      sourceIndex: order,
      orderId,
      category: category ?? null,
      categoryNames: this.categoryNames,
    };
  }

  /** Drops the accumulator's references to its buffers, so capacity the result does not use can be collected. */
  private release(): void {
    this.customer = new Uint32Array(0);
    this.at = new Float64Array(0);
    this.amountUnits = new Float64Array(0);
    this.cost = null;
    this.quantity = null;
    this.orderId = null;
    this.category = null;
  }

  private reserve(size: number): void {
    if (size <= this.at.length) return;
    this.customer = withCapacity(this.customer, size);
    this.at = withCapacity(this.at, size);
    this.amountUnits = withCapacity(this.amountUnits, size);
    const capacity = this.at.length;
    if (this.cost !== null) this.cost = growOptional(this.cost, capacity);
    if (this.quantity !== null) this.quantity = growOptional(this.quantity, capacity);
    if (this.category !== null) this.category = withCapacity(this.category, capacity);
  }

  /** Multiplies the stored units up to a finer scale (exact while they stay safe integers). */
  private rescale(places: number, index: number): void {
    const factor = 10 ** (places - this.scale);
    for (let k = 0; k < this.count; k++) this.amountUnits[k]! *= factor;
    if (this.cost !== null) for (let k = 0; k < this.count; k++) this.cost.values[k]! *= factor;
    this.absoluteTotal *= factor;
    this.scale = places;
    this.scaleRow = index;
  }

  /**
   * Reads a plain decimal into `this.money` (units and places) and returns true when it can be
   * held exactly (see `moneyLimitProblem`); otherwise records a `precision` issue naming the
   * row, the field and the limit, and the row is not stored (the builder throws at `finish`).
   * This keeps every stored unit finite, so no rescale can overflow to Infinity or turn 0 into NaN.
   */
  private readMoney(plain: string, field: "amount" | "cost", index: number, issues: IssueCollector): boolean {
    if (this.money.read(plain)) return true;
    const problem = moneyLimitProblem(plain);
    if (problem === null) {
      this.money.places = decimalPlaces(plain);
      this.money.units = toUnits(plain, this.money.places);
      return true;
    }
    const shown = plain.length > 40 ? `${plain.slice(0, 40)}…` : plain;
    issues.add({ index, path: ["purchases", field], code: "precision", message: `${field} ${shown} ${problem}` });
    return false;
  }

  private checkOrderOwner(orderId: string | undefined, customerId: string, index: number, issues: IssueCollector): void {
    if (orderId === undefined) return;
    const owner = this.orderOwner.get(orderId);
    if (owner === undefined) this.orderOwner.set(orderId, { index, customerId });
    else if (owner.customerId !== customerId) {
      issues.add({
        index,
        path: ["purchases", "orderId"],
        code: "order_customer_conflict",
        message: `orderId "${orderId}" belongs to customer "${owner.customerId}" at purchases[${owner.index}], found customer "${customerId}"`,
      });
    }
  }
}

/**
 * `customer[k] = finalIndex[sourceCustomer[order[k]]]` and `amountUnits[k] = sourceAmount[order[k]]`
 * for every k, written the other way round: each source row, read in sequence, is written to
 * its sorted position (the inverse of `order`), one column per loop. Sorting by time leaves
 * `order` random, and on a million rows these scattered writes took about a third of the time
 * of the gather's scattered reads, which stall on memory where writes do not. The positions
 * are kept first in `customer` (filled last) and then in `sourceAmount`'s buffer (free once
 * its amounts are written), so no page of new memory is touched for them: a fresh 4 MB array
 * costs a thousand page faults.
 */
function scatterToOrder(
  order: Uint32Array,
  sourceCustomer: Uint32Array,
  sourceAmount: Float64Array,
  finalIndex: Uint32Array,
  customer: Uint32Array,
  amountUnits: Float64Array,
): void {
  const n = order.length;
  for (let k = 0; k < n; k++) customer[order[k]!] = k;
  for (let row = 0; row < n; row++) amountUnits[customer[row]!] = sourceAmount[row]!;
  const position = new Uint32Array(sourceAmount.buffer, sourceAmount.byteOffset, n);
  position.set(customer);
  for (let row = 0; row < n; row++) customer[position[row]!] = finalIndex[sourceCustomer[row]!]!;
}

/**
 * The `orderStart` column: 1 on a non-refund row without an order id, and on the first
 * non-refund row (in time order) of each order id.
 */
function orderStarts(amountUnits: Float64Array, orderId: readonly (string | undefined)[]): Uint8Array {
  const count = amountUnits.length;
  const orderStart = new Uint8Array(count);
  if (orderId.length === 0) {
    for (let k = 0; k < count; k++) orderStart[k] = amountUnits[k]! < 0 ? 0 : 1;
    return orderStart;
  }
  const openedOrders = new Set<string>();
  for (let k = 0; k < count; k++) {
    if (amountUnits[k]! < 0) continue;
    const id = orderId[k];
    if (id !== undefined) {
      if (openedOrders.has(id)) continue;
      openedOrders.add(id);
    }
    orderStart[k] = 1;
  }
  return orderStart;
}

/** Number of rows that open an order (given the column, not the columns object, so that the loop's compiled code does not depend on that object's shape). */
function countOrders(orderStart: Uint8Array): number {
  let count = 0;
  for (let k = 0; k < orderStart.length; k++) count += orderStart[k]!;
  return count;
}

/** `column` when it holds exactly `n` entries, else a copy of its first `n` (a result keeps no spare capacity). */
function exactLength<T extends Column>(column: T, n: number): T {
  return column.length === n ? column : (column.slice(0, n) as T);
}

/**
 * Brings `units` from units of `10^-from` to units of `10^-to` in place and returns the sum of
 * their absolute values. Dividing is exact: the amounts have at most `to` places.
 */
function alignScale(units: Float64Array, from: number, to: number): number {
  let total = 0;
  if (to > from) {
    const factor = 10 ** (to - from);
    for (let k = 0; k < units.length; k++) total += Math.abs((units[k]! *= factor));
  } else {
    const divisor = 10 ** (from - to);
    for (let k = 0; k < units.length; k++) total += Math.abs((units[k]! /= divisor));
  }
  return total;
}

/** `units` of `10^-places` as units of `10^-scale` (`scale ≥ places`); exact while the result is a safe integer. */
function toScale(units: number, places: number, scale: number): number {
  return places === scale ? units : units * 10 ** (scale - places);
}

/** `column` (allocated at `capacity` on first use) with `value` stored at row `k`. */
function setOptional(column: OptionalColumn | null, capacity: number, k: number, value: number): OptionalColumn {
  const target = column ?? { values: new Float64Array(capacity), present: new Uint8Array(capacity) };
  target.values[k] = value;
  target.present[k] = 1;
  return target;
}

function growOptional(column: OptionalColumn, capacity: number): OptionalColumn {
  return { values: withCapacity(column.values, capacity), present: withCapacity(column.present, capacity) };
}

/** `[undefined × k]` built by pushing, which keeps V8's fast elements (`new Array(k)` may not). */
function undefinedTimes(k: number): (string | undefined)[] {
  const values: (string | undefined)[] = [];
  for (let i = 0; i < k; i++) values.push(undefined);
  return values;
}

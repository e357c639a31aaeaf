import { decimalPlaces, toPlainDecimalString, toUnits } from "../core/money";
import { toEpochMs } from "../core/time";
import type { IssueCollector } from "./errors";
import { withCapacity } from "./growable";
import type { Purchase } from "./schemas";
import { sortedOrder } from "./sortedOrder";

/** Purchases as typed columns, one entry per input row, sorted by time (ties in input order). */
export interface PurchaseColumns {
  readonly count: number;
  /** Customer index of each row (see `Ledger.customerIds`). */
  readonly customer: Uint32Array;
  /** Epoch milliseconds. */
  readonly at: Float64Array;
  /** Amount as an integer count of `10^-moneyScale` units; negative for refunds. */
  readonly amountUnits: Float64Array;
  /** Cost in the same units; meaningful only where `hasCost` is 1. */
  readonly costUnits: Float64Array;
  readonly hasCost: Uint8Array;
  /** Quantity; meaningful only where `hasQuantity` is 1. */
  readonly quantity: Float64Array;
  readonly hasQuantity: Uint8Array;
  /** 1 when the row opens an order: the first non-refund row of its `orderId`, or a non-refund row without one. */
  readonly orderStart: Uint8Array;
  /** The row's index in the input array. */
  readonly sourceIndex: Uint32Array;
  readonly orderId: readonly (string | undefined)[];
}

/** Purchase columns plus the money scale and currency they were read with. */
export interface PreparedPurchases {
  readonly columns: PurchaseColumns;
  readonly moneyScale: number;
  readonly currency: string | null;
  readonly orderCount: number;
}

/**
 * Collects validated purchase rows one at a time into growable columns (in input order),
 * then sorts them by time. Amounts become exact integer units of `10^-scale`, where `scale`
 * is the most decimal places any amount or cost has so far; when a more precise row
 * arrives, the units already stored are multiplied up. Reports mixed currencies, an
 * `orderId` shared by two customers, and amounts too precise to sum exactly.
 */
export class PurchaseAccumulator {
  count = 0;
  private customer = new Uint32Array(0);
  private at = new Float64Array(0);
  private amountUnits = new Float64Array(0);
  private costUnits = new Float64Array(0);
  private hasCost = new Uint8Array(0);
  private quantity = new Float64Array(0);
  private hasQuantity = new Uint8Array(0);
  private readonly orderId: (string | undefined)[] = [];
  private scale = 0;
  private scaleRow = 0;
  private absoluteTotal = 0;
  private currency: string | null = null;
  private currencyRow = -1;
  private readonly orderOwner = new Map<string, { readonly index: number; readonly customerId: string }>();

  constructor(capacity = 0) {
    this.reserve(capacity);
  }

  /** Adds a row that passed validation; `index` is its position in the input, `customer` its provisional index. */
  add(row: Purchase, index: number, customer: number, issues: IssueCollector): void {
    const k = this.count;
    this.reserve(k + 1);
    this.checkCurrency(row.currency, index, issues);
    this.checkOrderOwner(row, index, issues);
    const amount = toPlainDecimalString(row.amount)!;
    const cost = row.cost === undefined ? null : toPlainDecimalString(row.cost)!;
    const places = Math.max(decimalPlaces(amount), cost === null ? 0 : decimalPlaces(cost));
    if (places > this.scale) this.rescale(places, index);
    this.customer[k] = customer;
    this.at[k] = toEpochMs(row.at)!;
    this.amountUnits[k] = toUnits(amount, this.scale);
    this.absoluteTotal += Math.abs(this.amountUnits[k]!);
    if (cost !== null) {
      this.costUnits[k] = toUnits(cost, this.scale);
      this.hasCost[k] = 1;
      this.absoluteTotal += Math.abs(this.costUnits[k]!);
    }
    if (row.quantity !== undefined) {
      this.quantity[k] = row.quantity;
      this.hasQuantity[k] = 1;
    }
    this.orderId.push(row.orderId);
    this.count = k + 1;
  }

  /** Sorts the rows by time and marks where orders start; `finalIndex` maps provisional to final customer indices. */
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
    const order = sortedOrder(this.at.subarray(0, n));
    const columns = {
      count: n,
      customer: new Uint32Array(n),
      at: new Float64Array(n),
      amountUnits: new Float64Array(n),
      costUnits: new Float64Array(n),
      hasCost: new Uint8Array(n),
      quantity: new Float64Array(n),
      hasQuantity: new Uint8Array(n),
      orderStart: new Uint8Array(n),
      sourceIndex: order,
      orderId: new Array<string | undefined>(n),
    };
    const { customer, at, amountUnits, costUnits, hasCost, quantity, hasQuantity, orderId } = this;
    const openedOrders = new Set<string>();
    let orderCount = 0;
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      columns.customer[k] = finalIndex[customer[i]!]!;
      columns.at[k] = at[i]!;
      columns.amountUnits[k] = amountUnits[i]!;
      columns.costUnits[k] = costUnits[i]!;
      columns.hasCost[k] = hasCost[i]!;
      columns.quantity[k] = quantity[i]!;
      columns.hasQuantity[k] = hasQuantity[i]!;
      const id = orderId[i];
      columns.orderId[k] = id;
      if (amountUnits[i]! < 0) continue;
      if (id !== undefined) {
        if (openedOrders.has(id)) continue;
        openedOrders.add(id);
      }
      columns.orderStart[k] = 1;
      orderCount++;
    }
    return { columns, moneyScale: this.scale, currency: this.currency, orderCount };
  }

  private reserve(size: number): void {
    if (size <= this.at.length) return;
    this.customer = withCapacity(this.customer, size);
    this.at = withCapacity(this.at, size);
    this.amountUnits = withCapacity(this.amountUnits, size);
    this.costUnits = withCapacity(this.costUnits, size);
    this.hasCost = withCapacity(this.hasCost, size);
    this.quantity = withCapacity(this.quantity, size);
    this.hasQuantity = withCapacity(this.hasQuantity, size);
  }

  /** Multiplies the stored units up to a finer scale (exact while they stay safe integers). */
  private rescale(places: number, index: number): void {
    const factor = 10 ** (places - this.scale);
    for (let k = 0; k < this.count; k++) {
      this.amountUnits[k]! *= factor;
      this.costUnits[k]! *= factor;
    }
    this.absoluteTotal *= factor;
    this.scale = places;
    this.scaleRow = index;
  }

  private checkCurrency(code: string | undefined, index: number, issues: IssueCollector): void {
    if (code === undefined) return;
    if (this.currency === null) {
      this.currency = code;
      this.currencyRow = index;
    } else if (code !== this.currency) {
      issues.add({
        index,
        path: ["purchases", "currency"],
        code: "mixed_currency",
        message: `expected one currency per call: found "${code}" after "${this.currency}" at purchases[${this.currencyRow}]`,
      });
    }
  }

  private checkOrderOwner({ orderId, customerId }: Purchase, index: number, issues: IssueCollector): void {
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

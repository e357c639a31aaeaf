import { decimalPlaces, toPlainDecimalString, toUnits } from "../core/money";
import { toEpochMs } from "../core/time";
import type { IssueCollector } from "./errors";
import { sortedOrder } from "./sortedOrder";
import type { Purchase } from "./schemas";

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

/** The columns in input order, before sorting. */
interface RawColumns {
  readonly at: Float64Array;
  readonly amountUnits: Float64Array;
  readonly costUnits: Float64Array;
  readonly hasCost: Uint8Array;
  readonly quantity: Float64Array;
  readonly hasQuantity: Uint8Array;
  readonly orderId: (string | undefined)[];
}

/**
 * Reads validated purchase rows into time-sorted columns. Amounts become exact integer
 * units of `10^-scale`, where `scale` is the most decimal places any amount or cost has.
 * Reports mixed currencies, an `orderId` shared by two customers, and amounts too precise
 * to sum exactly.
 */
export function preparePurchases(
  rows: readonly Purchase[],
  customerOfRow: Uint32Array,
  issues: IssueCollector,
): PreparedPurchases {
  const n = rows.length;
  const plainAmount = new Array<string>(n);
  const plainCost = new Array<string | null>(n);
  const raw: RawColumns = {
    at: new Float64Array(n),
    amountUnits: new Float64Array(n),
    costUnits: new Float64Array(n),
    hasCost: new Uint8Array(n),
    quantity: new Float64Array(n),
    hasQuantity: new Uint8Array(n),
    orderId: new Array<string | undefined>(n),
  };
  let scale = 0;
  let scaleRow = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    raw.at[i] = toEpochMs(row.at)!;
    const amount = toPlainDecimalString(row.amount)!;
    plainAmount[i] = amount;
    const cost = row.cost === undefined ? null : toPlainDecimalString(row.cost)!;
    plainCost[i] = cost;
    const places = Math.max(decimalPlaces(amount), cost === null ? 0 : decimalPlaces(cost));
    if (places > scale) {
      scale = places;
      scaleRow = i;
    }
    if (row.quantity !== undefined) {
      raw.quantity[i] = row.quantity;
      raw.hasQuantity[i] = 1;
    }
    raw.orderId[i] = row.orderId;
  }
  const currency = checkCurrencies(rows, issues);
  checkOrderOwners(rows, issues);
  fillUnits(raw, plainAmount, plainCost, scale, scaleRow, issues);

  const order = sortedOrder(raw.at);
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
  const openedOrders = new Set<string>();
  let orderCount = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    columns.customer[k] = customerOfRow[i]!;
    columns.at[k] = raw.at[i]!;
    columns.amountUnits[k] = raw.amountUnits[i]!;
    columns.costUnits[k] = raw.costUnits[i]!;
    columns.hasCost[k] = raw.hasCost[i]!;
    columns.quantity[k] = raw.quantity[i]!;
    columns.hasQuantity[k] = raw.hasQuantity[i]!;
    const orderId = raw.orderId[i];
    columns.orderId[k] = orderId;
    if (raw.amountUnits[i]! < 0) continue;
    if (orderId !== undefined) {
      if (openedOrders.has(orderId)) continue;
      openedOrders.add(orderId);
    }
    columns.orderStart[k] = 1;
    orderCount++;
  }
  return { columns, moneyScale: scale, currency, orderCount };
}

function fillUnits(
  raw: RawColumns,
  plainAmount: readonly string[],
  plainCost: readonly (string | null)[],
  scale: number,
  scaleRow: number,
  issues: IssueCollector,
): void {
  let absoluteTotal = 0;
  for (let i = 0; i < plainAmount.length; i++) {
    raw.amountUnits[i] = toUnits(plainAmount[i]!, scale);
    absoluteTotal += Math.abs(raw.amountUnits[i]!);
    const cost = plainCost[i];
    if (cost === null || cost === undefined) continue;
    raw.costUnits[i] = toUnits(cost, scale);
    raw.hasCost[i] = 1;
    absoluteTotal += Math.abs(raw.costUnits[i]!);
  }
  if (absoluteTotal > Number.MAX_SAFE_INTEGER) {
    issues.add({
      index: scaleRow,
      path: ["purchases", "amount"],
      code: "precision",
      message: `amounts with ${scale} decimal places total more than can be summed exactly; round amounts to the currency's minor unit (pass strings such as "19.99")`,
    });
  }
}

/** The one currency the rows name (or `null`), reporting every row that names another. */
function checkCurrencies(rows: readonly Purchase[], issues: IssueCollector): string | null {
  let currency: string | null = null;
  let currencyRow = -1;
  for (let i = 0; i < rows.length; i++) {
    const code = rows[i]!.currency;
    if (code === undefined) continue;
    if (currency === null) {
      currency = code;
      currencyRow = i;
    } else if (code !== currency) {
      issues.add({
        index: i,
        path: ["purchases", "currency"],
        code: "mixed_currency",
        message: `expected one currency per call: found "${code}" after "${currency}" at purchases[${currencyRow}]`,
      });
    }
  }
  return currency;
}

/** Reports every row whose `orderId` already belongs to another customer. */
function checkOrderOwners(rows: readonly Purchase[], issues: IssueCollector): void {
  const owner = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const { orderId, customerId } = rows[i]!;
    if (orderId === undefined) continue;
    const first = owner.get(orderId);
    if (first === undefined) owner.set(orderId, i);
    else if (rows[first]!.customerId !== customerId) {
      issues.add({
        index: i,
        path: ["purchases", "orderId"],
        code: "order_customer_conflict",
        message: `orderId "${orderId}" belongs to customer "${rows[first]!.customerId}" at purchases[${first}], found customer "${customerId}"`,
      });
    }
  }
}

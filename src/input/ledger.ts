import { IssueCollector } from "./errors";
import { CANCEL, REACTIVATE, SIGNUP, type EventColumns } from "./eventColumns";
import { groupByCustomer, type CustomerRows } from "./groupByCustomer";
import { createLedgerBuilder } from "./ledgerBuilder";
import type { PreparedPurchases, PurchaseColumns } from "./purchaseColumns";
import type { CustomerEvent, Purchase, SurveyResponse } from "./schemas";
import type { SurveyColumns } from "./surveyColumns";

const LEDGER = Symbol.for("retention-metrics.ledger");

/** The plain arrays a ledger is built from; every one is optional. */
export interface LedgerInput {
  readonly purchases?: readonly Purchase[] | undefined;
  readonly events?: readonly CustomerEvent[] | undefined;
  readonly surveys?: readonly SurveyResponse[] | undefined;
}

/** Options for `createLedger`. */
export interface LedgerOptions {
  /** The currency every purchase must be in; rows without `currency` are taken to be in it. */
  readonly currency?: string;
}

/**
 * Validated, normalised, time-sorted and customer-indexed data, built once by
 * `createLedger` and read by every metric. Columns are typed arrays; do not modify them.
 */
export interface Ledger {
  readonly [LEDGER]: true;
  /** Customer ids of purchases and events, sorted; a customer's index is its position here. */
  readonly customerIds: readonly string[];
  readonly customerIndex: ReadonlyMap<string, number>;
  /** The currency of the purchases, or `null` when no row names one. */
  readonly currency: string | null;
  /** Amounts are stored as integers of `10^-moneyScale`. */
  readonly moneyScale: number;
  /** Number of distinct orders (refunds are not orders). */
  readonly orderCount: number;
  readonly purchases: PurchaseColumns;
  readonly purchasesByCustomer: CustomerRows;
  readonly events: EventColumns;
  readonly eventsByCustomer: CustomerRows;
  readonly surveys: SurveyColumns;
  /** Per customer: first order or signup, whichever is earlier (epoch ms); `Infinity` when neither. */
  readonly firstActivity: Float64Array;
  /** Per customer: 1 when they have a signup, cancel or reactivate event. */
  readonly hasContract: Uint8Array;
}

/** True when `value` is a `Ledger` made by `createLedger`. */
export function isLedger(value: unknown): value is Ledger {
  return typeof value === "object" && value !== null && (value as { [LEDGER]?: unknown })[LEDGER] === true;
}

/**
 * Validates purchases, events and surveys once and prepares them for every metric:
 * times become UTC epoch milliseconds, money becomes exact integer units, rows are sorted
 * by time and indexed by customer.
 *
 * @param input - `{ purchases?, events?, surveys? }` as plain arrays (never modified)
 * @param options - `currency` to require of every purchase
 * @returns a read-only `Ledger`
 * @throws {RetentionInputError} listing every invalid row (the first 100 kept) by index and field
 * @example
 * const ledger = createLedger({ purchases: [{ customerId: "a", at: "2024-01-05", amount: "19.99" }] });
 * ledger.customerIds //=> ["a"]
 */
export function createLedger(input: LedgerInput, options: LedgerOptions = {}): Ledger {
  const collections = { purchases: input.purchases ?? [], events: input.events ?? [], surveys: input.surveys ?? [] };
  const issues = new IssueCollector();
  for (const [name, rows] of Object.entries(collections)) {
    if (!Array.isArray(rows)) issues.add({ index: 0, path: [name], code: "invalid_type", message: `expected an array of ${name}` });
  }
  issues.throwIfAny();
  const builder = createLedgerBuilder(options, {
    purchases: collections.purchases.length,
    events: collections.events.length,
    surveys: collections.surveys.length,
  });
  for (const row of collections.purchases) builder.addPurchase(row);
  for (const row of collections.events) builder.addEvent(row);
  for (const row of collections.surveys) builder.addSurvey(row);
  return builder.finish();
}

/** Puts the prepared columns together with the per-customer indexes into a frozen `Ledger`. */
export function assembleLedger(
  ids: readonly string[],
  index: ReadonlyMap<string, number>,
  prepared: PreparedPurchases,
  events: EventColumns,
  surveys: SurveyColumns,
  options: LedgerOptions,
): Ledger {
  const { firstActivity, hasContract } = customerFirsts(ids.length, prepared.columns, events);
  return Object.freeze({
    [LEDGER]: true as const,
    customerIds: Object.freeze(ids),
    customerIndex: index,
    currency: prepared.currency ?? options.currency ?? null,
    moneyScale: prepared.moneyScale,
    orderCount: prepared.orderCount,
    purchases: prepared.columns,
    purchasesByCustomer: groupByCustomer(prepared.columns.customer, ids.length),
    events,
    eventsByCustomer: groupByCustomer(events.customer, ids.length),
    surveys,
    firstActivity,
    hasContract,
  });
}

function customerFirsts(customerCount: number, purchases: PurchaseColumns, events: EventColumns) {
  const firstActivity = new Float64Array(customerCount).fill(Number.POSITIVE_INFINITY);
  const hasContract = new Uint8Array(customerCount);
  for (let k = 0; k < purchases.count; k++) {
    if (purchases.orderStart[k] === 0) continue;
    const c = purchases.customer[k]!;
    if (purchases.at[k]! < firstActivity[c]!) firstActivity[c] = purchases.at[k]!;
  }
  for (let k = 0; k < events.count; k++) {
    const type = events.type[k]!;
    if (type !== SIGNUP && type !== REACTIVATE && type !== CANCEL) continue;
    const c = events.customer[k]!;
    hasContract[c] = 1;
    if (type === SIGNUP && events.at[k]! < firstActivity[c]!) firstActivity[c] = events.at[k]!;
  }
  return { firstActivity, hasContract };
}

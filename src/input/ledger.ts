import { addColumnRows } from "./addColumnRows";
import type { CostColumnInput, EventColumnInput, PurchaseColumnInput, SurveyColumnInput } from "./columnInput";
import { NO_COSTS, type CostColumns } from "./costColumns";
import { RetentionOptionsError } from "./errors";
import { COLLECTIONS, type CollectionName } from "./fieldSpecs";
import { readLedgerSources, sourceLength, type LedgerSources } from "./ledgerSources";
import { readOptions } from "./readOptions";
import type { ArrowTableLike } from "./tableLike";
import { CANCEL, REACTIVATE, SIGNUP, type EventColumns } from "./eventColumns";
import { groupByCustomer, type CustomerRows } from "./groupByCustomer";
import { createBuilderCore } from "./ledgerBuilder";
import type { PreparedPurchases, PurchaseColumns } from "./purchaseColumns";
import type { Cost, CustomerEvent, Purchase, SurveyResponse } from "./schemas";
import type { SurveyColumns } from "./surveyColumns";

const LEDGER = Symbol.for("retention-metrics.ledger");

/**
 * The collections a ledger is built from; every one is optional. Each is an array of rows, an
 * object of equal-length columns, or an Arrow-like table (`numRows` and `getChild(name)`).
 */
export interface LedgerInput {
  readonly purchases?: readonly Purchase[] | PurchaseColumnInput | ArrowTableLike | undefined;
  readonly events?: readonly CustomerEvent[] | EventColumnInput | ArrowTableLike | undefined;
  readonly surveys?: readonly SurveyResponse[] | SurveyColumnInput | ArrowTableLike | undefined;
  /** Retention costs (docs/programs.md); they add no customer to `customerIds`. */
  readonly costs?: readonly Cost[] | CostColumnInput | ArrowTableLike | undefined;
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
  /** Each customer id's index in `customerIds`; the `Map` is built on first read, once. */
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
  /** Retention costs, sorted by time; empty (count 0) when none were given. */
  readonly costs: CostColumns;
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
 * Validates purchases, events, surveys and costs once and prepares them for every metric:
 * times become UTC epoch milliseconds, money becomes exact integer units, rows are sorted
 * by time and indexed by customer. Each collection may be rows, columns or an Arrow-like
 * table (see docs/input.md); a bare array or table is purchases; a `Ledger` is returned as is.
 *
 * @param input - `{ purchases?, events?, surveys?, costs? }`, a `Purchase[]`, a table of purchases, or a `Ledger` (never modified)
 * @param options - `currency` to require of every purchase
 * @returns a read-only `Ledger`
 * @throws {RetentionInputError} listing every invalid row (the first 100 kept) by index and field,
 *   or naming the unknown key, missing column or wrong shape
 * @throws {RetentionOptionsError} when `options` is not an object, or a ledger in another currency is given with `currency`
 * @example
 * const ledger = createLedger({ purchases: [{ customerId: "a", at: "2024-01-05", amount: "19.99" }] });
 * ledger.customerIds //=> ["a"]
 * createLedger({ purchases: { customerId: ["a"], at: ["2024-01-05"], amount: ["19.99"] } }).orderCount //=> 1
 */
export function createLedger(input: LedgerInput | readonly Purchase[] | ArrowTableLike | Ledger, options?: LedgerOptions): Ledger {
  return ledgerFrom(input, "purchases", readOptions(options, "createLedger"));
}

/**
 * The ledger of any accepted input: `input` itself when it is one, otherwise built from its
 * collections, where a bare array or table is the `primary` collection.
 */
export function ledgerFrom(input: unknown, primary: CollectionName, options: LedgerOptions = {}): Ledger {
  if (isLedger(input)) {
    if (options.currency !== undefined && input.currency !== null && input.currency !== options.currency) {
      throw new RetentionOptionsError("currency", `the ledger is in "${input.currency}", not "${options.currency}"`);
    }
    return input;
  }
  return buildLedger(readLedgerSources(input, primary), options);
}

function buildLedger(sources: LedgerSources, options: LedgerOptions): Ledger {
  const core = createBuilderCore(options, {
    purchases: sourceLength(sources.purchases),
    events: sourceLength(sources.events),
    surveys: sourceLength(sources.surveys),
  });
  const { builder } = core;
  const addRow = { purchases: builder.addPurchase, events: builder.addEvent, surveys: builder.addSurvey, costs: builder.addCost };
  for (const name of COLLECTIONS) {
    const source = sources[name];
    if (source === null) continue;
    if (source.kind === "columns") addColumnRows(core, name, source.columns);
    else for (const row of source.rows) addRow[name](row);
  }
  return builder.finish();
}

/**
 * Puts the prepared columns together with the per-customer indexes into a frozen `Ledger`.
 * `customerIndex` is built on first read (most metrics never read it), once.
 */
export function assembleLedger(
  ids: readonly string[],
  prepared: PreparedPurchases,
  events: EventColumns,
  surveys: SurveyColumns,
  options: LedgerOptions,
  costs: CostColumns = NO_COSTS,
): Ledger {
  const { firstActivity, hasContract } = customerFirsts(ids.length, prepared.columns, events);
  let index: Map<string, number> | null = null;
  return Object.freeze({
    [LEDGER]: true as const,
    customerIds: Object.freeze(ids),
    get customerIndex(): ReadonlyMap<string, number> {
      if (index === null) {
        index = new Map();
        for (let c = 0; c < ids.length; c++) index.set(ids[c]!, c);
      }
      return index;
    },
    currency: prepared.currency ?? options.currency ?? null,
    moneyScale: prepared.moneyScale,
    orderCount: prepared.orderCount,
    purchases: prepared.columns,
    purchasesByCustomer: groupByCustomer(prepared.columns.customer, ids.length, prepared.spareRows ?? undefined),
    events,
    eventsByCustomer: groupByCustomer(events.customer, ids.length),
    surveys,
    costs,
    firstActivity,
    hasContract,
  });
}

/** Per customer: the first order or signup (`Ledger.firstActivity`) and whether they have a contract event (`Ledger.hasContract`). */
function customerFirsts(customerCount: number, purchases: PurchaseColumns, events: EventColumns) {
  const firstActivity = new Float64Array(customerCount).fill(Number.POSITIVE_INFINITY);
  const hasContract = new Uint8Array(customerCount);
  firstOrders(firstActivity, purchases.count, purchases.orderStart, purchases.customer, purchases.at);
  contractEvents(firstActivity, hasContract, events.count, events.type, events.customer, events.at);
  return { firstActivity, hasContract };
}

/*
 * The two loops below take typed arrays and numbers, not the column objects, and return nothing:
 * V8 compiles a long loop while it runs (on-stack replacement), and a property read or object
 * built after it has no type feedback yet; once a full GC had dropped that feedback, every build
 * deoptimized there and ran most of the next build's loop in the interpreter.
 */

/** Lowers each customer's `firstActivity` to the time of their first row that opens an order. */
function firstOrders(firstActivity: Float64Array, count: number, orderStart: Uint8Array, customer: Uint32Array, at: Float64Array): void {
  for (let k = 0; k < count; k++) {
    if (orderStart[k] === 0) continue;
    const c = customer[k]!;
    if (at[k]! < firstActivity[c]!) firstActivity[c] = at[k]!;
  }
}

/** Marks customers with a signup, cancel or reactivate event, and lowers `firstActivity` to their first signup. */
function contractEvents(firstActivity: Float64Array, hasContract: Uint8Array, count: number, type: EventColumns["type"], customer: Uint32Array, at: Float64Array): void {
  for (let k = 0; k < count; k++) {
    const kind = type[k]!;
    if (kind !== SIGNUP && kind !== REACTIVATE && kind !== CANCEL) continue;
    const c = customer[k]!;
    hasContract[c] = 1;
    if (kind === SIGNUP && at[k]! < firstActivity[c]!) firstActivity[c] = at[k]!;
  }
}

import { CustomerRegistry } from "./customerRegistry";
import { IssueCollector, RetentionOptionsError, type InputIssue } from "./errors";
import type { Cost, CustomerEvent, Purchase, SurveyResponse } from "./schemas";
import { CostAccumulator } from "./costColumns";
import { EventAccumulator } from "./eventColumns";
import { assembleLedger, type Ledger, type LedgerOptions } from "./ledger";
import { PurchaseAccumulator, type OpenRows, type WrittenAmounts } from "./purchaseColumns";
import { readOptions } from "./readOptions";
import { isValidCost, isValidEvent, isValidPurchase, isValidSurveyResponse } from "./quickChecks";
import { costIssues, countCostIssues, countEventIssues, countPurchaseIssues, countSurveyIssues, eventIssues, isRowObject, purchaseIssues, surveyIssues, type RowIssue } from "./rowIssues";
import { MoneyReader } from "../core/plainDecimal";
import { toEpochMs } from "../core/time";
import { SurveyAccumulator } from "./surveyColumns";

/** Builds a `Ledger` from records added one at a time, without holding the records. */
export interface LedgerBuilder {
  /** Validates and stores one purchase; its index in errors is the number of purchases added before it. */
  addPurchase(row: unknown): void;
  /** Validates and stores one customer event. */
  addEvent(row: unknown): void;
  /** Validates and stores one survey response. */
  addSurvey(row: unknown): void;
  /** Validates and stores one retention cost. */
  addCost(row: unknown): void;
  /** Records added so far, per collection (valid or not). */
  readonly added: { readonly purchases: number; readonly events: number; readonly surveys: number; readonly costs: number };
  /** Sorts and indexes what was added; throws `RetentionInputError` listing every invalid record. */
  finish(): Ledger;
}

/** Expected numbers of records, so the columns are allocated once. */
export interface LedgerCapacity {
  readonly purchases?: number;
  readonly events?: number;
  readonly surveys?: number;
}

/**
 * A builder for streaming input: each record is validated as it is added (the same checks
 * and messages as `createLedger`) and copied into typed columns, so a caller reading a large
 * file never holds all its records at once. `createLedger` itself is built on it.
 *
 * @param ledgerOptions - `currency` to require of every purchase
 * @param expected - optional expected record counts
 * @returns a builder; call `finish()` once to get the `Ledger`
 * @throws {RetentionOptionsError} when the options or the counts are not objects
 * @example
 * const builder = createLedgerBuilder();
 * for (const row of rowsFromSomewhere) builder.addPurchase(row);
 * const ledger = builder.finish();
 */
export function createLedgerBuilder(ledgerOptions?: LedgerOptions, expected?: LedgerCapacity): LedgerBuilder {
  return createBuilderCore(readOptions(ledgerOptions, "createLedgerBuilder"), readOptions(expected, "createLedgerBuilder capacity")).builder;
}

/** A builder, and for column input a way to add one purchase's already-checked values without a row object. */
export interface BuilderCore {
  readonly builder: LedgerBuilder;
  /**
   * Adds one purchase whose cells passed the same checks as `PurchaseSchema` (epoch
   * milliseconds; amount and cost as plain decimal strings); counts as one added purchase.
   */
  addPurchaseValues(
    customerId: string,
    at: number,
    amount: string,
    cost: string | null,
    quantity: number | undefined,
    orderId: string | undefined,
    currency: string | undefined,
    category?: string,
  ): void;
  /** The provisional customer index of `customerId`, registering it on first sight (for `addPurchaseUnits`). */
  registerCustomer(customerId: string): number;
  /** The customer ids met so far; `customers.addChecked` registers a value not yet checked (-1, nothing registered, when it is not a valid customer id). */
  readonly customers: CustomerRegistry;
  /**
   * Adds one purchase of a customer from `registerCustomer`, its amount already read to
   * `units` of `10^-places` (see `PurchaseAccumulator.addUnits`); counts as one added purchase.
   */
  addPurchaseUnits(customer: number, at: number, units: number, places: number): void;
  /**
   * Adds rows `from..to` of `rows` as `addPurchaseUnits` adds one (every customer from
   * `registerCustomer`, every amount within the limits), in one call; each counts as one added purchase.
   */
  addPurchaseUnitRows(rows: UnitRows, from: number, to: number): void;
  /** Room for `n` purchases after the last, as views of the ledger's columns to write in place (see `PurchaseAccumulator.openRows`). */
  openPurchaseRows(n: number): OpenRows;
  /** Counts the first `n` rows written to `openPurchaseRows` as added purchases (every customer registered, every time valid). */
  closePurchaseRows(n: number, amounts: WrittenAmounts): void;
  /** Makes room for `count` purchases in all at once, so a reader that can estimate its rows spares the columns' growth. */
  expectPurchases(count: number): void;
}

/** A block of purchases read to integer money: row j is `customer[j]`, `at[j]`, and `units[j]` of `10^-places[j]`. */
export interface UnitRows {
  readonly customer: Int32Array;
  readonly at: Float64Array;
  readonly units: Float64Array;
  readonly places: Int8Array;
}

/** The builder behind `createLedgerBuilder` and `createLedger`, on options already read. */
export function createBuilderCore(options: LedgerOptions, capacity: LedgerCapacity): BuilderCore {
  const issues = new IssueCollector();
  const registry = new CustomerRegistry();
  const purchases = new PurchaseAccumulator(capacity.purchases);
  const events = new EventAccumulator(capacity.events);
  const surveys = new SurveyAccumulator(capacity.surveys);
  const costs = new CostAccumulator();
  const added = { purchases: 0, events: 0, surveys: 0, costs: 0 };
  const money = new MoneyReader();
  let finished = false;

  const checkCurrencyOption = (currency: string | undefined, index: number): void => {
    if (options.currency !== undefined && currency !== undefined && currency !== options.currency) {
      issues.add({ index, path: ["purchases", "currency"], code: "mixed_currency", message: `expected currency "${options.currency}", found "${currency}"` });
    }
  };

  /**
   * The common row, `{ customerId, at, amount }` and nothing more, valid: each field is read
   * once, straight into the columns. False (nothing added) for any other row, which then takes
   * the general path of checks and messages.
   */
  const addCommonPurchase = (row: unknown): boolean => {
    if (!isRowObject(row) || row.orderId !== undefined || row.cost !== undefined || row.quantity !== undefined || row.currency !== undefined || row.category !== undefined) return false;
    const at = toEpochMs(row.at);
    if (at === null || !money.read(row.amount)) return false;
    const customer = registry.addChecked(row.customerId);
    if (customer < 0) return false;
    purchases.addUnits(at, money.units, money.places, added.purchases++, customer);
    return true;
  };

  const builder: LedgerBuilder = {
    added,
    addPurchase(row) {
      if (addCommonPurchase(row)) return;
      const index = added.purchases++;
      if (!accept("purchases", row, index, isValidPurchase, purchaseIssues, countPurchaseIssues, issues)) return;
      const purchase = row as Purchase;
      checkCurrencyOption(purchase.currency, index);
      purchases.add(purchase, index, registry.add(purchase.customerId), issues);
    },
    addEvent(row) {
      const index = added.events++;
      if (!accept("events", row, index, isValidEvent, eventIssues, countEventIssues, issues)) return;
      events.add(row as CustomerEvent, registry.add((row as CustomerEvent).customerId));
    },
    addSurvey(row) {
      const index = added.surveys++;
      if (!accept("surveys", row, index, isValidSurveyResponse, surveyIssues, countSurveyIssues, issues)) return;
      surveys.add(row as SurveyResponse);
    },
    addCost(row) {
      const index = added.costs++;
      if (!accept("costs", row, index, isValidCost, costIssues, countCostIssues, issues)) return;
      const cost = row as Cost;
      if (options.currency !== undefined && cost.currency !== undefined && cost.currency !== options.currency) {
        issues.add({ index, path: ["costs", "currency"], code: "mixed_currency", message: `expected currency "${options.currency}", found "${cost.currency}"` });
      }
      costs.add(cost, index, issues);
    },
    finish() {
      if (finished) throw new RetentionOptionsError("finish", "LedgerBuilder.finish() was already called; create a new builder");
      finished = true;
      issues.throwIfAny();
      const { ids, finalIndex } = registry.finish();
      const placed = costs.finish(ids, purchases.finish(finalIndex, issues), issues);
      issues.throwIfAny();
      return assembleLedger(ids, placed.prepared, events.finish(finalIndex), surveys.finish(), options, placed.costs);
    },
  };

  return {
    builder,
    addPurchaseValues(customerId, at, amount, cost, quantity, orderId, currency, category) {
      const index = added.purchases++;
      checkCurrencyOption(currency, index);
      purchases.addValues(customerId, at, amount, cost, quantity, orderId, currency, index, registry.add(customerId), issues, category);
    },
    registerCustomer: (customerId) => registry.add(customerId),
    customers: registry,
    expectPurchases: (count) => purchases.expect(count),
    addPurchaseUnits(customer, at, units, places) {
      purchases.addUnits(at, units, places, added.purchases++, customer);
    },
    openPurchaseRows: (n) => purchases.openRows(n),
    closePurchaseRows(n, amounts) {
      purchases.closeRows(n, amounts, added.purchases);
      added.purchases += n;
    },
    addPurchaseUnitRows(rows, from, to) {
      purchases.addUnitRows(rows, from, to, added.purchases);
      added.purchases += to - from;
    },
  };
}

/**
 * True when `row` is valid. Rows that pass `quickCheck` cost nothing more; for the rest,
 * `explain` lists what is wrong (the issues the exported zod schemas give), and each issue
 * is recorded under the row's index. Once 100 issues are kept, a bad row's issues are only
 * counted (`count`), so invalid input costs no message or issue object per row.
 */
function accept(
  collection: string,
  row: unknown,
  index: number,
  quickCheck: (row: unknown) => boolean,
  explain: (row: unknown) => RowIssue[],
  count: (row: unknown) => number,
  issues: IssueCollector,
): boolean {
  if (quickCheck(row)) return true;
  if (issues.full) {
    issues.count(count(row));
    return false;
  }
  const found = explain(row);
  for (const issue of found) {
    const entry: InputIssue = { index, path: [collection, ...issue.path], code: issue.code, message: issue.message };
    issues.add(entry);
  }
  return found.length === 0;
}

import { integerOption, numberOption } from "../input/optionReaders";
import { unitsToDecimal, type Decimal } from "../core/money";
import { dateOption } from "../core/period";
import { RetentionOptionsError } from "../input/errors";
import type { Ledger } from "../input/ledger";
import { toLedger, type MetricInput } from "../input/toLedger";
import { classifyDefections } from "../defection/classifyDefections";
import type { ClassifyDefectionsOptions, DefectionClassification } from "../defection/types";
import { customerTotals, type CustomerTotals } from "./customerTotals";
import { descendingOrder } from "../core/descendingOrder";
import { paretoHeadSize } from "./paretoHead";
import { readOptions } from "../input/readOptions";

/** Options of `loyalCustomers`; `rules` and `thresholds` go to `classifyDefections`. */
export interface LoyalCustomersOptions extends ClassifyDefectionsOptions {
  /** The share of revenue the top-value (Pareto) set holds, in (0, 1]. Default 0.8. */
  readonly valueShare?: number | undefined;
  /** Fewest orders a loyal customer has placed. Default 3. */
  readonly minOrders?: number | undefined;
  /**
   * The result of `classifyDefections` at the same `asOf`, when the caller already has it
   * (then `rules` and `thresholds` are not used); otherwise it is computed here.
   */
  readonly classifications?: readonly DefectionClassification[] | undefined;
}

/** One of the most lucrative loyal customers. */
export interface LoyalCustomer {
  readonly customerId: string;
  /** Net revenue at or before `asOf`. */
  readonly value: Decimal;
  readonly orders: number;
  /** value ÷ total revenue of all customers. */
  readonly shareOfRevenue: number | null;
}

/** The most lucrative loyal customers and what they weigh. */
export interface LoyalCustomers {
  readonly asOf: Date;
  readonly valueShare: number;
  readonly minOrders: number;
  /** Highest value first (ties by customer id). */
  readonly customers: readonly LoyalCustomer[];
  readonly count: number;
  /** Customers with an order or event at or before `asOf` (those `classifyDefections` classifies). */
  readonly totalCustomers: number;
  /** count ÷ totalCustomers; `null` without customers. */
  readonly shareOfCustomers: number | null;
  /** Size of the Pareto set before the active and order filters. */
  readonly topValueCustomers: number;
  readonly value: Decimal;
  readonly totalRevenue: Decimal;
  /** value ÷ totalRevenue; `null` when total revenue is not positive. */
  readonly shareOfRevenue: number | null;
}

/**
 * The "most lucrative loyals" (Reichheld, "The Loyalty Effect", 1996): customers in the
 * smallest top-revenue set holding `valueShare` of revenue, who are `active` under
 * `classifyDefections` and have placed at least `minOrders` orders, all as of `asOf`.
 *
 * @param input - purchases, `{ purchases, events }`, or a prepared `Ledger`
 * @param options - `asOf`, optional `valueShare` (0.8), `minOrders` (3), `rules`, `thresholds`
 * @returns the customers by value with their shares, and the counts behind them
 * @throws {RetentionInputError} when a row is invalid
 * @throws {RetentionOptionsError} when `asOf` is missing, `valueShare` is outside (0, 1] or `minOrders` is not an integer ≥ 1
 * @example
 * const monthly = ["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"].map((at) => ({ customerId: "a", at, amount: "100" }));
 * loyalCustomers([...monthly, { customerId: "b", at: "2024-05-01", amount: "10" }], { asOf: "2024-05-15" })
 * //=> { count: 1, totalCustomers: 2, shareOfCustomers: 0.5, value: 400, totalRevenue: 410, shareOfRevenue: 0.9756…,
 * //     customers: [{ customerId: "a", value: 400, orders: 4, shareOfRevenue: 0.9756… }], topValueCustomers: 1, ... }
 */
export function loyalCustomers(input: MetricInput, options: LoyalCustomersOptions): LoyalCustomers {
  options = readOptions(options, "loyalCustomers");
  const ledger = toLedger(input);
  const classified = options.classifications ?? classifyDefections(ledger, options);
  const active = new Set(classified.filter((row) => row.status === "active").map((row) => row.customerId));
  return loyalCustomersOf(ledger, options, { isActive: (c) => active.has(ledger.customerIds[c]!), classified: classified.length });
}

/** Which customers `classifyDefections` finds active, by ledger index, and how many it classifies (internal). */
export interface CustomerActivity {
  readonly isActive: (customer: number) => boolean;
  readonly classified: number;
}

/**
 * `loyalCustomers` given the classification as `activity` (internal; the report passes columns).
 * `keep` limits how many of the loyal customers become objects in `customers` (the report shows
 * a few); `count` and `value` always cover them all.
 */
export function loyalCustomersOf(ledger: Ledger, options: Omit<LoyalCustomersOptions, "classifications">, activity: CustomerActivity, keep = Number.POSITIVE_INFINITY): LoyalCustomers {
  return loyalCustomersOfTotals({ customerIds: ledger.customerIds, moneyScale: ledger.moneyScale, totals: (asOf) => customerTotals(ledger, asOf) }, options, activity, keep);
}

/**
 * Sorted customer ids, their money scale, and their totals at an instant (internal): what
 * `loyalCustomers` reads, from a ledger or from the rows of `defectionInputsSql`.
 */
export interface TotalsSource {
  readonly customerIds: readonly string[];
  readonly moneyScale: number;
  readonly totals: (asOf: number) => CustomerTotals;
}

/** `loyalCustomersOf` on any `TotalsSource` (internal). */
export function loyalCustomersOfTotals(source: TotalsSource, options: Omit<LoyalCustomersOptions, "classifications">, activity: CustomerActivity, keep = Number.POSITIVE_INFINITY): LoyalCustomers {
  const valueShare = numberOption("valueShare", options.valueShare, { min: 0, max: 1, minOpen: true }, 0.8);
  const minOrders = integerOption("minOrders", options.minOrders, { min: 1, max: Number.MAX_SAFE_INTEGER }, 3);
  const asOfMs = dateOption("asOf", options.asOf);
  const totals = source.totals(asOfMs);
  const toMoney = (units: number): Decimal => unitsToDecimal(units, source.moneyScale);
  const buyerUnits = new Float64Array(totals.buyers);
  const buyerIndex = new Uint32Array(totals.buyers);
  const units = totals.revenueUnits;
  for (let c = 0, b = 0; c < totals.orders.length; c++) {
    if (totals.orders[c] === 0) continue;
    buyerIndex[b] = c;
    buyerUnits[b++] = units[c]!;
  }
  // Buyers by revenue descending, ties by ledger index (which is id order).
  const buyers = descendingOrder(buyerUnits).map((b) => buyerIndex[b]!);
  const head = paretoHeadSize({ count: buyers.length, at: (rank) => toMoney(units[buyers[rank]!]!), units: { at: (rank) => units[buyers[rank]!]!, scale: source.moneyScale } }, valueShare);
  let totalUnits = 0;
  for (const c of buyers) totalUnits += units[c]!;
  const totalRevenue = toMoney(totalUnits);
  const share = (value: Decimal) => (totalRevenue.gt(0) ? value.div(totalRevenue).toNumber() : null);
  const customers: LoyalCustomer[] = [];
  let count = 0;
  let valueUnits = 0;
  for (let p = 0; p < head; p++) {
    const c = buyers[p]!;
    if (totals.orders[c]! < minOrders || !activity.isActive(c)) continue;
    count++;
    valueUnits += units[c]!;
    if (customers.length >= keep) continue;
    const customerValue = toMoney(units[c]!);
    customers.push({ customerId: source.customerIds[c]!, value: customerValue, orders: totals.orders[c]!, shareOfRevenue: share(customerValue) });
  }
  const value = toMoney(valueUnits);
  return {
    asOf: new Date(asOfMs),
    valueShare,
    minOrders,
    customers,
    count,
    totalCustomers: activity.classified,
    shareOfCustomers: activity.classified === 0 ? null : count / activity.classified,
    topValueCustomers: head,
    value,
    totalRevenue,
    shareOfRevenue: share(value),
  };
}

import { Decimal, type MoneyInput } from "../core/money";
import { dateOption } from "../core/period";
import type { DateInput } from "../core/time";
import { toLedger, type MetricInput } from "../input/toLedger";
import { rateOption } from "./readMoneyOption";
import { readOptions } from "../input/readOptions";

const DAY_MS = 86_400_000;
const DAYS_PER_YEAR = 365.25;

/** Options of `historicalClv`. */
export interface HistoricalClvOptions {
  /** Purchases at or before this instant count. */
  readonly asOf: DateInput;
  /** Gross-margin fraction in [0, 1] for rows without `cost`; without it such rows leave the margin `null`. */
  readonly margin?: MoneyInput | undefined;
}

/** One customer's realised value. */
export interface HistoricalClvRow {
  readonly customerId: string;
  /** All amounts at or before asOf, refunds included. */
  readonly revenue: Decimal;
  readonly orders: number;
  /** Σ (amount − cost) where cost is given, else amount × margin; `null` when a row has neither. */
  readonly grossMargin: Decimal | null;
  readonly firstOrder: Date;
  /** Days from the first order to asOf. */
  readonly tenureDays: number;
  /** revenue ÷ (tenureDays / 365.25); `null` when the tenure is 0. */
  readonly revenuePerYear: Decimal | null;
  /** grossMargin ÷ (tenureDays / 365.25); `null` when either is undefined. */
  readonly grossMarginPerYear: Decimal | null;
}

/** Realised value per customer and for the whole population. */
export interface HistoricalClv {
  readonly customers: readonly HistoricalClvRow[];
  readonly asOf: Date;
  readonly customerCount: number;
  readonly orders: number;
  readonly revenue: Decimal;
  /** `null` when any customer's margin is undefined. */
  readonly grossMargin: Decimal | null;
  /** Means per customer; `null` when there are no customers (or the margin is undefined). */
  readonly averageRevenue: Decimal | null;
  readonly averageGrossMargin: Decimal | null;
  readonly averageOrders: number | null;
  /** Rows that had no `cost` and were valued with `margin` (or left the margin undefined). */
  readonly rowsWithoutCost: number;
}

/**
 * Historical (realised) customer lifetime value: what each customer has brought in up to
 * `asOf`. Revenue is exact (integer money units summed, then a Decimal); gross margin uses
 * each row's `cost` where given, else `margin` × amount (Gupta & Lehmann 2005 call this the
 * "historic" or "past" value; most BI tools show it as "LTV to date").
 * Customers without an order at or before asOf are left out.
 *
 * @param input - purchases, `{ purchases }`, or a prepared `Ledger`
 * @param options - `asOf` and an optional `margin` fraction
 * @returns per-customer revenue, orders, margin, tenure and value per year, plus totals and means
 * @throws {RetentionInputError} when a purchase row is invalid
 * @throws {RetentionOptionsError} when `asOf` is invalid or `margin` is outside [0, 1]
 * @example
 * historicalClv([{ customerId: "a", at: "2024-01-01", amount: "100", cost: "60" }], { asOf: "2025-01-01" }).customers[0]
 * //=> { customerId: "a", revenue: Decimal("100"), orders: 1, grossMargin: Decimal("40"), tenureDays: 366, ... }
 */
export function historicalClv(input: MetricInput, options: HistoricalClvOptions): HistoricalClv {
  options = readOptions(options, "historicalClv");
  const ledger = toLedger(input);
  const asOf = dateOption("asOf", options?.asOf);
  const margin = options.margin === undefined ? null : rateOption("margin", options.margin, { min: 0, max: 1 });
  const unit = new Decimal(10).pow(ledger.moneyScale);
  const { at, amountUnits, costUnits, hasCost, orderStart } = ledger.purchases;
  const { offsets, rows } = ledger.purchasesByCustomer;
  const customers: HistoricalClvRow[] = [];
  let totalUnits = 0;
  let totalMargin: Decimal | null = new Decimal(0);
  let orders = 0;
  let rowsWithoutCost = 0;
  for (let c = 0; c < ledger.customerIds.length; c++) {
    let revenueUnits = 0;
    let costedMarginUnits = 0;
    let uncostedUnits = 0;
    let uncosted = 0;
    let customerOrders = 0;
    let first = Number.NaN;
    for (let i = offsets[c]!; i < offsets[c + 1]!; i++) {
      const k = rows[i]!;
      if (at[k]! > asOf) break;
      revenueUnits += amountUnits[k]!;
      if (orderStart[k] === 1) {
        customerOrders++;
        if (Number.isNaN(first)) first = at[k]!;
      }
      if (hasCost[k] === 1) costedMarginUnits += amountUnits[k]! - costUnits[k]!;
      else {
        uncostedUnits += amountUnits[k]!;
        uncosted++;
      }
    }
    if (Number.isNaN(first)) continue;
    rowsWithoutCost += uncosted;
    const revenue = new Decimal(revenueUnits).div(unit);
    const grossMargin = uncosted > 0 && margin === null ? null : new Decimal(costedMarginUnits).plus(margin === null ? 0 : margin.times(uncostedUnits)).div(unit);
    const tenureDays = (asOf - first) / DAY_MS;
    const years = tenureDays > 0 ? new Decimal(tenureDays).div(DAYS_PER_YEAR) : null;
    totalUnits += revenueUnits;
    orders += customerOrders;
    totalMargin = totalMargin === null || grossMargin === null ? null : totalMargin.plus(grossMargin);
    customers.push({
      customerId: ledger.customerIds[c]!,
      revenue,
      orders: customerOrders,
      grossMargin,
      firstOrder: new Date(first),
      tenureDays,
      revenuePerYear: years === null ? null : revenue.div(years),
      grossMarginPerYear: years === null || grossMargin === null ? null : grossMargin.div(years),
    });
  }
  const n = customers.length;
  const revenue = new Decimal(totalUnits).div(unit);
  return {
    customers,
    asOf: new Date(asOf),
    customerCount: n,
    orders,
    revenue,
    grossMargin: totalMargin,
    averageRevenue: n === 0 ? null : revenue.div(n),
    averageGrossMargin: n === 0 || totalMargin === null ? null : totalMargin.div(n),
    averageOrders: n === 0 ? null : orders / n,
    rowsWithoutCost,
  };
}

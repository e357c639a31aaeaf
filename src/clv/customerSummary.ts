import { brandResult } from "../core/resultBrand";
import type { Granularity } from "../core/calendar";
import type { Decimal } from "../core/money";
import { dateOption } from "../core/period";
import type { DateInput } from "../core/time";
import type { Ledger } from "../input/ledger";
import { toLedger, type MetricInput } from "../input/toLedger";
import type { SummaryColumns } from "./summaryInput";
import type { TimeUnit } from "./models/modelTypes";
import { scanCustomers, type CustomerScans } from "./scanCustomers";
import { moneyConverter, type MoneyConverter } from "./moneyConverter";
import { readPeriodAxis, readTimeAxis, type PeriodAxisOptions, type TimeAxis, type TimeAxisOptions } from "./timeAxis";
import { RetentionOptionsError } from "../input/errors";
import { readOptions } from "../input/readOptions";

/** Options of `customerSummary`. */
export interface CustomerSummaryOptions extends TimeAxisOptions {
  /** End of observation: purchases at or before this instant count. */
  readonly asOf: DateInput;
}

/** Options of a discrete-time `customerSummary` (for BG/BB): each calendar `granularity` bucket is one opportunity. */
export interface PeriodSummaryOptions extends PeriodAxisOptions {
  /** End of observation: purchases at or before this instant count; the bucket holding it is the last opportunity. */
  readonly asOf: DateInput;
}

/** One customer's BTYD summary. Times are in the summary's `timeUnit`. */
export interface CustomerSummaryRow {
  readonly customerId: string;
  /** Repeat transactions: transactions after the first (same-day purchases are one transaction). */
  readonly frequency: number;
  /** BTYD recency: first → last transaction (0 when frequency is 0). Not RFM recency (asOf − last). */
  readonly recency: number;
  /** First transaction → asOf. */
  readonly T: number;
  /** Mean value of the repeat transactions (the first is excluded); 0 when frequency is 0. */
  readonly monetaryValue: Decimal;
  /** Orders at or before asOf (refunds are not orders). */
  readonly orders: number;
  /** Sum of all amounts at or before asOf, refunds included. */
  readonly revenue: Decimal;
  readonly firstOrder: Date;
  readonly lastOrder: Date;
}

/**
 * One customer's discrete-time summary: `frequency` opportunities (calendar buckets) with a
 * purchase after the birth one, `recency` the last of them and `periods` (= T) the
 * opportunities from the birth bucket to the bucket holding asOf, all counted in buckets.
 */
export interface PeriodSummaryRow extends CustomerSummaryRow {
  /** Opportunities after the birth bucket up to the one holding asOf (the same number as T). */
  readonly periods: number;
}

/** A discrete-time summary: rows with `periods`, `timeUnit` "period", and the bucket of one opportunity. */
export interface PeriodCustomerSummary extends Omit<CustomerSummary, "customers"> {
  readonly customers: readonly PeriodSummaryRow[];
  readonly timeUnit: "period";
  readonly granularity: Granularity;
}

/** Per-customer summaries and the settings they were computed with. */
export interface CustomerSummary {
  readonly customers: readonly CustomerSummaryRow[];
  readonly asOf: Date;
  readonly timeUnit: TimeUnit;
  readonly calendar: Granularity | null;
  /** Customers summarised (first purchase at or before asOf). */
  readonly customerCount: number;
  /** Of them, customers with frequency > 0. */
  readonly repeatCustomerCount: number;
  /** Customers in the input left out: no purchase (refunds aside) at or before asOf. */
  readonly skippedCustomerCount: number;
}

/** Builds customer `c`'s summary row from the scans; shared with `calibrationHoldoutSummary`. */
export function summaryRow(ledger: Ledger, c: number, scans: CustomerScans, axis: TimeAxis, asOf: number, money: MoneyConverter): CustomerSummaryRow {
  const frequency = scans.transactions[c]! - 1;
  return {
    customerId: ledger.customerIds[c]!,
    frequency,
    recency: axis.span(scans.firstKey[c]!, scans.lastKey[c]!),
    T: axis.toEnd(scans.firstKey[c]!, asOf),
    monetaryValue: money.mean(scans.repeatUnits[c]!, frequency),
    orders: scans.orders[c]!,
    revenue: money.amount(scans.revenueUnits[c]!),
    firstOrder: new Date(scans.firstAt[c]!),
    lastOrder: new Date(scans.lastAt[c]!),
  };
}

/**
 * Frequency, recency, T and monetary value per customer, as the BTYD literature defines them
 * (Fader, Hardie & Lee 2005) and as lifetimes' `summary_data_from_transaction_data` computes
 * them: purchases at or before `asOf` count; purchases on the same UTC day (or in the same
 * `calendar` bucket) are one transaction with their amounts summed; frequency counts the
 * transactions after the first; recency = last − first transaction; T = asOf − first
 * transaction; monetaryValue = mean value of the repeat transactions.
 *
 * By default a transaction's time is its UTC day's midnight and times are elapsed `day`s or
 * `week`s (7 days exactly); with `calendar`, whole buckets. On CDNOW with asOf 1997-09-30
 * and timeUnit "week" it reproduces `cdnow_customers_summary.csv` (lifetimes'
 * `observation_period_end='19970930'`, which includes purchases on that day).
 *
 * @param input - purchases, `{ purchases }`, or a prepared `Ledger`
 * @param options - `asOf`, and `timeUnit` or `calendar` (+ `weekStartsOn`)
 * @returns one row per customer with a purchase at or before asOf, in customer-id order
 * @throws {RetentionInputError} when a purchase row is invalid
 * @throws {RetentionOptionsError} when `asOf` or a time option is invalid
 * @example
 * customerSummary([{ customerId: "a", at: "2024-01-01", amount: "10" },
 *                  { customerId: "a", at: "2024-01-15", amount: "30" }], { asOf: "2024-01-29", timeUnit: "week" }).customers[0]
 * //=> { customerId: "a", frequency: 1, recency: 2, T: 4, monetaryValue: Decimal("30"), orders: 2, revenue: Decimal("40"), ... }
 *
 * With `timeUnit: "period"` and a calendar `granularity` (for BG/BB), each bucket is one
 * transaction opportunity: the first bucket with a purchase is the birth (not counted),
 * several purchases in one bucket are one transaction, frequency counts the later buckets
 * with a purchase, recency is the last of them and `periods` (= T) the bucket holding asOf,
 * all counted from the birth bucket. The bucket holding asOf is the last opportunity even
 * when asOf falls inside it: no purchase at or before asOf is dropped, so pass the last
 * instant of the last whole period (e.g. "2001-12-31") to count whole periods only.
 * @example
 * customerSummary(donations, { asOf: "2001-12-31", timeUnit: "period", granularity: "year" }).customers[0]
 * //=> { customerId: "d1", frequency: 2, recency: 4, periods: 6, T: 6, ... } (born 1995, gave in 1997 and 1999)
 */
export function customerSummary(input: MetricInput, options: PeriodSummaryOptions): PeriodCustomerSummary;
export function customerSummary(input: MetricInput, options: CustomerSummaryOptions): CustomerSummary;
export function customerSummary(input: MetricInput, options: CustomerSummaryOptions | PeriodSummaryOptions): CustomerSummary | PeriodCustomerSummary {
  options = readOptions(options, "customerSummary");
  const ledger = toLedger(input);
  const asOf = dateOption("asOf", options?.asOf);
  const discrete = options.timeUnit === "period";
  if (!discrete && (options as { granularity?: unknown }).granularity !== undefined) {
    throw new RetentionOptionsError("granularity", `customerSummary: granularity sets the opportunity of a discrete-time summary; add timeUnit: "period" (or use calendar for whole buckets of a continuous-time summary)`);
  }
  const axis = discrete ? readPeriodAxis(options as PeriodSummaryOptions, "customerSummary") : readTimeAxis(options as CustomerSummaryOptions, "customerSummary");
  const scans = scanCustomers(ledger, Number.NEGATIVE_INFINITY, asOf, axis);
  const money = moneyConverter(ledger.moneyScale);
  const customers: (CustomerSummaryRow | PeriodSummaryRow)[] = [];
  let repeat = 0;
  for (let c = 0; c < ledger.customerIds.length; c++) {
    const transactions = scans.transactions[c]!;
    if (transactions === 0) continue;
    if (transactions > 1) repeat++;
    const row = summaryRow(ledger, c, scans, axis, asOf, money);
    customers.push(discrete ? { ...row, periods: row.T } : row);
  }
  return summaryResult(customers, asOf, axis, discrete, repeat, ledger.customerIds.length - customers.length);
}

/**
 * The `customerSummary` result around its rows (internal; `customerSummaryFromRows` of the SQL
 * entry builds the same result from a warehouse's rows): the axis, the counts, the brand.
 *
 * @example
 * summaryResult([], Date.UTC(1997, 8, 30), axis, false, 0, 0).customerCount //=> 0
 */
export function summaryResult(customers: (CustomerSummaryRow | PeriodSummaryRow)[], asOf: number, axis: TimeAxis, discrete: boolean, repeat: number, skipped: number): CustomerSummary | PeriodCustomerSummary {
  return brandResult(
    {
      customers,
      asOf: new Date(asOf),
      timeUnit: axis.timeUnit,
      calendar: axis.calendar,
      ...(discrete ? { granularity: axis.calendar } : {}),
      customerCount: customers.length,
      repeatCustomerCount: repeat,
      skippedCustomerCount: skipped,
    },
    "customerSummary",
  ) as CustomerSummary | PeriodCustomerSummary;
}

/** `customerSummary` as columns, with the scans it was read from (for totals). */
export interface SummarizedColumns {
  readonly rows: SummaryColumns;
  /** The ledger customer index of each row. */
  readonly customer: Uint32Array;
  readonly scans: CustomerScans;
  readonly repeatCustomerCount: number;
}

/**
 * The rows `readSummaryRows(customerSummary(ledger, …))` gives, built straight from the scans
 * without a row object per customer: the same customers, order and numbers (monetary value
 * goes through the same exact mean), for callers that only feed the models.
 */
export function summaryColumns(ledger: Ledger, asOf: number, axis: TimeAxis): SummarizedColumns {
  const scans = scanCustomers(ledger, Number.NEGATIVE_INFINITY, asOf, axis);
  const money = moneyConverter(ledger.moneyScale);
  let count = 0;
  for (let c = 0; c < ledger.customerIds.length; c++) if (scans.transactions[c]! > 0) count++;
  const customer = new Uint32Array(count);
  const rows = {
    count,
    customerId: new Array<string | undefined>(),
    frequency: new Float64Array(count),
    recency: new Float64Array(count),
    T: new Float64Array(count),
    monetary: new Float64Array(count),
    weight: new Float64Array(count).fill(1),
    timeUnit: axis.timeUnit,
  };
  let repeat = 0;
  let i = 0;
  for (let c = 0; c < ledger.customerIds.length; c++) {
    const transactions = scans.transactions[c]!;
    if (transactions === 0) continue;
    const frequency = transactions - 1;
    if (frequency > 0) repeat++;
    customer[i] = c;
    rows.customerId.push(ledger.customerIds[c]);
    rows.frequency[i] = frequency;
    rows.recency[i] = axis.span(scans.firstKey[c]!, scans.lastKey[c]!);
    rows.T[i] = axis.toEnd(scans.firstKey[c]!, asOf);
    rows.monetary[i] = frequency === 0 ? 0 : money.meanNumber(scans.repeatUnits[c]!, frequency);
    i++;
  }
  return { rows, customer, scans, repeatCustomerCount: repeat };
}

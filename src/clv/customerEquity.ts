import { addBuckets } from "../core/calendar";
import { Decimal, unitsToDecimal } from "../core/money";
import { dateOption } from "../core/period";
import { lowerBound } from "../core/search";
import type { DateInput } from "../core/time";
import { RetentionOptionsError } from "../input/errors";
import type { Ledger } from "../input/ledger";
import { integerOption, nestedOptions, numberOption } from "../input/optionReaders";
import { readOptions } from "../input/readOptions";
import { toLedger, type MetricInput } from "../input/toLedger";
import { roundedDecimalSum } from "../report/roundedDecimalSum";
import { summaryColumns } from "./customerSummary";
import { recentCohorts } from "./futureCohorts";
import type { GammaGammaModel, TransactionModel } from "./models/modelTypes";
import { forEachPrediction, readPredictionSettings } from "./models/predictClv";
import { retentionClv } from "./retentionClv";
import { readTimeAxis } from "./timeAxis";

const DAYS_PER_YEAR = 365.25;

/** Options of `customerEquity`'s future cohorts. */
export interface FutureCohortOptions {
  /** Yearly cohorts to add, acquired in years 1 … `cohorts` after asOf (1–100). */
  readonly cohorts: number;
  /** Customers acquired per year; default: the mean of the `recentCohorts` years before asOf. */
  readonly acquisitionsPerYear?: number | undefined;
  /** How many recent yearly cohorts the averages read (1–20, default 2). */
  readonly recentCohorts?: number | undefined;
}

/** Options of `customerEquity`. */
export interface CustomerEquityOptions {
  /** End of observation (exclusive): the base is valued as of this instant. */
  readonly asOf: DateInput;
  /** Years each customer is valued ahead (a whole number 1–100; default 3). */
  readonly horizonYears?: number | undefined;
  /** Yearly discount rate (default 0.1). */
  readonly annualDiscountRate?: number | undefined;
  /** Share of revenue that is margin, in [0, 1] (default 1: the value is revenue). */
  readonly margin?: number | undefined;
  /** Fitted BG/NBD (or Pareto/NBD) and Gamma-Gamma models: the current base from `predictClv`. */
  readonly models?: { readonly transaction: TransactionModel; readonly spend: GammaGammaModel } | undefined;
  /** Yearly retention assumption in [0, 1): values the base without models, and the future cohorts. */
  readonly retentionRate?: number | undefined;
  /** Add future cohorts (left out: the current base only). */
  readonly future?: FutureCohortOptions | undefined;
}

/** The current base's value, with the assumptions it rests on. */
export interface CurrentEquity {
  /** `predictClv` (fitted models given) or `retentionClv` (a retention assumption). */
  readonly method: "predictClv" | "retentionClv";
  /** Customers valued: every customer with an order before asOf (predictClv), or with one in the last year (retentionClv). */
  readonly customers: number;
  /** Customers predictClv gives no value for (Gamma-Gamma q ≤ 1), left out; 0 for retentionClv. */
  readonly unvalued: number;
  /** retentionClv: Σ net revenue of the last year × margin, the yearly margin m the formula carries forward; `null` for predictClv. */
  readonly yearlyMargin: Decimal | null;
  /** The yearly retention assumption (retentionClv); `null` for predictClv. */
  readonly retentionRate: number | null;
  /** Σ predicted CLV × margin (predictClv), or m × Σ_{t=1..H} r^t ÷ (1+d)^t (retentionClv). */
  readonly value: Decimal;
}

/** Future cohorts' value, with the assumptions it rests on. */
export interface FutureEquity {
  readonly cohorts: number;
  readonly recentCohorts: number;
  readonly acquisitionsPerYear: number;
  /** True when `acquisitionsPerYear` was measured from the recent cohorts, false when given. */
  readonly acquisitionsMeasured: boolean;
  /** Customers whose whole first year the average reads. */
  readonly firstYearCustomers: number;
  /** Mean net revenue × margin of a recent customer's first year. */
  readonly firstYearClv: Decimal;
  readonly retentionRate: number;
  /** One new customer's value at acquisition: firstYearClv × Σ_{t=0..H−1} (r ÷ (1+d))^t. */
  readonly customerValue: Decimal;
  /** acquisitionsPerYear × customerValue × Σ_{k=1..K} (1+d)^−k. */
  readonly value: Decimal;
}

/** The value of the customer base: the current customers and, when asked, future cohorts. */
export interface CustomerEquity {
  readonly asOf: Date;
  readonly horizonYears: number;
  readonly annualDiscountRate: number;
  readonly margin: number;
  readonly current: CurrentEquity;
  /** `null` without the `future` option; `{ available: false, reason }` when no recent cohort has a whole first year. */
  readonly future: FutureEquity | { readonly available: false; readonly reason: string } | null;
  /** current.value + future.value (the future part counted only when computed). */
  readonly total: Decimal;
}

/** The checked settings of a customer-equity valuation (shared with the report's CLV section). */
export interface EquitySettings {
  readonly asOf: number;
  readonly horizon: number;
  readonly annual: number;
  readonly margin: number;
  readonly retention: number | null;
}

function needRetention(settings: EquitySettings, why: string): number {
  if (settings.retention === null) throw new RetentionOptionsError("retentionRate", `customerEquity needs a yearly retention assumption in [0, 1) ${why}`);
  return settings.retention;
}

function predictedBase(ledger: Ledger, settings: EquitySettings, models: NonNullable<CustomerEquityOptions["models"]>): CurrentEquity {
  const { transaction, spend } = nestedOptions("models", models);
  // Checks both models once; the horizon and rate here are placeholders until the time unit is known.
  const prediction = readPredictionSettings(transaction, spend, { horizon: 1, discountRate: 0 });
  const timeUnit = prediction.model.timeUnit;
  if (timeUnit !== "week" && timeUnit !== "day") throw new RetentionOptionsError("models", `customerEquity needs models fitted in days or weeks, found ${timeUnit}s`);
  const unitDays = timeUnit === "week" ? 7 : 1;
  const horizon = (settings.horizon * DAYS_PER_YEAR) / unitDays;
  const discountRate = (1 + settings.annual) ** (unitDays / DAYS_PER_YEAR) - 1;
  const { rows } = summaryColumns(ledger, settings.asOf, readTimeAxis({ timeUnit }, "customerEquity"));
  const values = new Float64Array(rows.count);
  let valued = 0;
  forEachPrediction(readPredictionSettings(transaction, spend, { horizon, discountRate }), rows, (_i, clv) => {
    if (clv !== null) values[valued++] = clv;
  });
  const sum = roundedDecimalSum(values, valued).total;
  return { method: "predictClv", customers: valued, unvalued: rows.count - valued, yearlyMargin: null, retentionRate: null, value: sum.times(settings.margin) };
}

/** The current base valued by retentionClv on the last year's net revenue × margin. */
export function retentionBase(ledger: Ledger, settings: EquitySettings): CurrentEquity {
  const r = needRetention(settings, "to value the current base without fitted models (or give models)");
  const { at, amountUnits, customer } = ledger.purchases;
  const from = lowerBound(at, addBuckets(settings.asOf, "year", -1));
  const to = lowerBound(at, settings.asOf);
  const seen = new Uint8Array(ledger.customerIds.length);
  let customers = 0;
  let units = 0;
  for (let i = from; i < to; i++) {
    units += amountUnits[i]!;
    if (seen[customer[i]!] === 0) {
      seen[customer[i]!] = 1;
      customers++;
    }
  }
  const yearlyMargin = unitsToDecimal(units, ledger.moneyScale).times(settings.margin);
  // retentionClv is linear in the margin: the sum of each customer's value is the value of the summed margin.
  const value = retentionClv({ margin: yearlyMargin, retentionRate: r, discountRate: settings.annual, periods: settings.horizon });
  return { method: "retentionClv", customers, unvalued: 0, yearlyMargin, retentionRate: r, value };
}

/** The future cohorts' value, or why it cannot be computed. */
export function futureCohorts(ledger: Ledger, settings: EquitySettings, options: FutureCohortOptions): CustomerEquity["future"] {
  const future = nestedOptions("future", options);
  if (future.cohorts === undefined) throw new RetentionOptionsError("future.cohorts", "expected a whole number of yearly cohorts from 1 to 100, found undefined");
  const cohorts = integerOption("future.cohorts", future.cohorts, { min: 1, max: 100 }, 1);
  const recent = integerOption("future.recentCohorts", future.recentCohorts, { min: 1, max: 20 }, 2);
  const given = future.acquisitionsPerYear === undefined ? null : numberOption("future.acquisitionsPerYear", future.acquisitionsPerYear, { min: 0, max: 1e12 }, 0);
  const r = needRetention(settings, "for future cohorts");
  const seen = recentCohorts(ledger, settings.asOf, recent);
  if (seen.firstYearCustomers === 0) {
    return { available: false, reason: `no customer's first order falls in the ${recent} years before the last year: no whole first year to average` };
  }
  const acquisitionsPerYear = given ?? seen.acquired / recent;
  const firstYearClv = unitsToDecimal(seen.firstYearRevenueUnits, ledger.moneyScale).times(settings.margin).div(seen.firstYearCustomers);
  const onward = settings.horizon === 1 ? new Decimal(0) : retentionClv({ margin: firstYearClv, retentionRate: r, discountRate: settings.annual, periods: settings.horizon - 1 });
  const customerValue = firstYearClv.plus(onward);
  const growth = new Decimal(1).plus(settings.annual);
  let discount = new Decimal(0);
  for (let k = 1; k <= cohorts; k++) discount = discount.plus(growth.pow(-k));
  return {
    cohorts,
    recentCohorts: recent,
    acquisitionsPerYear,
    acquisitionsMeasured: given === null,
    firstYearCustomers: seen.firstYearCustomers,
    firstYearClv,
    retentionRate: r,
    customerValue,
    value: customerValue.times(acquisitionsPerYear).times(discount),
  };
}

/**
 * Customer equity: what the customer base is worth (Gupta, Lehmann & Stuart 2004, "Valuing
 * Customers"; Blattberg & Deighton 1996, "Manage Marketing by the Customer Equity Test").
 *
 * Current base: with fitted `models`, Σ predicted CLV of every customer over `horizonYears`
 * (`predictClv`, discounted) × margin; without them, each customer active in the last year
 * valued by `retentionClv` from their last year's net revenue × margin:
 *   m × Σ_{t=1..H} r^t ÷ (1+d)^t, summed over customers (the formula is linear in m).
 * Future cohorts (`future`): n new customers a year, each worth f × Σ_{t=0..H−1} (r ÷ (1+d))^t at
 * acquisition, f the mean first-year net revenue × margin of recent cohorts; cohort k (1 … K)
 * is discounted by (1+d)^k. Each part is reported with its assumptions (docs/clv.md, "Customer equity").
 *
 * @param input - purchases, `{ purchases }`, or a prepared `Ledger`
 * @param options - asOf, horizonYears, annualDiscountRate, margin, models or retentionRate, future
 * @returns the current and future parts, their assumptions and the total (exact `Decimal`s)
 * @throws {RetentionInputError} when a purchase row is invalid
 * @throws {RetentionOptionsError} when an option is out of range, or `retentionRate` is needed and missing
 * @example
 * customerEquity(purchases, { asOf: "2025-01-01", horizonYears: 2, annualDiscountRate: 0.1, margin: 0.5, retentionRate: 0.8 })
 * //=> { current: { method: "retentionClv", customers: 3, yearlyMargin: Decimal("550"), value: Decimal("690.90…") }, future: null, total: Decimal("690.90…"), … }
 */
export function customerEquity(input: MetricInput, options: CustomerEquityOptions): CustomerEquity {
  options = readOptions(options, "customerEquity");
  const ledger = toLedger(input);
  const asOf = dateOption("asOf", options.asOf);
  const settings: EquitySettings = {
    asOf,
    horizon: integerOption("horizonYears", options.horizonYears, { min: 1, max: 100 }, 3),
    annual: numberOption("annualDiscountRate", options.annualDiscountRate, { min: 0, max: 1_000 }, 0.1),
    margin: numberOption("margin", options.margin, { min: 0, max: 1 }, 1),
    retention: options.retentionRate === undefined ? null : numberOption("retentionRate", options.retentionRate, { min: 0, max: 1, maxOpen: true }, 0),
  };
  const current = options.models === undefined ? retentionBase(ledger, settings) : predictedBase(ledger, settings, options.models);
  const future = options.future === undefined ? null : futureCohorts(ledger, settings, options.future);
  const total = future === null || !("value" in future) ? current.value : current.value.plus(future.value);
  return { asOf: new Date(asOf), horizonYears: settings.horizon, annualDiscountRate: settings.annual, margin: settings.margin, current, future, total };
}

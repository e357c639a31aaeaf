import { checkBucketCount } from "../core/bucketIndex";
import { checkGranularity, GRANULARITIES, type Granularity } from "../core/calendar";
import { dateOption } from "../core/period";
import type { DateInput } from "../core/time";
import type { TransactionModel } from "../clv/models/modelTypes";
import { TRANSACTION_MODELS } from "../clv/models/modelTypes";
import { readModel } from "../clv/models/readModel";
import { RetentionOptionsError } from "../input/errors";
import { printValue } from "../input/describeValue";
import { readOptions } from "../input/readOptions";
import { toLedger, type MetricInput } from "../input/toLedger";
import { trackingCounts } from "./trackingCounts";
import { expectedCumulative } from "./trackingExpected";
import { trackingBoundaries } from "./trackingPeriods";

const DAY_MS = 86_400_000;
const UNIT_MS: Readonly<Record<string, number>> = { day: DAY_MS, week: 7 * DAY_MS };

/** Options of `trackingSeries`. */
export interface TrackingOptions {
  /** End of calibration (exclusive): customers whose first purchase is before it are tracked; the model was fitted on them. */
  readonly calibrationEnd: DateInput;
  /** End of the holdout (exclusive): purchases before it count. */
  readonly end: DateInput;
  /** Length of a period: day, week (default), month, quarter or year, counted from the first entry's day. */
  readonly granularity?: Granularity | undefined;
}

/** One period of a tracking series. */
export interface TrackingPeriod {
  /** 1, 2, … (BTYD's week numbers). */
  readonly index: number;
  readonly start: Date;
  /** Exclusive; the last period ends at `end`. */
  readonly end: Date;
  /** `calibration` when the period ends at or before calibrationEnd, else `holdout`. */
  readonly phase: "calibration" | "holdout";
  /** Repeat transactions in the period. */
  readonly actual: number;
  /** Repeat transactions the model expects in the period. */
  readonly expected: number;
  /** Repeat transactions from the origin to the period's end. */
  readonly actualCumulative: number;
  readonly expectedCumulative: number;
}

/** Actual against expected, summed over one phase. */
export interface TrackingTotals {
  readonly periods: number;
  readonly actual: number;
  readonly expected: number;
  /** (expected − actual) / actual; null when actual is 0. */
  readonly percentageError: number | null;
}

/** Actual and expected repeat transactions per period, over calibration and holdout. */
export interface TrackingSeries {
  readonly model: TransactionModel["model"];
  readonly granularity: Granularity;
  /** Start of the first period: the UTC day of the earliest first purchase; null when nobody is tracked. */
  readonly origin: Date | null;
  readonly calibrationEnd: Date;
  readonly end: Date;
  readonly periods: readonly TrackingPeriod[];
  readonly calibration: TrackingTotals;
  readonly holdout: TrackingTotals;
  /** Customers tracked: first purchase before calibrationEnd. */
  readonly customerCount: number;
  /** Customers of the input left out: no purchase (refunds aside) before calibrationEnd. */
  readonly skippedCustomerCount: number;
}

/**
 * The BTYD tracking plot's data: actual and model-expected repeat transactions per period,
 * incremental and cumulative, over calibration and holdout. Each customer enters at the UTC day
 * of their first purchase (before `calibrationEnd`); their expected cumulative repeat
 * transactions at a period boundary b are E[X(b − entry)] (`expectedPurchases`, in the fit's
 * time unit, day or week), summed over customers; actual repeat transactions are the purchase
 * days after the first (same-day purchases are one transaction, as `customerSummary` counts).
 * Reproduces the tracking of the BTYD walkthrough (Dziurzynski, Wadsworth & McCarthy,
 * "BTYD: Implementing Buy 'Til You Die Models", §§ 2.6 and 3.6; `bgnbd.PlotTrackingInc/Cum`):
 * on CDNOW with the published BG/NBD fit, week 20's expected cumulative is 1312.458.
 *
 * Cost: one pass over the purchases, then one model evaluation per distinct elapsed day count
 * (at most the days spanned) and one multiply-add per (entry day, period): on 1M purchases and
 * 156 weeks, about 1,100 evaluations and 170,000 multiply-adds.
 *
 * @param fit - a BG/NBD, MBG/NBD or Pareto/NBD fit with timeUnit "day" or "week"
 * @param input - purchases, `{ purchases }`, or a prepared `Ledger`
 * @param options - calibrationEnd, end, granularity (default "week")
 * @returns the periods from the origin to `end`; none when nobody entered before calibrationEnd
 * @throws {RetentionInputError} when a purchase row is invalid
 * @throws {RetentionOptionsError} when the model, a date or the granularity is invalid, or the span is too long
 * @example
 * trackingSeries(bgNbdFit, cdnowPurchases, { calibrationEnd: "1997-10-01", end: "1998-07-01" }).periods[19]
 * //=> { index: 20, actual: 73, expected: 76.865…, actualCumulative: 1359, expectedCumulative: 1312.458…, phase: "calibration", … }
 */
export function trackingSeries(fit: TransactionModel, input: MetricInput, options: TrackingOptions): TrackingSeries {
  const model = readModel<TransactionModel>(fit, TRANSACTION_MODELS, "trackingSeries");
  const unitMs = model.timeUnit === "day" || model.timeUnit === "week" ? UNIT_MS[model.timeUnit] : undefined;
  if (unitMs === undefined) {
    throw new RetentionOptionsError("model", `trackingSeries expects a model fitted with timeUnit "day" or "week" (its times convert to days), found ${printValue(model.timeUnit)}`);
  }
  options = readOptions(options, "trackingSeries");
  const calibrationEnd = dateOption("calibrationEnd", options.calibrationEnd);
  const end = dateOption("end", options.end);
  if (!(end > calibrationEnd)) throw new RetentionOptionsError("end", "trackingSeries expects end after calibrationEnd");
  const granularity = options.granularity === undefined ? "week" : checkGranularity(options.granularity, GRANULARITIES, "trackingSeries");
  const ledger = toLedger(input);
  const counts = trackingCounts(ledger, calibrationEnd, end, (days) => checkBucketCount("end", days, "days"));
  const base = { model: model.model, granularity, calibrationEnd: new Date(calibrationEnd), end: new Date(end) };
  const skippedCustomerCount = ledger.customerIds.length - counts.customerCount;
  if (counts.customerCount === 0) {
    const none = { periods: 0, actual: 0, expected: 0, percentageError: null };
    return { ...base, origin: null, periods: [], calibration: none, holdout: none, customerCount: 0, skippedCustomerCount };
  }
  const origin = counts.originDay * DAY_MS;
  const bounds = trackingBoundaries(origin, end, granularity);
  const expected = expectedCumulative(model, unitMs, counts.originDay, counts.entriesByDay, bounds);
  const periods: TrackingPeriod[] = [];
  let actualCumulative = 0;
  let day = 0;
  for (let k = 1; k < bounds.length; k++) {
    const stop = (bounds[k]! - origin) / DAY_MS;
    let actual = 0;
    for (; day < stop; day++) actual += counts.repeatsByDay[day]!;
    actualCumulative += actual;
    periods.push({
      index: k,
      start: new Date(bounds[k - 1]!),
      end: new Date(bounds[k]!),
      phase: bounds[k]! <= calibrationEnd ? "calibration" : "holdout",
      actual,
      expected: expected[k]! - expected[k - 1]!,
      actualCumulative,
      expectedCumulative: expected[k]!,
    });
  }
  return {
    ...base,
    origin: new Date(origin),
    periods,
    calibration: totals(periods, "calibration"),
    holdout: totals(periods, "holdout"),
    customerCount: counts.customerCount,
    skippedCustomerCount,
  };
}

function totals(periods: readonly TrackingPeriod[], phase: TrackingPeriod["phase"]): TrackingTotals {
  let count = 0;
  let actual = 0;
  let expected = 0;
  for (const period of periods) {
    if (period.phase !== phase) continue;
    count++;
    actual += period.actual;
    expected += period.expected;
  }
  return { periods: count, actual, expected, percentageError: actual === 0 ? null : (expected - actual) / actual };
}

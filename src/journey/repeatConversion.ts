import { bucketStart } from "../core/calendar";
import { dateOption } from "../core/period";
import type { DateInput, DurationInput } from "../core/time";
import { DAY_MS } from "../defection/gaps";
import { describeValue } from "../input/describeValue";
import { RetentionOptionsError } from "../input/errors";
import { readOptions } from "../input/readOptions";
import { toLedger, type MetricInput } from "../input/toLedger";
import { latestRecord } from "../report/dataSpan";
import { windowEnd } from "./funnelWindow";
import { productLimitMedian } from "./productLimitMedian";

/** Options of `repeatConversion`. */
export interface RepeatConversionOptions {
  /** The windows after the first order: `Duration`s or milliseconds, 1 to 100 of them. Default 30, 60 and 90 days. */
  readonly within?: readonly DurationInput[] | undefined;
  /** End of observation, exclusive: orders at or after it are not read. Default: the end of the UTC day of the latest record. */
  readonly asOf?: DateInput | undefined;
}

/** The share of first-time buyers who ordered again within one window. */
export interface RepeatConversionWindow {
  /** The window as given. */
  readonly within: DurationInput;
  /** converted ÷ observed; `null` when no buyer was observed for the whole window. */
  readonly rate: number | null;
  /** Observed buyers whose second order came before first order + window. */
  readonly converted: number;
  /** Buyers whose first order + window ≤ asOf: the denominator. */
  readonly observed: number;
  /** Buyers observed for less than the window, left out of the denominator. */
  readonly censored: number;
  readonly reason: string | null;
}

/** Repeat conversion of first-time buyers. */
export interface RepeatConversion {
  readonly windows: readonly RepeatConversionWindow[];
  /** Customers whose first order is before asOf. */
  readonly firstTimeBuyers: number;
  /** Of them, those with a second order before asOf. */
  readonly secondOrders: number;
  /** Kaplan–Meier median days from first to second order; `null` when the estimate stays above one half. */
  readonly medianDaysToSecondOrder: number | null;
  readonly reason: string | null;
  /** End of observation; `null` when there is no record and no asOf. */
  readonly asOf: Date | null;
}

const DEFAULT_WINDOWS: readonly DurationInput[] = Object.freeze([{ days: 30 }, { days: 60 }, { days: 90 }]);
const MAX_WINDOWS = 100;

/**
 * Time to second order, censored. For each window w: observed = first-time buyers with
 * first + w ≤ asOf (seen for the whole window); converted = those of them whose second order
 * is before first + w (half-open); rate = converted ÷ observed. A buyer seen for less than w is
 * in no part of that window's rate. The median days from first to second order is read from a
 * Kaplan–Meier curve (`productLimitMedian`): a buyer with a second order before asOf is an
 * event at its gap, the others are censored at asOf − first; the median is the first gap where
 * the curve falls to 0.5 or below, as R `survfit` prints it. See docs/journey.md.
 *
 * @param input - purchases, `{ purchases }`, or a prepared `Ledger`
 * @param options - `within` windows (default 30/60/90 days) and `asOf`
 * @returns one rate per window with its counts, the buyer counts and the median days
 * @throws {RetentionInputError} when a row is invalid
 * @throws {RetentionOptionsError} on a window that is not positive, an empty or too long list, or a bad asOf
 * @example
 * repeatConversion([{ customerId: "a", at: "2024-01-01", amount: "5" }, { customerId: "a", at: "2024-01-11", amount: "5" },
 *                   { customerId: "b", at: "2024-01-01", amount: "5" }],
 *                  { within: [{ days: 30 }], asOf: "2024-03-01" })
 * //=> { windows: [{ within: { days: 30 }, rate: 0.5, converted: 1, observed: 2, censored: 0, reason: null }],
 * //     firstTimeBuyers: 2, secondOrders: 1, medianDaysToSecondOrder: 10, reason: null, asOf: 2024-03-01T00:00:00.000Z }
 */
export function repeatConversion(input: MetricInput, options: RepeatConversionOptions = {}): RepeatConversion {
  options = readOptions(options, "repeatConversion");
  const windows = readWindows(options.within);
  const ends = windows.map((w, i) => windowEnd(w, `within[${i}]`));
  const ledger = toLedger(input);
  const latest = latestRecord(ledger);
  const asOf = options.asOf !== undefined ? dateOption("asOf", options.asOf) : Number.isFinite(latest) ? bucketStart(latest, "day") + DAY_MS : null;
  const customers = ledger.customerIds.length;
  const first = new Float64Array(customers).fill(Number.POSITIVE_INFINITY);
  const second = new Float64Array(customers).fill(Number.POSITIVE_INFINITY);
  const { purchases } = ledger;
  const until = asOf ?? Number.NEGATIVE_INFINITY;
  for (let k = 0; k < purchases.count && purchases.at[k]! < until; k++) {
    if (purchases.orderStart[k] === 0) continue;
    const c = purchases.customer[k]!;
    if (first[c] === Number.POSITIVE_INFINITY) first[c] = purchases.at[k]!;
    else if (second[c] === Number.POSITIVE_INFINITY) second[c] = purchases.at[k]!;
  }
  const gapToSecond = new Float64Array(customers);
  const gapObserved = new Float64Array(customers);
  let buyers = 0;
  let repeaters = 0;
  const converted = new Uint32Array(windows.length);
  const observed = new Uint32Array(windows.length);
  for (let c = 0; c < customers; c++) {
    const f = first[c]!;
    if (f === Number.POSITIVE_INFINITY) continue;
    const s = second[c]!;
    const repeated = s !== Number.POSITIVE_INFINITY;
    if (repeated) gapToSecond[repeaters++] = s - f;
    else gapObserved[buyers - repeaters] = until - f;
    buyers++;
    for (let w = 0; w < ends.length; w++) {
      const windowEnds = ends[w]!(f);
      if (windowEnds > until) continue;
      observed[w]!++;
      if (s < windowEnds) converted[w]!++;
    }
  }
  const { durations, ended } = eventsFirst(gapToSecond.subarray(0, repeaters), gapObserved.subarray(0, buyers - repeaters));
  const { median, lowest } = productLimitMedian(durations, ended);
  return {
    windows: windows.map((within, w) => ({
      within,
      rate: observed[w] === 0 ? null : converted[w]! / observed[w]!,
      converted: converted[w]!,
      observed: observed[w]!,
      censored: buyers - observed[w]!,
      reason: observed[w] !== 0 ? null : buyers === 0 ? "no first-time buyer before asOf" : "no first-time buyer was observed for the whole window",
    })),
    firstTimeBuyers: buyers,
    secondOrders: repeaters,
    medianDaysToSecondOrder: median === null ? null : median / DAY_MS,
    reason:
      median !== null ? null
      : buyers === 0 ? "no first-time buyer before asOf"
      : `the Kaplan–Meier share without a second order stays above one half (lowest ${lowest.toFixed(3)}), so the median is not reached`,
    asOf: asOf === null ? null : new Date(asOf),
  };
}

function readWindows(value: unknown): readonly DurationInput[] {
  if (value === undefined) return DEFAULT_WINDOWS;
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_WINDOWS) {
    throw new RetentionOptionsError("within", `expected a list of 1 to ${MAX_WINDOWS} windows (Durations or milliseconds), found ${describeValue(value)}`);
  }
  return value as readonly DurationInput[];
}

/**
 * The gaps of both kinds in product-limit order (by time, an event before a censoring at the
 * same time), from two native numeric sorts and a merge.
 */
function eventsFirst(events: Float64Array, censored: Float64Array): { durations: Float64Array; ended: Uint8Array } {
  events.sort();
  censored.sort();
  const durations = new Float64Array(events.length + censored.length);
  const ended = new Uint8Array(durations.length);
  let e = 0;
  let c = 0;
  for (let k = 0; k < durations.length; k++) {
    if (c === censored.length || (e < events.length && events[e]! <= censored[c]!)) {
      durations[k] = events[e++]!;
      ended[k] = 1;
    } else durations[k] = censored[c++]!;
  }
  return { durations, ended };
}

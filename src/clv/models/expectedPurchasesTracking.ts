import { RetentionOptionsError } from "../../input/errors";
import { printValue } from "../../input/describeValue";
import { readOptions } from "../../input/readOptions";
import { bgBbExpectedTransactions } from "./bgBbMath";
import { readOpportunities } from "./discreteHistories";
import type { BgBbModel } from "./modelTypes";
import { nonNegativeResult, readModel } from "./readModel";

/** Most opportunities one tracking covers (one E[X(n)] each). */
export const MAX_TRACKING_OPPORTUNITIES = 100_000;

/** Options of `expectedPurchasesTracking`. */
export interface ExpectedPurchasesTrackingOptions {
  /** Opportunities after the birth one to track: 1 … `periods`. */
  readonly periods: number;
  /** Customers in the cohort, 0 to 2^53 − 1; default the model's `observations`. */
  readonly cohortSize?: number | undefined;
  /** Actual repeat transactions of the cohort in opportunities 1, 2, … (at most `periods` of them), to compare against. */
  readonly actual?: readonly number[] | undefined;
}

/** One opportunity of the tracking. */
export interface ExpectedPurchasesTrackingPeriod {
  /** 1, 2, …: opportunities after the birth one. */
  readonly index: number;
  /** Repeat transactions the model expects from the cohort in this opportunity. */
  readonly expected: number;
  readonly expectedCumulative: number;
  /** The actual figures given, or null past them. */
  readonly actual: number | null;
  readonly actualCumulative: number | null;
}

/** Expected (and, when given, actual) repeat transactions per opportunity of one cohort. */
export interface ExpectedPurchasesTracking {
  readonly model: "bg-bb";
  readonly cohortSize: number;
  readonly periods: readonly ExpectedPurchasesTrackingPeriod[];
  /** Over the opportunities with an actual figure: the sums and (expected − actual)/actual (null when actual is 0 or none were given). */
  readonly totals: { readonly periods: number; readonly actual: number; readonly expected: number; readonly percentageError: number | null };
}

/**
 * The tracking of a BG/BB fit (Fader, Hardie & Shang 2010, Figure 4; BTYD's
 * `bgbb.PlotTrackingCum`/`PlotTrackingInc`): a cohort of N customers born in the same
 * opportunity is expected to make N · E[X(k)] repeat transactions in its first k opportunities
 * (E[X(k)] as `expectedPurchases`), and N · (E[X(k)] − E[X(k−1)]) in opportunity k. With the
 * `actual` figures, each period shows them beside the model's, cumulated, with the totals'
 * percentage error. On the donations data (11,104 donors born 1995, fitted on 1996–2001) the
 * model expects 37,627.6 repeat donations over 1996–2006; the cohort made 37,875.
 *
 * @param model - a fitted (or JSON-parsed) BG/BB model
 * @param options - `periods`, `cohortSize` (default the model's observations), `actual`
 * @returns one entry per opportunity 1 … periods
 * @throws {RetentionOptionsError} when the model or an option is invalid
 * @example
 * expectedPurchasesTracking(bgBbDonations, { periods: 11, actual: [5652, 4674, 4019, 3552, 3555, 3163, 3110, 2938, 2703, 2573, 1936] }).totals
 * //=> { periods: 11, actual: 37875, expected: 37627.6…, percentageError: −0.0065… }
 */
export function expectedPurchasesTracking(model: BgBbModel, options: ExpectedPurchasesTrackingOptions): ExpectedPurchasesTracking {
  const { params, observations } = readModel(model, ["bg-bb"], "expectedPurchasesTracking");
  options = readOptions(options, "expectedPurchasesTracking");
  const periods = readOpportunities("periods", options.periods, "expectedPurchasesTracking", MAX_TRACKING_OPPORTUNITIES);
  const cohortSize = options.cohortSize ?? observations;
  if (!(typeof cohortSize === "number" && cohortSize >= 0 && cohortSize <= Number.MAX_SAFE_INTEGER)) {
    const name = options.cohortSize === undefined ? "model" : "cohortSize";
    throw new RetentionOptionsError(name, `expectedPurchasesTracking expects a cohort size (option cohortSize, default the model's observations) from 0 to ${Number.MAX_SAFE_INTEGER}, found ${printValue(cohortSize)}`);
  }
  const actual = readActual(options.actual, periods);
  const rows: ExpectedPurchasesTrackingPeriod[] = [];
  let previous = 0;
  let actualCumulative = 0;
  for (let k = 1; k <= periods; k++) {
    const cumulative = cohortSize * nonNegativeResult(bgBbExpectedTransactions(params, k), "expectedPurchasesTracking");
    const observed = k <= actual.length ? actual[k - 1]! : null;
    if (observed !== null) actualCumulative += observed;
    rows.push({ index: k, expected: cumulative - previous, expectedCumulative: cumulative, actual: observed, actualCumulative: observed === null ? null : actualCumulative });
    previous = cumulative;
  }
  const compared = actual.length;
  const expected = compared === 0 ? 0 : rows[compared - 1]!.expectedCumulative;
  return {
    model: "bg-bb",
    cohortSize,
    periods: rows,
    totals: { periods: compared, actual: actualCumulative, expected, percentageError: actualCumulative > 0 ? (expected - actualCumulative) / actualCumulative : null },
  };
}

/** The actual counts: finite and ≥ 0, at most `periods` of them. */
function readActual(actual: unknown, periods: number): readonly number[] {
  if (actual === undefined) return [];
  if (!Array.isArray(actual) || actual.length > periods) {
    throw new RetentionOptionsError("actual", `expectedPurchasesTracking expects an array of at most periods = ${periods} counts, found ${printValue(actual)}`);
  }
  for (let i = 0; i < actual.length; i++) {
    const value: unknown = actual[i];
    if (!(typeof value === "number" && Number.isFinite(value) && value >= 0)) {
      throw new RetentionOptionsError("actual", `expectedPurchasesTracking expects actual[${i}] to be a count ≥ 0, found ${printValue(value)}`);
    }
  }
  return actual as readonly number[];
}

import type { Granularity, WeekStartsOn } from "../core/calendar";
import { windowStart, type Period } from "../core/period";
import type { DurationInput } from "../core/time";
import { readOptions } from "../input/readOptions";
import { toLedger, type MetricInput } from "../input/toLedger";
import { lifecycleCounts } from "./lifecycleCounts";
import { periodGrid, type PeriodSeriesOptions } from "./periodGrid";
import { quickRatio } from "./quickRatio";

/** Options of `lifecycle`. */
export interface LifecycleOptions extends PeriodSeriesOptions {
  /**
   * Widens activity: a customer is active in a period when they ordered in it or in the
   * `activeWindow` (date-fns `Duration`, UTC, or ms) that ends with it, as `retentionRate`
   * counts a customer active at an instant. Default: the period itself.
   */
  readonly activeWindow?: DurationInput | undefined;
}

/** One period of the lifecycle. Counts are customers; every one is ≥ 0. */
export interface LifecyclePeriod {
  /** `2024-01-15`, `2024-W03`, `2024-01`, `2024-Q1` or `2024`. */
  readonly key: string;
  readonly start: Date;
  readonly end: Date;
  /** Customers active in the period: new + returning + resurrected. */
  readonly active: number;
  /** Customers active in the period before: returning + dormant. */
  readonly previousActive: number;
  /** First order ever in this period. */
  readonly new: number;
  /** Active in this period and the one before. */
  readonly returning: number;
  /** Active now, not in the period before, and ordered before. */
  readonly resurrected: number;
  /** Active in the period before, not in this one. */
  readonly dormant: number;
  /** −dormant: the bar below the axis, as PostHog's lifecycle chart draws it. */
  readonly dormantBar: number;
  /** (new + resurrected) ÷ dormant; `null` when dormant is 0. */
  readonly quickRatio: number | null;
  /** Why `quickRatio` is `null`; `null` when it is a number. */
  readonly quickRatioReason: string | null;
}

/** The lifecycle series, oldest period first. */
export interface Lifecycle {
  readonly periods: readonly LifecyclePeriod[];
  /** The period before the first one, read from the data for the first `previousActive`. */
  readonly previousPeriod: Period;
  readonly granularity: Granularity;
  readonly weekStartsOn: WeekStartsOn;
  /** The `activeWindow` given, or `null` (activity is an order in the period). */
  readonly activeWindow: DurationInput | null;
}

/**
 * The growth accounting of customers per calendar period (UTC): who is new, returning,
 * resurrected or dormant, with the quick ratio.
 *
 * A customer is active in a period when they placed an order in it (refunds are not orders;
 * with `activeWindow`, also in the window that ends with the period). Each active customer is
 * exactly one of new (their first order ever falls in the period), returning (active in the
 * period before too) or resurrected (neither); dormant customers were active in the period
 * before and are not now. So active(t) = new + returning + resurrected and active(t − 1) =
 * returning + dormant, exactly, also for the first period, whose "period before" is the
 * calendar period before it, read from the data. quickRatio = (new + resurrected) ÷ dormant,
 * the user quick ratio of growth accounting (J. Hsu, "Diligence at Social Capital, part 1:
 * accounting for user growth", 2015). The categories are PostHog's lifecycle insight's (new,
 * returning, resurrecting, dormant drawn below zero); docs/journey.md compares the two.
 *
 * @param input - purchases, `{ purchases }`, or a prepared `Ledger`
 * @param options - granularity and `[start, end)` (the whole periods inside it), optional activeWindow and weekStartsOn
 * @returns one entry per period, oldest first, with its counts and quick ratio
 * @throws {RetentionInputError} when a row is invalid
 * @throws {RetentionOptionsError} on an unknown granularity, a bad date, start ≥ end, more than 100,000 periods, or a window that is not positive
 * @example
 * lifecycle([{ customerId: "a", at: "2024-01-05", amount: "10" },
 *            { customerId: "a", at: "2024-02-05", amount: "10" },
 *            { customerId: "b", at: "2024-01-20", amount: "30" },
 *            { customerId: "c", at: "2024-02-11", amount: "5" }],
 *           { granularity: "month", start: "2024-01-01", end: "2024-03-01" }).periods
 * //=> [{ key: "2024-01", active: 2, previousActive: 0, new: 2, returning: 0, resurrected: 0, dormant: 0, quickRatio: null, ... },
 * //    { key: "2024-02", active: 2, previousActive: 2, new: 1, returning: 1, resurrected: 0, dormant: 1, quickRatio: 1, ... }]
 */
export function lifecycle(input: MetricInput, options: LifecycleOptions): Lifecycle {
  options = readOptions(options, "lifecycle");
  const ledger = toLedger(input);
  const grid = periodGrid(options, "lifecycle");
  const { bounds, keys } = grid;
  const window = options.activeWindow;
  const coverFrom = new Float64Array(keys.length + 1);
  for (let p = 0; p < coverFrom.length; p++) {
    coverFrom[p] = window === undefined ? bounds[p]! : Math.min(bounds[p]!, windowStart(bounds[p + 1]!, window));
  }
  const counts = lifecycleCounts(ledger, bounds, coverFrom);
  const periods = keys.map((key, i): LifecyclePeriod => {
    const p = i + 1;
    const active = counts.active[p]!;
    const fresh = counts.fresh[p]!;
    const resurrected = counts.resurrected[p]!;
    const dormant = counts.dormant[p]!;
    return {
      key,
      start: new Date(bounds[p]!),
      end: new Date(bounds[p + 1]!),
      active,
      previousActive: counts.active[p - 1]!,
      new: fresh,
      returning: active - fresh - resurrected,
      resurrected,
      dormant,
      dormantBar: 0 - dormant,
      ...quickRatio(fresh + resurrected, dormant, "no customer went dormant in this period"),
    };
  });
  return {
    periods,
    previousPeriod: { start: new Date(bounds[0]!), end: new Date(bounds[1]!) },
    granularity: grid.granularity,
    weekStartsOn: grid.weekStartsOn,
    activeWindow: window ?? null,
  };
}

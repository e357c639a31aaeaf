import { readPeriod, windowStart, type Period, type PeriodOptions } from "../core/period";
import type { DurationInput } from "../core/time";
import { toLedger, type MetricInput } from "../input/toLedger";
import { activeCustomers } from "./activeCustomers";
import { readOptions } from "../input/readOptions";

/** Options of `retentionRate` and `churnRate`. */
export interface RetentionRateOptions extends PeriodOptions {
  /**
   * How far back an order keeps a customer without contract events active: a date-fns
   * `Duration` (calendar-aware, UTC) or milliseconds. Default: the period's length.
   */
  readonly activeWindow?: DurationInput | undefined;
}

/** Retention over a period, with every count it came from. */
export interface RetentionRate {
  /** |S ∩ E| / |S|, or `null` when nobody was active at the start. */
  readonly rate: number | null;
  /** |S ∖ E| / |S|, or `null` when nobody was active at the start. */
  readonly churnRate: number | null;
  /** Classic customer retention rate (|E| − |N|) / |S|; can leave [0, 1] when new customers lapse within the period. */
  readonly crr: number | null;
  /** |S|: customers active at the start. */
  readonly startCount: number;
  /** |E|: customers active at the end. */
  readonly endCount: number;
  /** |N|: customers whose first activity (order or signup) falls in the period. */
  readonly newCount: number;
  /** |S ∩ E|. */
  readonly retainedCount: number;
  /** |S ∖ E|. */
  readonly lostCount: number;
  /** Active at the end, not at the start, and not new: customers who came back. */
  readonly reactivatedCount: number;
  readonly period: Period;
  /** Length of the active window at the period's start, in milliseconds. */
  readonly activeWindowMs: number;
}

/**
 * Share of the customers active at the start of a period who are still active at its end.
 *
 * rate = |S ∩ E| / |S|, churnRate = |S ∖ E| / |S|, crr = (|E| − |N|) / |S|, where S and E are the
 * customers active at `start` and at `end`, and N those whose first activity falls in
 * `[start, end)`. Active means signed up (contract events) or, without contract events, an
 * order in the trailing `activeWindow`. `crr` is the classic formula of SaaS and marketing
 * glossaries; `rate` is the cohort form, untouched by new or returning customers.
 *
 * @param input - purchases, `{ purchases, events }`, or a prepared `Ledger`
 * @param options - the period `[start, end)` (UTC) and an optional `activeWindow`
 * @returns the rates (`null` when nobody was active at the start) and the counts behind them
 * @throws {RetentionInputError} when a row is invalid
 * @throws {RetentionOptionsError} when `start` is not before `end` or the window is not positive
 * @example
 * retentionRate([
 *   { customerId: "a", at: "2024-01-10", amount: "5" },
 *   { customerId: "a", at: "2024-02-10", amount: "5" },
 *   { customerId: "b", at: "2024-01-20", amount: "9" },
 * ], { start: "2024-02-01", end: "2024-03-01", activeWindow: { months: 1 } })
 * //=> { rate: 0.5, churnRate: 0.5, startCount: 2, retainedCount: 1, lostCount: 1, ... }
 */
export function retentionRate(input: MetricInput, options: RetentionRateOptions): RetentionRate {
  options = readOptions(options, "retentionRate");
  const ledger = toLedger(input);
  const { start, end } = readPeriod(options, "retentionRate");
  const window = options.activeWindow ?? end - start;
  const startFrom = windowStart(start, window);
  const atStart = activeCustomers(ledger, start, startFrom);
  const atEnd = activeCustomers(ledger, end, windowStart(end, window));
  let startCount = 0;
  let endCount = 0;
  let newCount = 0;
  let retainedCount = 0;
  let reactivatedCount = 0;
  for (let c = 0; c < atStart.length; c++) {
    const first = ledger.firstActivity[c]!;
    const isNew = first >= start && first < end;
    if (isNew) newCount++;
    if (atStart[c] === 1) startCount++;
    if (atEnd[c] === 1) {
      endCount++;
      if (atStart[c] === 1) retainedCount++;
      else if (!isNew) reactivatedCount++;
    }
  }
  return retentionRateResult({ startCount, endCount, newCount, retainedCount, reactivatedCount }, start, end, startFrom);
}

/** The counts a `RetentionRate` is computed from. */
export interface RetentionCounts {
  readonly startCount: number;
  readonly endCount: number;
  readonly newCount: number;
  readonly retainedCount: number;
  readonly reactivatedCount: number;
}

/** The `RetentionRate` of counted sets S, E, N over `[start, end)`, whose start window began at `startFrom`. */
export function retentionRateResult(counts: RetentionCounts, start: number, end: number, startFrom: number): RetentionRate {
  const { startCount, endCount, newCount, retainedCount, reactivatedCount } = counts;
  const share = (count: number): number | null => (startCount === 0 ? null : count / startCount);
  return {
    rate: share(retainedCount),
    churnRate: share(startCount - retainedCount),
    crr: share(endCount - newCount),
    startCount,
    endCount,
    newCount,
    retainedCount,
    lostCount: startCount - retainedCount,
    reactivatedCount,
    period: { start: new Date(start), end: new Date(end) },
    activeWindowMs: start - startFrom,
  };
}

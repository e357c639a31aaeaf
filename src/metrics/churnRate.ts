import type { MetricInput } from "../input/toLedger";
import { retentionRate, type RetentionRate, type RetentionRateOptions } from "./retentionRate";
import { readOptions } from "../input/readOptions";

/** Churn over a period: the retention computation read from the loss side. */
export interface ChurnRate extends Omit<RetentionRate, "rate" | "churnRate"> {
  /** |S ∖ E| / |S|, or `null` when nobody was active at the start. */
  readonly rate: number | null;
  /** |S ∩ E| / |S|, the complement. */
  readonly retentionRate: number | null;
}

/**
 * Share of the customers active at the start of a period who are no longer active at its end.
 *
 * rate = |S ∖ E| / |S| = lostCount / startCount, with the same definitions as `retentionRate`
 * (so churn + retention = 1 whenever both are defined).
 *
 * @param input - purchases, `{ purchases, events }`, or a prepared `Ledger`
 * @param options - the period `[start, end)` (UTC) and an optional `activeWindow`
 * @returns the churn rate (`null` when nobody was active at the start) and its counts
 * @throws {RetentionInputError} when a row is invalid
 * @throws {RetentionOptionsError} when `start` is not before `end`
 * @example
 * churnRate(purchases, { start: "2024-02-01", end: "2024-03-01" })
 * //=> { rate: 0.5, lostCount: 1, startCount: 2, retentionRate: 0.5, ... }
 */
export function churnRate(input: MetricInput, options: RetentionRateOptions): ChurnRate {
  options = readOptions(options, "churnRate");
  const { rate, churnRate: churn, ...counts } = retentionRate(input, options);
  return { ...counts, rate: churn, retentionRate: rate };
}

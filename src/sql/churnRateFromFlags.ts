import { readOptions } from "../input/readOptions";
import type { ChurnRate } from "../metrics/churnRate";
import type { RetentionRateOptions } from "../metrics/retentionRate";
import type { RetentionFlagRow } from "./retentionFlagRows";
import { retentionRateFromFlags } from "./retentionRateFromFlags";

/**
 * `churnRate` from the rows of `retentionFlagsSql`: rate = |S ∖ E| ÷ |S| = lostCount ÷
 * startCount, read from the loss side of `retentionRateFromFlags` (churn + retention = 1
 * whenever both are defined).
 *
 * @param rows - the query's rows (one per customer)
 * @param options - start, end, activeWindow, as given to the query
 * @returns the `ChurnRate` result
 * @throws {RetentionInputError} naming `rows[i].field` for a bad value or a repeated customer
 * @throws {RetentionOptionsError} when start ≥ end or a window is not positive
 * @example
 * churnRateFromFlags(rows, { start: "2024-02-01", end: "2024-03-01", activeWindow: { months: 1 } })
 * //=> { rate: 0.5, lostCount: 1, startCount: 2, retentionRate: 0.5, ... }
 */
export function churnRateFromFlags(rows: readonly RetentionFlagRow[], options: RetentionRateOptions): ChurnRate {
  const { rate, churnRate, ...counts } = retentionRateFromFlags(rows, readOptions(options, "churnRateFromFlags"));
  return { ...counts, rate: churnRate, retentionRate: rate };
}

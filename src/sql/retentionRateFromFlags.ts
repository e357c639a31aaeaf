import { readOptions } from "../input/readOptions";
import { retentionRateResult, type RetentionRate, type RetentionRateOptions } from "../metrics/retentionRate";
import { readFlagRows, type RetentionFlagRow } from "./retentionFlagRows";
import { readRetentionWindows } from "./retentionFlags";

/**
 * `retentionRate` from the rows of `retentionFlagsSql`, run with the same period and
 * `activeWindow`: the same result, value for value. S = rows active at the start, E = rows
 * active at the end, N = new rows; rate = |S ∩ E| ÷ |S|, churnRate = |S ∖ E| ÷ |S|,
 * crr = (|E| − |N|) ÷ |S|; reactivated = in E, not in S, not new. The purchases table has no
 * contract events, so activity is an order in the trailing window (as `retentionRate` on
 * purchases alone).
 *
 * @param rows - the query's rows (one per customer)
 * @param options - `retentionRate`'s options: start, end, activeWindow (a `baseWindow` is checked, not used)
 * @returns the `RetentionRate` result
 * @throws {RetentionInputError} naming `rows[i].field` for a bad value or a repeated customer
 * @throws {RetentionOptionsError} when start ≥ end or a window is not positive
 * @example
 * retentionRateFromFlags([
 *   { customer_id: "a", active_at_start: 1, active_at_end: 1, new_in_period: 0, ordered_before_base: 0, base_revenue: "5", current_revenue: "5" },
 *   { customer_id: "b", active_at_start: 1, active_at_end: 0, new_in_period: 0, ordered_before_base: 0, base_revenue: "9", current_revenue: "0" },
 * ], { start: "2024-02-01", end: "2024-03-01", activeWindow: { months: 1 } })
 * //=> { rate: 0.5, churnRate: 0.5, startCount: 2, retainedCount: 1, lostCount: 1, ... }
 */
export function retentionRateFromFlags(rows: readonly RetentionFlagRow[], options: RetentionRateOptions): RetentionRate {
  const { start, end, startFrom } = readRetentionWindows(readOptions(options, "retentionRateFromFlags"), "retentionRateFromFlags");
  const counts = { startCount: 0, endCount: 0, newCount: 0, retainedCount: 0, reactivatedCount: 0 };
  for (const row of readFlagRows(rows).rows) {
    if (row.isNew) counts.newCount++;
    if (row.activeAtStart) counts.startCount++;
    if (row.activeAtEnd) {
      counts.endCount++;
      if (row.activeAtStart) counts.retainedCount++;
      else if (!row.isNew) counts.reactivatedCount++;
    }
  }
  return retentionRateResult(counts, start, end, startFrom);
}

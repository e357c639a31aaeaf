import { readOptions } from "../input/readOptions";
import { addToBridge, emptyBridge } from "../metrics/revenueBridge";
import { revenueRetentionResult, type RevenueRetention, type RevenueRetentionOptions } from "../metrics/revenueRetention";
import { readFlagRows, type RetentionFlagRow } from "./retentionFlagRows";
import { readRetentionWindows } from "./retentionFlags";

/**
 * `revenueRetention` from the rows of `retentionFlagsSql`, run with the same period and
 * `baseWindow`: the same result, value for value. Each row adds its customer to the revenue
 * bridge as `revenueRetention` does: base customers (base_revenue > 0) are expanded, flat,
 * contracted or churned; anyone else's current revenue is reactivation when they ordered before
 * the base window, else new. NRR = Σ current ÷ Σ base, GRR = Σ min(max(current, 0), base) ÷
 * Σ base, the quick ratio and the bridge's exact money follow. The purchases table has no
 * currency column: `currency` is `null`.
 *
 * @param rows - the query's rows (one per customer)
 * @param options - `revenueRetention`'s options: start, end, baseWindow (an `activeWindow` is checked, not used)
 * @returns the `RevenueRetention` result
 * @throws {RetentionInputError} naming `rows[i].field` for a bad value or a repeated customer
 * @throws {RetentionOptionsError} when start ≥ end or a window is not positive
 * @example
 * revenueRetentionFromFlags([
 *   { customer_id: "a", active_at_start: 1, active_at_end: 1, new_in_period: 0, ordered_before_base: 0, base_revenue: "100", current_revenue: "120" },
 *   { customer_id: "b", active_at_start: 1, active_at_end: 0, new_in_period: 0, ordered_before_base: 0, base_revenue: "50", current_revenue: "0" },
 *   { customer_id: "c", active_at_start: 0, active_at_end: 1, new_in_period: 1, ordered_before_base: 0, base_revenue: "0", current_revenue: "30" },
 * ], { start: "2024-02-01", end: "2024-03-01", baseWindow: { months: 1 } })
 * //=> { netRevenueRetention: 0.8, baseRevenue: Decimal("150"), expansion: Decimal("20"), newCustomerRevenue: Decimal("30"), quickRatio: 1, ... }
 */
export function revenueRetentionFromFlags(rows: readonly RetentionFlagRow[], options: RevenueRetentionOptions): RevenueRetention {
  const { start, end, baseStart } = readRetentionWindows(readOptions(options, "revenueRetentionFromFlags"), "revenueRetentionFromFlags");
  const read = readFlagRows(rows);
  const units = emptyBridge();
  for (const row of read.rows) addToBridge(units, row.base, row.current, row.orderedBeforeBase);
  return revenueRetentionResult(units, read.scale, null, { start, end, baseStart });
}

import { unitsToDecimal, type Decimal } from "../core/money";
import { readPeriod, windowStart, type Period, type PeriodOptions } from "../core/period";
import type { DurationInput } from "../core/time";
import { toLedger, type MetricInput } from "../input/toLedger";
import { revenueByCustomer } from "./revenueByCustomer";
import { readOptions } from "../input/readOptions";
import { NO_REVENUE_LOST, quickRatio } from "../journey/quickRatio";
import { orderedBefore } from "./orderedBefore";
import { addToBridge, emptyBridge, type RevenueBridge } from "./revenueBridge";

/** Options of `revenueRetention`. */
export interface RevenueRetentionOptions extends PeriodOptions {
  /** Length L of the base window `[start − L, start)`: a date-fns `Duration` (UTC) or ms. Default: end − start. */
  readonly baseWindow?: DurationInput | undefined;
}

/** Net and gross revenue retention of the base customers, with the revenue bridge. */
export interface RevenueRetention {
  /** currentRevenue ÷ baseRevenue; `null` when baseRevenue is 0. */
  readonly netRevenueRetention: number | null;
  /** Σ min(max(current_i, 0), base_i) ÷ baseRevenue, in [0, 1]; `null` when baseRevenue is 0. */
  readonly grossRevenueRetention: number | null;
  /** Σ base_i: base customers' net revenue in the base window. */
  readonly baseRevenue: Decimal;
  /** Σ current_i: base customers' net revenue in `[start, end)`. */
  readonly currentRevenue: Decimal;
  /** Σ (current_i − base_i) over expanded customers. */
  readonly expansion: Decimal;
  /** Σ (base_i − current_i) over contracted customers. */
  readonly contraction: Decimal;
  /** Σ base_i over churned customers. */
  readonly churnedRevenue: Decimal;
  /** Σ current_i over churned customers (≤ 0: refunds beyond their purchases); usually 0. */
  readonly churnedRefunds: Decimal;
  /** Net revenue in `[start, end)` of the customers who are neither base nor reactivated customers; not in NRR. */
  readonly newCustomerRevenue: Decimal;
  /** Net revenue in `[start, end)` of reactivated customers: not base customers, but ordered before the base window; not in NRR. */
  readonly reactivation: Decimal;
  /** (new + expansion + reactivation) ÷ (contraction + churnedRevenue); `null` when nothing was lost. */
  readonly quickRatio: number | null;
  /** Why `quickRatio` is `null`; `null` when it is a number. */
  readonly quickRatioReason: string | null;
  readonly customers: {
    readonly base: number;
    readonly expanded: number;
    readonly flat: number;
    readonly contracted: number;
    readonly churned: number;
  };
  /** Customers with revenue in `[start, end)` who are neither base nor reactivated customers. */
  readonly newCustomers: number;
  /** Customers with revenue in `[start, end)` who are not base customers but ordered before the base window. */
  readonly reactivatedCustomers: number;
  readonly currency: string | null;
  readonly period: Period;
  readonly basePeriod: Period;
}

/**
 * Net (NRR) and gross (GRR) revenue retention of the customers who paid in the base window.
 *
 * Base customers have net revenue base_i > 0 in `[start − L, start)`; current_i is their net
 * revenue in `[start, end)`. NRR = Σ current_i ÷ Σ base_i; GRR = Σ min(max(current_i, 0), base_i)
 * ÷ Σ base_i (the SaaS definitions, e.g. KeyBanc/Bessemer: expansion counts in NRR only).
 * Bridge: current = base + expansion − contraction − churnedRevenue + churnedRefunds, exact.
 * Revenue of everyone else is `reactivation` when they ordered before the base window, else
 * new (`newCustomerRevenue`). Revenue quick ratio = (new + expansion + reactivation) ÷
 * (contraction + churnedRevenue), after Mamoon Hamid's SaaS quick ratio; `null` when the
 * denominator is 0.
 *
 * @param input - purchases, `{ purchases }`, or a prepared `Ledger`
 * @param options - the period `[start, end)` (UTC) and an optional `baseWindow`
 * @returns the rates (`null` when there is no base revenue), the exact money and the counts
 * @throws {RetentionInputError} when a row is invalid
 * @throws {RetentionOptionsError} when start ≥ end or the base window is not positive
 * @example
 * revenueRetention([{ customerId: "a", at: "2024-01-10", amount: "100" },
 *                   { customerId: "a", at: "2024-02-10", amount: "120" },
 *                   { customerId: "b", at: "2024-01-15", amount: "50" },
 *                   { customerId: "c", at: "2024-02-20", amount: "30" }],
 *                  { start: "2024-02-01", end: "2024-03-01", baseWindow: { months: 1 } })
 * //=> { netRevenueRetention: 0.8, grossRevenueRetention: 0.6667, baseRevenue: Decimal("150"),
 * //     currentRevenue: Decimal("120"), expansion: Decimal("20"), churnedRevenue: Decimal("50"),
 * //     newCustomerRevenue: Decimal("30"), reactivation: Decimal("0"), quickRatio: 1, // (30 + 20 + 0) ÷ (0 + 50)
 * //     customers: { base: 2, expanded: 1, churned: 1, ... }, ... }
 */
export function revenueRetention(input: MetricInput, options: RevenueRetentionOptions): RevenueRetention {
  options = readOptions(options, "revenueRetention");
  const ledger = toLedger(input);
  const { start, end } = readPeriod(options, "revenueRetention");
  const baseStart = windowStart(start, options.baseWindow ?? end - start, "baseWindow");
  const base = revenueByCustomer(ledger, baseStart, start);
  const current = revenueByCustomer(ledger, start, end);
  const before = orderedBefore(ledger, baseStart);
  const units = emptyBridge();
  for (let c = 0; c < base.length; c++) addToBridge(units, base[c]!, current[c]!, before[c] === 1);
  return revenueRetentionResult(units, ledger.moneyScale, ledger.currency, { start, end, baseStart });
}

/**
 * The `RevenueRetention` of a filled bridge (in `10^-moneyScale` units) over `[start, end)`
 * with the base window `[baseStart, start)`.
 */
export function revenueRetentionResult(
  units: RevenueBridge,
  moneyScale: number,
  currency: string | null,
  { start, end, baseStart }: { readonly start: number; readonly end: number; readonly baseStart: number },
): RevenueRetention {
  const money = (value: number): Decimal => unitsToDecimal(value, moneyScale);
  const share = (value: number): number | null => (units.base === 0 ? null : value / units.base);
  return {
    netRevenueRetention: share(units.current),
    grossRevenueRetention: share(units.base - units.contraction - units.churned),
    baseRevenue: money(units.base),
    currentRevenue: money(units.current),
    expansion: money(units.expansion),
    contraction: money(units.contraction),
    churnedRevenue: money(units.churned),
    churnedRefunds: money(units.churnedRefunds),
    newCustomerRevenue: money(units.fresh),
    reactivation: money(units.reactivation),
    ...quickRatio(units.fresh + units.expansion + units.reactivation, units.contraction + units.churned, NO_REVENUE_LOST),
    customers: units.customers,
    newCustomers: units.newCustomers,
    reactivatedCustomers: units.reactivatedCustomers,
    currency,
    period: { start: new Date(start), end: new Date(end) },
    basePeriod: { start: new Date(baseStart), end: new Date(start) },
  };
}

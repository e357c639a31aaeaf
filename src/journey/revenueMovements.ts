import type { Granularity, WeekStartsOn } from "../core/calendar";
import { unitsToDecimal, type Decimal } from "../core/money";
import type { Period } from "../core/period";
import { lowerBound } from "../core/search";
import { readOptions } from "../input/readOptions";
import { toLedger, type MetricInput } from "../input/toLedger";
import { orderedBefore } from "../metrics/orderedBefore";
import { addToBridge, emptyBridge, type RevenueBridge } from "../metrics/revenueBridge";
import { periodGrid, type PeriodSeriesOptions } from "./periodGrid";
import { NO_REVENUE_LOST, quickRatio } from "./quickRatio";
import { fillRevenue, sparseRevenue } from "./sparseRevenue";

/** Options of `revenueMovements`: granularity and `[start, end)`, as `lifecycle`. */
export type RevenueMovementsOptions = PeriodSeriesOptions;

/** One period's revenue movements (exact money), ready for a waterfall from `opening` to `closing`. */
export interface RevenueMovementPeriod {
  /** `2024-01-15`, `2024-W03`, `2024-01`, `2024-Q1` or `2024`. */
  readonly key: string;
  readonly start: Date;
  readonly end: Date;
  /** Net revenue, in the period before, of the customers whose net revenue there was positive. */
  readonly opening: Decimal;
  /** Net revenue of customers who had not ordered before the period before. */
  readonly new: Decimal;
  /** Growth of the opening customers who spent more than in the period before. */
  readonly expansion: Decimal;
  /** Net revenue of customers back after a gap: ordered before the period before, not paying in it. */
  readonly reactivation: Decimal;
  /** Drop of the opening customers who spent less, but still something. */
  readonly contraction: Decimal;
  /** Opening revenue of the customers with no positive revenue now. */
  readonly churned: Decimal;
  /** Net revenue (≤ 0: refunds) of the churned customers now; usually 0. */
  readonly churnedRefunds: Decimal;
  /** Net revenue of the period: opening + new + reactivation + expansion − contraction − churned + churnedRefunds, exactly. */
  readonly closing: Decimal;
  /** (new + expansion + reactivation) ÷ (contraction + churned); `null` when nothing was lost. */
  readonly quickRatio: number | null;
  readonly quickRatioReason: string | null;
  readonly customers: {
    readonly opening: number;
    readonly new: number;
    readonly expanded: number;
    readonly reactivated: number;
    readonly flat: number;
    readonly contracted: number;
    readonly churned: number;
  };
}

/** The revenue movements series, oldest period first. */
export interface RevenueMovements {
  readonly periods: readonly RevenueMovementPeriod[];
  /** The period before the first one, the first period's base. */
  readonly previousPeriod: Period;
  readonly granularity: Granularity;
  readonly weekStartsOn: WeekStartsOn;
  readonly currency: string | null;
}

/**
 * The revenue bridge of each calendar period (UTC) from the one before: `revenueRetention`
 * with the period before as the base window, for every period at once, in one pass over the
 * purchases. Buckets: new, expansion, reactivation, contraction, churned (the SaaS MRR
 * movements, as in Hamid's quick ratio), with the revenue quick ratio
 * (new + expansion + reactivation) ÷ (contraction + churned).
 *
 * @param input - purchases, `{ purchases }`, or a prepared `Ledger`
 * @param options - granularity and `[start, end)` (the whole periods inside it), optional weekStartsOn
 * @returns one entry per period, oldest first, with exact money and the customers behind each bucket
 * @throws {RetentionInputError} when a row is invalid
 * @throws {RetentionOptionsError} on an unknown granularity, a bad date, start ≥ end or more than 100,000 periods
 * @example
 * revenueMovements([{ customerId: "a", at: "2024-01-10", amount: "100" },
 *                   { customerId: "a", at: "2024-02-10", amount: "120" },
 *                   { customerId: "b", at: "2024-01-15", amount: "50" },
 *                   { customerId: "c", at: "2024-02-20", amount: "30" }],
 *                  { granularity: "month", start: "2024-02-01", end: "2024-03-01" }).periods[0]
 * //=> { key: "2024-02", opening: Decimal("150"), new: Decimal("30"), expansion: Decimal("20"),
 * //     churned: Decimal("50"), closing: Decimal("150"), quickRatio: 1, ... } // (30 + 20) ÷ 50
 */
export function revenueMovements(input: MetricInput, options: RevenueMovementsOptions): RevenueMovements {
  options = readOptions(options, "revenueMovements");
  const ledger = toLedger(input);
  const grid = periodGrid(options, "revenueMovements");
  const { bounds, keys } = grid;
  const { at, customer, orderStart } = ledger.purchases;
  const row = Array.from(bounds, (bound) => lowerBound(at, bound));
  const seen = orderedBefore(ledger, bounds[0]!);
  let previous = sparseRevenue(ledger.customerIds.length);
  let current = sparseRevenue(ledger.customerIds.length);
  fillRevenue(previous, ledger, row[0]!, row[1]!);
  const money = (units: number): Decimal => unitsToDecimal(units, ledger.moneyScale);
  const periods = keys.map((key, i): RevenueMovementPeriod => {
    const p = i + 1;
    fillRevenue(current, ledger, row[p]!, row[p + 1]!);
    const bridge = emptyBridge();
    for (let j = 0; j < previous.count; j++) {
      const c = previous.listed[j]!;
      addToBridge(bridge, previous.units[c]!, current.units[c]!, seen[c] === 1);
    }
    for (let j = 0; j < current.count; j++) {
      const c = current.listed[j]!;
      if (previous.isListed[c] === 0) addToBridge(bridge, 0, current.units[c]!, seen[c] === 1);
    }
    for (let k = row[p - 1]!; k < row[p]!; k++) if (orderStart[k] === 1) seen[customer[k]!] = 1;
    [previous, current] = [current, previous];
    return movement(key, bounds[p]!, bounds[p + 1]!, bridge, money);
  });
  return {
    periods,
    previousPeriod: { start: new Date(bounds[0]!), end: new Date(bounds[1]!) },
    granularity: grid.granularity,
    weekStartsOn: grid.weekStartsOn,
    currency: ledger.currency,
  };
}

function movement(key: string, start: number, end: number, b: RevenueBridge, money: (units: number) => Decimal): RevenueMovementPeriod {
  return {
    key,
    start: new Date(start),
    end: new Date(end),
    opening: money(b.base),
    new: money(b.fresh),
    expansion: money(b.expansion),
    reactivation: money(b.reactivation),
    contraction: money(b.contraction),
    churned: money(b.churned),
    churnedRefunds: money(b.churnedRefunds),
    closing: money(b.current + b.fresh + b.reactivation),
    ...quickRatio(b.fresh + b.expansion + b.reactivation, b.contraction + b.churned, NO_REVENUE_LOST),
    customers: {
      opening: b.customers.base,
      new: b.newCustomers,
      expanded: b.customers.expanded,
      reactivated: b.reactivatedCustomers,
      flat: b.customers.flat,
      contracted: b.customers.contracted,
      churned: b.customers.churned,
    },
  };
}

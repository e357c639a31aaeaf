import { rateOption } from "../clv/readMoneyOption";
import { Decimal, unitsToDecimal, ZERO, type MoneyInput } from "../core/money";
import { readPeriod, windowStart, type Period, type PeriodOptions } from "../core/period";
import { lowerBound } from "../core/search";
import type { DurationInput } from "../core/time";
import { printValue } from "../input/describeValue";
import { RetentionOptionsError } from "../input/errors";
import { readOptions } from "../input/readOptions";
import { toLedger, type MetricInput } from "../input/toLedger";
import { activeCustomers } from "../metrics/activeCustomers";
import { costGroups, type SpendGroup } from "./costGroups";
import { marginOf, periodFigures } from "./periodFigures";

/** How program-level costs (no `customerId`) are shared among the period's active customers. */
export type SpendAllocation = "active" | "revenue";

/** Options of `retentionSpend`. */
export interface RetentionSpendOptions extends PeriodOptions {
  /** Split the spend by the costs' `program` or `channel`. */
  readonly by?: "program" | "channel" | undefined;
  /** `"active"` (default): equal shares per active customer; `"revenue"`: shares of the period's revenue. */
  readonly allocation?: SpendAllocation | undefined;
  /** Gross-margin fraction in [0, 1] for purchase rows without `cost`; without it such rows leave the margin `null`. */
  readonly margin?: MoneyInput | undefined;
  /** As in `retentionRate`: how far back an order keeps a customer active. Default: the period's length. */
  readonly activeWindow?: DurationInput | undefined;
}

/** Retention spend of a period, with the counts and money it came from. */
export interface RetentionSpend {
  readonly period: Period;
  readonly allocation: SpendAllocation;
  /** Cost rows in the period. */
  readonly costCount: number;
  /** Σ cost amounts in `[start, end)`, exact. */
  readonly totalSpend: Decimal;
  /** Spend on named customers of the ledger. */
  readonly customerSpend: Decimal;
  /** Spend without `customerId`, allocated by `allocation`. */
  readonly programLevelSpend: Decimal;
  /** Spend on customer ids with no purchase or event in the ledger: in the total, never allocated. */
  readonly unknownCustomerSpend: Decimal;
  /** Customers active at the start, with an order in the period, or active at the end. */
  readonly activeCount: number;
  /** Active at the start and at the end (`retentionRate`'s |S ∩ E|). */
  readonly retainedCount: number;
  /** totalSpend ÷ activeCount. */
  readonly spendPerActiveCustomer: Decimal | null;
  /** totalSpend ÷ retainedCount: what the period's spend cost per customer kept. */
  readonly spendPerRetainedCustomer: Decimal | null;
  /** Spend on retained customers: their own costs plus their allocated share of program-level costs. */
  readonly retainedCustomerSpend: Decimal | null;
  /** Net revenue of the period (refunds included). */
  readonly revenue: Decimal;
  /** Gross margin of the period: Σ(amount − cost) where a purchase has a cost, else `margin` × amount. */
  readonly grossMargin: Decimal | null;
  /** totalSpend ÷ revenue. */
  readonly shareOfRevenue: number | null;
  /** totalSpend ÷ grossMargin. */
  readonly shareOfMargin: number | null;
  /** One row per program or channel (`key` null for costs without one), when `by` is given; else empty. */
  readonly groups: readonly SpendGroup[];
  /** Why each `null` figure is null, by figure name. */
  readonly reasons: Readonly<Record<string, string>>;
}

/**
 * What a business spends on keeping its customers in `[start, end)`: the sum of its `costs`, per
 * active and per retained customer, as a share of revenue and margin, and per program or channel.
 *
 * spendPerActiveCustomer = Σ spend ÷ |active|, spendPerRetainedCustomer = Σ spend ÷ |S ∩ E|,
 * shareOfRevenue = Σ spend ÷ revenue, shareOfMargin = Σ spend ÷ gross margin. Active and retained
 * follow `retentionRate` (S, E: active at start and end). Program-level costs are allocated to the
 * active customers in equal shares (or by revenue): that decides `retainedCustomerSpend`. Sums
 * are exact; divisions carry 40 significant digits. See docs/programs.md, "Retention spend".
 *
 * @param input - `{ purchases, events?, costs }` or a `Ledger`
 * @param options - the period, and optional `by`, `allocation`, `margin`, `activeWindow`
 * @returns totals, per-customer figures, shares and groups; undefined figures are `null` with a reason
 * @throws {RetentionInputError} when a row is invalid
 * @throws {RetentionOptionsError} naming a bad period, `by`, `allocation`, `margin` or window
 * @example
 * retentionSpend({
 *   purchases: [{ customerId: "a", at: "2024-01-05", amount: "100" }, { customerId: "b", at: "2024-01-09", amount: "50" }],
 *   costs: [{ customerId: "a", at: "2024-01-02", amount: "4" }, { at: "2024-01-03", amount: "6", program: "club" }],
 * }, { start: "2024-01-01", end: "2024-02-01", margin: 0.4 })
 * //=> { totalSpend: Decimal("10"), activeCount: 2, spendPerActiveCustomer: Decimal("5"), shareOfRevenue: 0.0666…, shareOfMargin: 0.1666…, ... }
 */
export function retentionSpend(input: MetricInput, options: RetentionSpendOptions): RetentionSpend {
  options = readOptions(options, "retentionSpend");
  const ledger = toLedger(input);
  const { start, end } = readPeriod(options, "retentionSpend");
  const by = options.by;
  if (by !== undefined && by !== "program" && by !== "channel") throw new RetentionOptionsError("by", `expected "program" or "channel", found ${printValue(by)}`);
  const allocation = options.allocation ?? "active";
  if (allocation !== "active" && allocation !== "revenue") throw new RetentionOptionsError("allocation", `expected "active" or "revenue", found ${printValue(allocation)}`);
  const rate = options.margin === undefined ? null : rateOption("margin", options.margin, { min: 0, max: 1 });
  const window = options.activeWindow ?? end - start;
  const atStart = activeCustomers(ledger, start, windowStart(start, window));
  const atEnd = activeCustomers(ledger, end, windowStart(end, window));
  const figures = periodFigures(ledger, start, end);
  const scale = ledger.moneyScale;

  let activeCount = 0;
  let retainedCount = 0;
  let revenueUnits = 0;
  let costedUnits = 0;
  let uncostedUnits = 0;
  let activeRevenueUnits = 0;
  let retainedRevenueUnits = 0;
  const active = new Uint8Array(atStart.length);
  const retainedFlags = new Uint8Array(atStart.length);
  for (let c = 0; c < atStart.length; c++) {
    revenueUnits += figures.revenueUnits[c]!;
    costedUnits += figures.costedMarginUnits[c]!;
    uncostedUnits += figures.uncostedUnits[c]!;
    if (atStart[c] === 1 || atEnd[c] === 1 || figures.orders[c]! > 0) {
      active[c] = 1;
      activeCount++;
      activeRevenueUnits += figures.revenueUnits[c]!;
    }
    if (atStart[c] === 1 && atEnd[c] === 1) {
      retainedFlags[c] = 1;
      retainedCount++;
      retainedRevenueUnits += figures.revenueUnits[c]!;
    }
  }

  const { costs } = ledger;
  const first = lowerBound(costs.at, start);
  const last = lowerBound(costs.at, end);
  let customerUnits = 0;
  let programUnits = 0;
  let unknownUnits = 0;
  let retainedDirectUnits = 0;
  for (let k = first; k < last; k++) {
    const c = costs.customer[k]!;
    const units = costs.amountUnits[k]!;
    if (c >= 0) {
      customerUnits += units;
      if (retainedFlags[c] === 1) retainedDirectUnits += units;
    } else if (c === -1) programUnits += units;
    else unknownUnits += units;
  }
  const totalUnits = customerUnits + programUnits + unknownUnits;
  const totalSpend = unitsToDecimal(totalUnits, scale);
  const programLevelSpend = unitsToDecimal(programUnits, scale);
  const reasons: Record<string, string> = {};
  const per = (name: string, count: number, what: string): Decimal | null => {
    if (count > 0) return totalSpend.div(count);
    reasons[name] = `no ${what} customers in the period`;
    return null;
  };
  const revenue = unitsToDecimal(revenueUnits, scale);
  const grossMargin = marginOf(costedUnits, uncostedUnits, figures.rowsWithoutCost, rate, scale);
  if (grossMargin === null) reasons.grossMargin = `${figures.rowsWithoutCost} purchase rows have no cost and no margin option was given`;
  const share = (name: string, base: Decimal | null): number | null => {
    if (base !== null && base.gt(0)) return totalSpend.div(base).toNumber();
    reasons[name] ??= base === null ? "the gross margin is undefined" : `the period's ${name === "shareOfRevenue" ? "revenue" : "gross margin"} is not positive`;
    return null;
  };
  const retainedDirect = unitsToDecimal(retainedDirectUnits, scale);
  const retainedShare = programUnits === 0 ? ZERO : allocatedShare(allocation, retainedCount, activeCount, retainedRevenueUnits, activeRevenueUnits);
  if (retainedShare === null) reasons.retainedCustomerSpend = allocation === "active" ? "no active customers to allocate program-level costs to" : "the active customers' revenue is not positive";
  return {
    period: { start: new Date(start), end: new Date(end) },
    allocation,
    costCount: last - first,
    totalSpend,
    customerSpend: unitsToDecimal(customerUnits, scale),
    programLevelSpend,
    unknownCustomerSpend: unitsToDecimal(unknownUnits, scale),
    activeCount,
    retainedCount,
    spendPerActiveCustomer: per("spendPerActiveCustomer", activeCount, "active"),
    spendPerRetainedCustomer: per("spendPerRetainedCustomer", retainedCount, "retained"),
    retainedCustomerSpend: retainedShare === null ? null : retainedDirect.plus(programLevelSpend.times(retainedShare)),
    revenue,
    grossMargin,
    shareOfRevenue: share("shareOfRevenue", revenue),
    shareOfMargin: share("shareOfMargin", grossMargin),
    groups: by === undefined ? [] : costGroups(ledger, by, first, last, active, activeCount),
    reasons,
  };
}

/**
 * The retained customers' share of program-level costs: retained ÷ active customers (`"active"`),
 * or their revenue ÷ the active customers' revenue (`"revenue"`); `null` when the base is not positive.
 */
function allocatedShare(allocation: SpendAllocation, retained: number, active: number, retainedRevenue: number, activeRevenue: number): Decimal | null {
  if (allocation === "active") return active === 0 ? null : new Decimal(retained).div(active);
  return activeRevenue > 0 ? new Decimal(retainedRevenue).div(activeRevenue) : null;
}

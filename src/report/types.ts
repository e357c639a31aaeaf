import type { Decimal } from "../core/money";
import type { Period } from "../core/period";
import type { RetentionRate } from "../metrics/retentionRate";
import type { RevenueRetention } from "../metrics/revenueRetention";

/** The version of the report's JSON shape; it changes only when a field changes meaning or moves. */
export const KPI_REPORT_SCHEMA_VERSION = 1;

/** A section that could not be computed: the data or the function it needs is absent. */
export interface UnavailableSection {
  readonly available: false;
  /** Why, in words a reader can act on ("no surveys given", "the BG/NBD fit did not converge: …"). */
  readonly reason: string;
}

/** A section that is either computed (`available: true` plus its fields) or says why not. */
export type ReportSection<T> = ({ readonly available: true } & T) | UnavailableSection;

/** Change of a figure against the previous period; `null` where either side is undefined. */
export interface KpiChange {
  /** current − previous (rates: in rate units, so 0.05 is five points). */
  readonly absolute: number | null;
  /** (current − previous) ÷ |previous|; `null` when previous is 0 or undefined. */
  readonly relative: number | null;
}

/** Change of a money figure, exact. */
export interface KpiMoneyChange {
  readonly absolute: Decimal | null;
  readonly relative: number | null;
}

/**
 * Whether a change against the previous period is larger than sampling noise, at 95%
 * (`compareRates` for rates of customers, `compareNps` for NPS; docs/report.md, "Significance").
 */
export interface KpiSignificance {
  /** true: significant (two-sided p < 0.05); false: within noise; null: not tested, see `reason`. */
  readonly significant: boolean | null;
  /** Two-sided p-value of the test; null when no test was computed. */
  readonly pValue: number | null;
  /** 95% interval of the change (rates in rate units, NPS in points); null when no test was computed. */
  readonly interval: readonly [number, number] | null;
  /** Why `significant` is null (not a proportion, no previous period, samples too small); null when decided. */
  readonly reason: string | null;
}

/** The period kinds `kpiReport` accepts. */
export type ReportPeriodKind = "month" | "quarter" | "year" | "custom";

/** The period reported and the equal period before it. */
export interface ReportPeriod {
  readonly kind: ReportPeriodKind;
  readonly current: Period;
  readonly previous: Period;
  /** False when no record falls before `previous.end`: the previous figures are then `null`. */
  readonly previousHasData: boolean;
}

/** Size and time span of the data the report was built from. */
export interface ReportData {
  readonly customers: number;
  readonly purchases: number;
  readonly orders: number;
  readonly events: number;
  readonly surveys: number;
  readonly firstPurchase: Date | null;
  readonly lastPurchase: Date | null;
}

/** Activity KPIs of one period. */
export interface ActivityKpis {
  /** Customers with at least one order in the period. */
  readonly customers: number;
  /** Customers whose first activity (first order or signup) falls in the period. */
  readonly newCustomers: number;
  readonly orders: number;
  /** Net revenue (refunds included), exact. */
  readonly revenue: Decimal;
  readonly averageOrderValue: Decimal | null;
  readonly purchaseFrequency: number | null;
  readonly repeatPurchaseRate: number | null;
  /** Customers with at least two orders in the period: the numerator of `repeatPurchaseRate` (`customers` is its denominator). */
  readonly repeatCustomers: number;
}

/** Activity of the period, the previous period and the change. */
export interface ActivitySection extends ActivityKpis {
  readonly previous: ActivityKpis | null;
  readonly change: {
    readonly customers: KpiChange;
    readonly newCustomers: KpiChange;
    readonly orders: KpiChange;
    readonly revenue: KpiMoneyChange;
    readonly averageOrderValue: KpiMoneyChange;
    readonly purchaseFrequency: KpiChange;
    readonly repeatPurchaseRate: KpiChange;
  };
  /** One verdict per change: only `repeatPurchaseRate` is a proportion; the others say why they are not tested. */
  readonly significance: {
    readonly customers: KpiSignificance;
    readonly newCustomers: KpiSignificance;
    readonly orders: KpiSignificance;
    readonly revenue: KpiSignificance;
    readonly averageOrderValue: KpiSignificance;
    readonly purchaseFrequency: KpiSignificance;
    readonly repeatPurchaseRate: KpiSignificance;
  };
}

/** Customer retention of one period (see `retentionRate`; the period is the report's). */
export type RetentionKpis = Omit<RetentionRate, "period">;

/** Retention of the period, the previous period and the change. */
export interface RetentionSection extends RetentionKpis {
  readonly previous: RetentionKpis | null;
  readonly change: { readonly rate: KpiChange; readonly churnRate: KpiChange; readonly crr: KpiChange };
  /** `rate` and `churnRate` are tested (one test: the same counts); `crr` is not a proportion. */
  readonly significance: { readonly rate: KpiSignificance; readonly churnRate: KpiSignificance; readonly crr: KpiSignificance };
}

/** Net and gross revenue retention of one period (see `revenueRetention`). */
export type RevenueRetentionKpis = Pick<
  RevenueRetention,
  | "netRevenueRetention"
  | "grossRevenueRetention"
  | "baseRevenue"
  | "currentRevenue"
  | "expansion"
  | "contraction"
  | "churnedRevenue"
  | "newCustomerRevenue"
  | "reactivation"
  | "customers"
>;

/** Revenue retention of the period, the previous period and the change. */
export interface RevenueRetentionSection extends RevenueRetentionKpis {
  readonly previous: RevenueRetentionKpis | null;
  readonly change: { readonly netRevenueRetention: KpiChange; readonly grossRevenueRetention: KpiChange };
  /** Ratios of money, not proportions of customers: not tested, with the reason. */
  readonly significance: { readonly netRevenueRetention: KpiSignificance; readonly grossRevenueRetention: KpiSignificance };
}

/** Net Promoter Score of the survey responses in one period (see `nps`). */
export interface NpsKpis {
  readonly score: number | null;
  readonly responses: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  readonly marginOfError: number | null;
}

/** NPS of the period, the previous period and the change. */
export interface NpsSection extends NpsKpis {
  readonly previous: NpsKpis | null;
  readonly change: { readonly score: KpiChange };
  readonly significance: { readonly score: KpiSignificance };
}

/** CSAT of the answers in one period (see `csat`). */
export interface CsatKpis {
  readonly satisfiedShare: number | null;
  readonly mean: number | null;
  readonly responses: number;
  readonly satisfied: number;
  readonly confidenceInterval: readonly [number, number] | null;
}

/** CES of the answers in one period (see `ces`). */
export interface CesKpis {
  readonly mean: number | null;
  readonly easyShare: number | null;
  readonly responses: number;
  readonly easy: number;
  readonly confidenceInterval: readonly [number, number] | null;
}

/** CSAT and CES of the period and the previous one; a kind the data does not hold is `null`. */
export interface SatisfactionSection {
  readonly csat: (CsatKpis & { readonly previous: CsatKpis; readonly change: { readonly satisfiedShare: KpiChange } }) | null;
  readonly ces: (CesKpis & { readonly previous: CesKpis; readonly change: { readonly mean: KpiChange } }) | null;
}

/** One row of the report's "Follow up first" table (see `followUps`). */
export interface FollowUpRow {
  readonly customerId: string;
  readonly kind: "nps" | "csat" | "ces";
  readonly score: number;
  readonly at: Date;
  readonly daysSince: number;
  readonly valueAtStake: Decimal;
  readonly orderedSince: boolean;
  readonly defectionStatus: "active" | "at_risk" | "defected" | null;
}

/** The customers to call back first: unhappy latest answers in the 90 days before `asOf`, by trailing 12-month revenue. */
export interface FollowUpSection {
  readonly windowDays: number;
  readonly customersAnswered: number;
  readonly unhappyCustomers: number;
  readonly top: readonly FollowUpRow[];
}

/** One earning cohort of the report's points section (the latest 12). */
export interface PointsCohortRow {
  readonly cohort: string;
  readonly earned: number;
  readonly redeemed: number;
  readonly expired: number;
  readonly outstanding: number;
  readonly redemptionRate: number | null;
  /** Observed (closed cohort) or chain-ladder estimated (open cohort) breakage; `null` when it cannot be estimated. */
  readonly breakage: number | null;
  readonly breakageKind: "observed" | "estimated" | null;
}

/** Points outstanding at `asOf`, their liability and breakage (see `pointsLedger`, `breakage`), when the events hold points events. */
export interface PointsSection {
  readonly customers: number;
  readonly earned: number;
  readonly redeemed: number;
  readonly expired: number;
  readonly outstanding: number;
  /** The `pointValue` option; `null` when not given. */
  readonly pointValue: Decimal | null;
  /** outstanding × pointValue; `null` without `pointValue` (see `liabilityReason`). */
  readonly liability: Decimal | null;
  readonly liabilityReason: string | null;
  /** Outstanding points expiring within 30, 60 and 90 days; `null` without `pointsExpiry`. */
  readonly expiring: readonly { readonly days: number; readonly points: number }[] | null;
  readonly redemptionRate: number | null;
  readonly observedBreakage: number | null;
  readonly estimatedBreakage: number | null;
  readonly cohorts: readonly PointsCohortRow[];
}

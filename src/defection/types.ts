import type { Decimal } from "../core/money";
import type { DateInput } from "../core/time";

/** Where a customer stands: still buying, drifting away, or gone. */
export type DefectionStatus = "active" | "at_risk" | "defected";

/** The reasons the default rules give, in their order of precedence, plus `none`. */
export type DefaultDefectionReason =
  | "cancelled"
  | "missed_appointment"
  | "not_returning_for_service"
  | "no_repurchase"
  | "lapsed_first_time_buyer"
  | "none";

/** What a rule decides for one customer: a status, a reason, and when the status began. */
export interface DefectionVerdict {
  readonly status: DefectionStatus;
  /** A default reason or any non-empty name a custom rule gives. */
  readonly reason: string;
  /** When the customer crossed the threshold that gave the status; `null` when there is none. */
  readonly since: Date | null;
}

/** One customer's classification as of `asOf`. */
export interface DefectionClassification extends DefectionVerdict {
  readonly customerId: string;
  /** The last order or event at or before `asOf`. */
  readonly lastActivity: Date;
  /** The gap (days) the deciding rule measured against, else the customer's expected order gap; `null` when none applies. */
  readonly expectedGapDays: number | null;
  /** (asOf − lastActivity) in days (fractional). */
  readonly daysSinceLastActivity: number;
  /** Net revenue in the 365 days ending at the last order (see docs/defections.md); 0 without orders. */
  readonly annualValue: Decimal;
  /** `annualValue` when at risk, else 0. */
  readonly valueAtRisk: Decimal;
  /** `annualValue` when defected, else 0. */
  readonly unrealizedValue: Decimal;
}

/** A purchase row of a customer's history, as custom rules see it. */
export interface DefectionHistoryPurchase {
  readonly at: Date;
  /** Net amount; negative for a refund. */
  readonly amount: Decimal;
  /** True when the row opens an order (refunds and later lines of an `orderId` do not). */
  readonly opensOrder: boolean;
  readonly orderId: string | null;
}

/** An event of a customer's history, as custom rules see it. */
export interface DefectionHistoryEvent {
  readonly at: Date;
  readonly type: string;
}

/** Everything a custom rule knows about one customer, limited to rows at or before `asOf`. */
export interface DefectionHistory {
  readonly customerId: string;
  /** Purchase rows in time order. */
  readonly purchases: readonly DefectionHistoryPurchase[];
  /** Events in time order. */
  readonly events: readonly DefectionHistoryEvent[];
  /** Distinct UTC days with an order (same-day orders are one visit), as midnights. */
  readonly visits: readonly Date[];
  /** Number of orders (not visits). */
  readonly orders: number;
  readonly lastOrder: Date | null;
  readonly lastActivity: Date;
  /** The customer's median gap between visits (days, after `minGapDays`), or `null` with fewer than 2 visits. */
  readonly medianGapDays: number | null;
  readonly annualValue: Decimal;
}

/** The thresholds every rule reads, with their defaults filled in. */
export interface ResolvedDefectionThresholds {
  readonly atRiskAfter: number;
  readonly defectedAfter: number;
  readonly minGapDays: number;
  readonly missedAppointmentGrace: number;
}

/** What a custom rule knows about the population. */
export interface DefectionRuleContext {
  readonly asOf: Date;
  /** Median over repeat buyers of their own median gap between visits (days); `null` when nobody has 2 visits. */
  readonly populationMedianGapDays: number | null;
  /** Customers with any order or event at or before `asOf`. */
  readonly customers: number;
  /** Customers with at least two visits. */
  readonly repeatCustomers: number;
  readonly thresholds: ResolvedDefectionThresholds;
}

/**
 * A custom rule: returns a verdict to decide the customer's status, or `null` to pass the
 * customer on to the next rule. Custom rules run in order, before the default rules.
 */
export type DefectionRule = (history: DefectionHistory, context: DefectionRuleContext) => DefectionVerdict | null;

/** Multipliers and grace of the default rules. */
export interface DefectionThresholds {
  /** At risk once the time since the last visit exceeds this many expected gaps. Default 1.5. */
  readonly atRiskAfter?: number | undefined;
  /** Defected once the time since the last visit exceeds this many expected gaps. Default 3. */
  readonly defectedAfter?: number | undefined;
  /** Gaps shorter than this many days count as this many. Default 7. */
  readonly minGapDays?: number | undefined;
  /** Days after a missed appointment during which the customer is at risk, not defected. Default 30. */
  readonly missedAppointmentGrace?: number | undefined;
}

/** Options of `classifyDefections`. */
export interface ClassifyDefectionsOptions {
  /** The instant of the classification; rows after it are ignored. */
  readonly asOf: DateInput;
  /** Custom rules, run in order before the default rules. */
  readonly rules?: readonly DefectionRule[] | undefined;
  readonly thresholds?: DefectionThresholds | undefined;
}

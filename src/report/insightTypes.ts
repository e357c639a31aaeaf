import type { Decimal } from "../core/money";
import type { Period } from "../core/period";
import type { DefectionStatus } from "../defection/types";
import type { LtvTier } from "../segments/ltvTierSummary";
import type { ReportSection } from "./types";
import type { ReportCustomerEquity } from "./equitySection";

/** One row of the monthly cohort table (customers measure). */
export interface ReportCohortRow {
  /** `2024-01`: the month of the cohort's first activity. */
  readonly key: string;
  readonly start: Date;
  readonly size: number;
  /** Returning customers per month offset 0 … (at most `maxOffsets`), observed months only. */
  readonly values: readonly number[];
  readonly rates: readonly (number | null)[];
}

/** The monthly cohort table and its average retention curve. */
export interface CohortSection {
  readonly granularity: "month";
  readonly maxCohorts: number;
  readonly maxOffsets: number;
  /** Cohorts in the data; only the latest `maxCohorts` are shown and averaged. */
  readonly totalCohorts: number;
  readonly cohorts: readonly ReportCohortRow[];
  readonly curve: readonly { readonly offset: number; readonly rate: number | null; readonly cohorts: number; readonly customers: number }[];
}

/** Historical CLV: what customers have been worth so far. */
export interface HistoricalClvKpis {
  readonly customers: number;
  readonly totalRevenue: Decimal;
  readonly averageRevenue: Decimal | null;
  readonly totalMargin: Decimal | null;
  readonly averageMargin: Decimal | null;
  readonly averageOrders: number | null;
}

/** A fitted model's summary. */
export interface ReportModelFit {
  readonly model: string;
  readonly params: Readonly<Record<string, number>>;
  readonly logLikelihood: number;
  readonly converged: boolean;
  readonly iterations: number;
  readonly observations: number;
}

/** One customer's predicted value. */
export interface ReportPredictedCustomer {
  readonly customerId: string;
  readonly clv: Decimal;
  readonly probabilityAlive: number;
  readonly expectedPurchases: number;
  /** The customer's defection status at asOf (`null` when the defection section is absent). */
  readonly defectionStatus: DefectionStatus | null;
}

/** Predicted CLV from BG/NBD + Gamma-Gamma. */
export interface PredictedClvKpis {
  readonly timeUnit: "day" | "week";
  /** Horizon, in `timeUnit`s. */
  readonly horizon: number;
  /** Discount rate per `timeUnit`. */
  readonly discountRate: number;
  /** The L2 penalty both fits used (0: none). */
  readonly penalizer: number;
  readonly customers: number;
  readonly totalClv: Decimal;
  readonly averageClv: Decimal | null;
  readonly averageProbabilityAlive: number | null;
  readonly expectedPurchases: number;
  /** The total CLV's 90% interval from the models' parameter uncertainty, and its prediction interval (docs/clv.md, "Intervals on CLV"); absent from reports before issue 17. */
  readonly totalClvInterval?: ReportClvInterval;
  readonly bgNbd: ReportModelFit;
  readonly gammaGamma: ReportModelFit;
  readonly topCustomers: readonly ReportPredictedCustomer[];
  /** With the `model: "auto"` option: the transaction model the predictions used (absent otherwise: then it is `bgNbd`). */
  readonly transactionModel?: ReportModelFit;
  /** With the `model: "auto"` option: which model was picked, by what and why (absent otherwise). */
  readonly modelChoice?: ReportModelChoice;
}

/** A transaction model the report may pick (`model: "auto"`). */
export type ReportTransactionModelName = "bg-nbd" | "mbg-nbd" | "pareto-nbd";

/** One candidate of the report's model choice, with the figures it was judged on. */
export interface ReportModelCandidate {
  readonly model: ReportTransactionModelName;
  /** ln L of the fit on all customers (without the penalty); `null` when that fit failed. */
  readonly logLikelihood: number | null;
  /** k ln n − 2 ln L on all customers (k = 4, n customers; Schwarz 1978); `null` when the fit failed. */
  readonly bic: number | null;
  /** Mean absolute error of the holdout transactions per customer, the model fitted on the calibration period; `null` without a holdout or when that fit failed. */
  readonly holdoutMae: number | null;
  /** Why a figure is `null`, or `null`. */
  readonly reason: string | null;
}

/** How the report picked its transaction model (`model: "auto"`; docs/report.md, "Choosing the model"). */
export interface ReportModelChoice {
  readonly chosen: ReportTransactionModelName;
  /** `holdoutMae` when the data has a holdout (the Model fit section's split) and a model could be scored on it, else `bic`. */
  readonly criterion: "holdoutMae" | "bic";
  /** The calibration and holdout periods, with `holdoutMae`; `null` with `bic`. */
  readonly calibration: Period | null;
  readonly holdout: Period | null;
  /** One sentence: which model and why. */
  readonly reason: string;
  readonly candidates: readonly ReportModelCandidate[];
}

/** An interval on the report's total CLV: bounds `null` with the `reason` when the fits give no covariance. */
export interface ReportClvInterval {
  readonly level: number;
  readonly draws: number;
  readonly seed: number;
  /** Parameter uncertainty only. */
  readonly low: Decimal | null;
  readonly high: Decimal | null;
  /** Parameter uncertainty plus the purchases' Poisson-type process variance. */
  readonly predictionLow: Decimal | null;
  readonly predictionHigh: Decimal | null;
  readonly reason: string | null;
}

/** Historical and predicted CLV. */
export interface ClvSection {
  readonly historical: ReportSection<HistoricalClvKpis>;
  readonly predicted: ReportSection<PredictedClvKpis>;
  /** What the customer base is worth (`customerEquity`; absent from reports made before issue 15). */
  readonly equity?: ReportSection<ReportCustomerEquity>;
}

/** One defection reason. */
export interface ReportDefectionReason {
  readonly reason: string;
  readonly customers: number;
  readonly shareOfDefected: number | null;
  readonly unrealizedValue: Decimal;
  readonly shareOfUnrealized: number | null;
}

/** One at-risk customer. */
export interface ReportAtRiskCustomer {
  readonly customerId: string;
  readonly reason: string;
  readonly valueAtRisk: Decimal;
  readonly daysSinceLastActivity: number;
  /** The BG/NBD model's P(alive) of the customer (`null` when predicted CLV is absent). */
  readonly probabilityAlive: number | null;
  /** valueAtRisk × margin: the most a successful save of this customer may cost (`saveBudget`). */
  readonly saveBudgetPerSave?: Decimal;
  /** saveBudgetPerSave × saveRate: the most worth spending on an attempt; `null` without the `saveRate` option. */
  readonly saveBudgetPerAttempt?: Decimal | null;
}

/** The save budget of the whole at-risk list (`saveBudget` on the defection report; docs/programs.md, "Save budget"). */
export interface ReportSaveBudget {
  /** The `saveRate` option; `null` when it was not given (then `perAttempt` is `null`). */
  readonly saveRate: number | null;
  /** The `margin` option, else 1 (value at risk taken as margin). */
  readonly margin: number;
  /** atRiskValue × margin: the most worth spending to save every at-risk customer, were each saved. */
  readonly perSave: Decimal;
  /** perSave × saveRate: the most worth spending on an attempt at every at-risk customer. */
  readonly perAttempt: Decimal | null;
}

/** The defection report at `asOf`. */
export interface DefectionSection {
  readonly customers: number;
  readonly active: number;
  readonly atRisk: number;
  readonly defected: number;
  readonly defectionRate: number | null;
  readonly atRiskValue: Decimal;
  readonly unrealizedValue: Decimal;
  readonly byReason: readonly ReportDefectionReason[];
  readonly topAtRisk: readonly ReportAtRiskCustomer[];
  /** What saving the at-risk customers is worth (absent from reports made before issue 15). */
  readonly saveBudget?: ReportSaveBudget;
}

/** One lifetime-value tier (see `ltvSegments`). */
export type ReportLtvTier = LtvTier;

/** Revenue concentration: the share of value held by the top customers, and the Gini index. */
export interface ReportConcentration {
  readonly top1PctShare: number | null;
  readonly top10PctShare: number | null;
  readonly top20PctShare: number | null;
  readonly gini: number | null;
}

/** LTV tiers by revenue, Pareto method. */
export interface LtvTiersKpis {
  readonly by: "revenue";
  readonly method: "pareto";
  readonly share: number;
  readonly tiers: readonly ReportLtvTier[];
  readonly concentration: ReportConcentration;
}

/** One of the most lucrative loyal customers. */
export interface ReportLoyalCustomer {
  readonly customerId: string;
  readonly value: Decimal;
  readonly orders: number;
  readonly shareOfRevenue: number | null;
}

/** The most lucrative loyal customers. */
export interface LoyalCustomersKpis {
  readonly count: number;
  readonly shareOfCustomers: number | null;
  readonly shareOfRevenue: number | null;
  readonly top: readonly ReportLoyalCustomer[];
}

/** LTV tiers and loyal customers. */
export interface SegmentSection {
  readonly ltvTiers: ReportSection<LtvTiersKpis>;
  readonly loyalCustomers: ReportSection<LoyalCustomersKpis>;
}

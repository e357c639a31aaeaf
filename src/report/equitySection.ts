import { futureCohorts, retentionBase, type CurrentEquity, type EquitySettings, type FutureEquity } from "../clv/customerEquity";
import type { Ledger } from "../input/ledger";
import { integerOption, nestedOptions, numberOption } from "../input/optionReaders";
import { RetentionOptionsError } from "../input/errors";
import type { PredictedClvKpis } from "./insightTypes";
import type { ReportSection } from "./types";
import type { Decimal } from "../core/money";

/** The report's customer-equity options (`kpiReport`'s `equity`). */
export interface EquityReportOptions {
  /** Yearly retention assumption in [0, 1): values the base when predicted CLV is absent, and the future cohorts. */
  readonly retentionRate?: number | undefined;
  /** Yearly cohorts to add (1–100); left out: the current base only. */
  readonly futureCohorts?: number | undefined;
  /** Customers acquired per year; default: the mean of the recent cohorts. */
  readonly acquisitionsPerYear?: number | undefined;
  /** Recent yearly cohorts the averages read (default 2). */
  readonly recentCohorts?: number | undefined;
}

/** Customer equity as the report's CLV section shows it (see `customerEquity`). */
export interface ReportCustomerEquity {
  readonly horizonYears: number;
  readonly annualDiscountRate: number;
  readonly margin: number;
  readonly current: CurrentEquity;
  /** `null` without `futureCohorts`, or when it cannot be computed (see `futureReason`). */
  readonly future: FutureEquity | null;
  readonly futureReason: string | null;
  readonly total: Decimal;
}

const DAYS_PER_YEAR = 365.25;

/**
 * Customer equity over the predicted-CLV horizon in whole years (at least one): the current
 * base is the predicted section's total CLV × margin when it is available (no second fit or
 * prediction), else `retentionClv` on last year's margin at `equity.retentionRate`; future
 * cohorts are added when `equity.futureCohorts` is given (docs/clv.md, "Customer equity").
 */
export function equitySection(
  ledger: Ledger,
  asOf: number,
  predicted: ReportSection<PredictedClvKpis>,
  options: { readonly margin?: number | undefined; readonly annualDiscountRate?: number | undefined; readonly clvHorizon?: number | undefined; readonly timeUnit: "day" | "week"; readonly equity?: EquityReportOptions | undefined },
): ReportSection<ReportCustomerEquity> {
  const equity = nestedOptions("equity", options.equity);
  const retention = equity.retentionRate === undefined ? null : numberOption("equity.retentionRate", equity.retentionRate, { min: 0, max: 1, maxOpen: true }, 0);
  const cohorts = equity.futureCohorts === undefined ? null : integerOption("equity.futureCohorts", equity.futureCohorts, { min: 1, max: 100 }, 1);
  if (cohorts !== null && retention === null) throw new RetentionOptionsError("equity.retentionRate", "future cohorts need a yearly retention assumption in [0, 1)");
  if (ledger.purchases.count === 0) return { available: false, reason: "no purchases given" };
  const unitDays = options.timeUnit === "week" ? 7 : 1;
  const horizonUnits = predicted.available ? predicted.horizon : (options.clvHorizon ?? DAYS_PER_YEAR / unitDays);
  const settings: EquitySettings = {
    asOf,
    horizon: Math.min(100, Math.max(1, Math.round((horizonUnits * unitDays) / DAYS_PER_YEAR))),
    annual: options.annualDiscountRate ?? 0.1,
    margin: options.margin ?? 1,
    retention,
  };
  let current: CurrentEquity;
  if (predicted.available) {
    current = { method: "predictClv", customers: predicted.customers, unvalued: 0, yearlyMargin: null, retentionRate: null, value: predicted.totalClv.times(settings.margin) };
  } else if (retention !== null) {
    current = retentionBase(ledger, settings);
  } else {
    return { available: false, reason: `predicted CLV is not available (${predicted.reason}) and no retention assumption was given (equity.retentionRate; CLI --retention-rate)` };
  }
  const future = cohorts === null ? null : futureCohorts(ledger, settings, { cohorts, acquisitionsPerYear: equity.acquisitionsPerYear, recentCohorts: equity.recentCohorts });
  const computed = future !== null && "value" in future ? future : null;
  return {
    available: true,
    horizonYears: settings.horizon,
    annualDiscountRate: settings.annual,
    margin: settings.margin,
    current,
    future: computed,
    futureReason: future === null ? null : computed === null ? (future as { reason: string }).reason : null,
    total: computed === null ? current.value : current.value.plus(computed.value),
  };
}

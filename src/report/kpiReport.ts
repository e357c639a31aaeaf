import { breadthSection, type BreadthSection } from "./breadthSection";
import { followUpSection, satisfactionSection } from "./surveySection";
import { spendSection, type SpendSection } from "./spendSection";
import type { FollowUpSection, SatisfactionSection } from "./types";
import { integerOption, nestedOptions, numberOption, type NumberRange } from "../input/optionReaders";
import { classifyColumns, type ClassifiedColumns } from "../defection/classifiedColumns";
import { readDefectionOptions } from "../defection/options";
import type { DateInput } from "../core/time";
import type { Period } from "../core/period";
import { toLedger, type MetricInput } from "../input/toLedger";
import type { Ledger } from "../input/ledger";
import { RetentionOptionsError } from "../input/errors";
import { printValue } from "../input/describeValue";
import { activityKpis, activitySection } from "./activitySection";
import { earliestRecord, latestRecord } from "./dataSpan";
import { clvSection, summaryOnce, type ClvSectionOptions } from "./clvSection";
import { IN_THREAD, type PredictionEngine } from "./predictionEngine";
import { cohortSection, type CohortSectionOptions } from "./cohortSection";
import { defectionSection } from "./defectionSection";
import { crossReference } from "./crossReference";
import { phase, readProgress, type KpiReportProgress } from "./progress";
import type { ClvSection, CohortSection, DefectionSection, SegmentSection } from "./insightTypes";
import { resolveAsOf, resolvePeriods, type ReportPeriodOption } from "./reportPeriod";
import { npsSection, retentionKpis, retentionSection, revenueRetentionSection } from "./retentionSection";
import { segmentSection } from "./segmentSection";
import {
  KPI_REPORT_SCHEMA_VERSION,
  type ActivitySection,
  type NpsSection,
  type ReportData,
  type ReportPeriod,
  type RetentionSection,
  type RevenueRetentionSection,
  type ReportSection,
} from "./types";
import { readOptions } from "../input/readOptions";
import { pointsSection } from "./pointsSection";
import type { PointsSection } from "./types";
import { moneyOption } from "../clv/readMoneyOption";
import type { MoneyInput } from "../core/money";
import type { DurationInput } from "../core/time";
import { readExpiry } from "../points/pointsOptions";
import { calibrationData, modelFitSection, type ModelFitSection } from "./modelFitSection";
import { perTimeUnit } from "./perTimeUnit";
import { readFitOptions } from "../clv/models/maximizeLikelihood";
import type { BgNbdParams, TransactionModel } from "../clv/models/modelTypes";

/** Options of `kpiReport`. */
export interface KpiReportOptions extends ClvSectionOptions {
  /** End of observation (exclusive). Default: the end of the latest UTC day holding a record. */
  readonly asOf?: DateInput | undefined;
  /** `month` (default), `quarter`, `year` (the last complete one before asOf) or `{ start, end }`. */
  readonly period?: ReportPeriodOption | undefined;
  /** Cohort table limits (default 12 latest cohorts, 12 offsets). */
  readonly cohorts?: CohortSectionOptions | undefined;
  /** Length of the top-customer lists (default 10). */
  readonly top?: number | undefined;
  /** Sections not to compute (on large data the model fit is the slow part); each says it was skipped. */
  readonly skip?: readonly SkippableSection[] | undefined;
  /**
   * Called synchronously as each phase runs (the model fits and predictions are the slow
   * ones on large data), so a caller can draw progress; see `KpiReportProgress`.
   */
  readonly onProgress?: KpiReportProgress | undefined;
  /** Money one loyalty point is worth, to value the points section's liability (docs/programs.md). */
  readonly pointValue?: MoneyInput | undefined;
  /** How long points live after they are earned, for the points section's expiring figures. */
  readonly pointsExpiry?: DurationInput | undefined;
  /**
   * Share of at-risk customers a save attempt keeps, in [0, 1]: the defection section then
   * gives the budget per attempt (`saveBudget`, with `margin`); without it, only per save.
   */
  readonly saveRate?: number | undefined;
}

/** Sections `kpiReport` can leave out. */
export type SkippableSection = "cohorts" | "historicalClv" | "predictedClv" | "defections" | "segments" | "modelFit";

/** The sections `skip` accepts. */
export const SKIPPABLE_SECTIONS: readonly SkippableSection[] = ["cohorts", "historicalClv", "predictedClv", "defections", "segments", "modelFit"];

/** Every KPI of a business in one JSON-serialisable object (money as `Decimal`, dates as `Date`). */
export interface KpiReport {
  readonly schemaVersion: typeof KPI_REPORT_SCHEMA_VERSION;
  readonly asOf: Date;
  readonly currency: string | null;
  readonly period: ReportPeriod;
  readonly data: ReportData;
  readonly activity: ActivitySection;
  readonly retention: RetentionSection;
  readonly revenueRetention: ReportSection<RevenueRetentionSection>;
  readonly nps: ReportSection<NpsSection>;
  readonly cohorts: ReportSection<CohortSection>;
  readonly clv: ClvSection;
  readonly defections: ReportSection<DefectionSection>;
  readonly segments: SegmentSection;
  /** CSAT and CES of the period and the previous one, when the data holds those kinds. */
  readonly satisfaction: ReportSection<SatisfactionSection>;
  /** "Follow up first": the top unhappy customers of the 90 days before `asOf`, by value at stake. */
  readonly followUps: ReportSection<FollowUpSection>;
  /** Retention spend of the period by program, when the input holds costs (docs/programs.md). */
  readonly spend: ReportSection<SpendSection>;
  /** Points outstanding, liability and breakage, when the events hold points events (docs/programs.md). */
  readonly points: ReportSection<PointsSection>;
  /** Cross-sell breadth over purchases before `asOf`; present only when some purchase carries a `category`. */
  readonly breadth?: ReportSection<BreadthSection>;
  /** BG/NBD fitted on the first two thirds of the data and checked on the rest (tracking, calibration vs holdout); absent from reports made before issue 16. */
  readonly modelFit?: ReportSection<ModelFitSection>;
}

/** Longest top-customer list `top` may ask for. */
const MAX_TOP = 10_000;
/** Most cohorts, and most month offsets, the report's cohort table may show. */
const MAX_COHORT_TABLE = 1_200;

/**
 * The CLV options, checked by the one rule for options (docs/input.md): numbers, not numeric
 * strings, in their ranges; left out, they keep the section's defaults.
 */
export function readClvOptions(options: KpiReportOptions): KpiReportOptions {
  const optional = (name: string, value: unknown, range: NumberRange): number | undefined =>
    value === undefined ? undefined : numberOption(name, value, range, 0);
  return {
    ...options,
    clvHorizon: optional("clvHorizon", options.clvHorizon, { min: 0, max: 1_000_000, minOpen: true }),
    annualDiscountRate: optional("annualDiscountRate", options.annualDiscountRate, { min: 0, max: 1_000 }),
    margin: optional("margin", options.margin, { min: 0, max: 1 }),
    model: readModelOption(options.model),
  };
}

/** `model`: `"bg-nbd"` (the default) or `"auto"`. */
function readModelOption(value: unknown): "bg-nbd" | "auto" | undefined {
  if (value === undefined || value === "bg-nbd" || value === "auto") return value;
  throw new RetentionOptionsError("model", `expected "bg-nbd" or "auto", found ${printValue(value)}`);
}

/** `cohorts`: a plain object whose `maxCohorts` and `maxOffsets` are whole numbers from 1 to 1,200. */
function readCohortOptions(value: CohortSectionOptions | undefined): CohortSectionOptions {
  const cohorts = nestedOptions("cohorts", value);
  return {
    maxCohorts: integerOption("cohorts.maxCohorts", cohorts.maxCohorts, { min: 1, max: MAX_COHORT_TABLE }, 12),
    maxOffsets: integerOption("cohorts.maxOffsets", cohorts.maxOffsets, { min: 1, max: MAX_COHORT_TABLE }, 12),
  };
}

/**
 * The all-in-one KPI report: activity, retention (rate, churn, CRR), revenue retention (NRR,
 * GRR) and NPS for a period and the equal period before it (with changes), plus the monthly
 * cohort table, historical and predicted CLV, the defection report and LTV segments at `asOf`.
 * A section whose data is absent, or whose model does not fit, is `{ available: false, reason }`,
 * never zeros. Every figure comes from the library's own functions; see docs/report.md.
 *
 * @param input - purchases, `{ purchases, events, surveys }`, or a prepared `Ledger`
 * @param options - asOf, period, CLV horizon and discounting, cohort limits, list length
 * @returns the report; `JSON.stringify` gives its JSON form (`KpiReportJsonSchema`)
 * @throws {RetentionInputError} when a row is invalid
 * @throws {RetentionOptionsError} when an option is impossible (unknown period, start ≥ end...)
 * @example
 * kpiReport([{ customerId: "a", at: "2024-01-10", amount: "5" },
 *            { customerId: "a", at: "2024-02-10", amount: "5" }], { asOf: "2024-03-01" })
 * //=> { schemaVersion: 1, period: { kind: "month", current: { start: 2024-02-01, end: 2024-03-01 }, ... },
 * //     activity: { customers: 1, orders: 1, revenue: Decimal("5"), ... }, retention: { rate: 1, ... }, ... }
 */
export function kpiReport(input: MetricInput, options: KpiReportOptions = {}): KpiReport {
  return kpiReportWith(input, options, IN_THREAD);
}

/** `kpiReport` with its model steps (the BG/NBD, Gamma-Gamma and calibration fits, the center run, the total CLV's interval) run by `engine`; the CLI's runs them on a second thread. */
export function kpiReportWith(input: MetricInput, options: KpiReportOptions, engine: PredictionEngine): KpiReport {
  options = readOptions(options, "kpiReport");
  const ledger = toLedger(input);
  const asOf = resolveAsOf(options.asOf, latestRecord(ledger));
  const { kind, start, end, previousStart } = resolvePeriods(options.period, asOf);
  const hasPrevious = earliestRecord(ledger) < start;
  const top = integerOption("top", options.top, { min: 0, max: MAX_TOP }, 10);
  const cohortOptions = readCohortOptions(options.cohorts);
  const skip = readSkip(options.skip);
  const progress = readProgress(options.onProgress);
  const pointValue = options.pointValue === undefined ? null : moneyOption("pointValue", options.pointValue);
  if (pointValue !== null && pointValue.isNegative()) throw new RetentionOptionsError("pointValue", `expected an amount ≥ 0, found ${pointValue.toString()}`);
  const pointsExpiry = readExpiry(options.pointsExpiry, "pointsExpiry");
  let classifications: ClassifiedColumns | undefined;
  const classified = (): ClassifiedColumns => (classifications ??= classifyColumns(ledger, readDefectionOptions({ asOf }, "kpiReport")));
  const period = (from: number, to: number): Period => ({ start: new Date(from), end: new Date(to) });
  const summary = summaryOnce(ledger, asOf, progress);
  const calibration = perTimeUnit((timeUnit) => calibrationData(ledger, asOf, timeUnit));
  engine.begin({ options, skip, summary, calibration });
  const skipped = { available: false, reason: "skipped (the skip option)" } as const;
  const periodKpis = phase(progress, "periodKpis", () => {
    const retention = retentionKpis(ledger, start, end);
    const previousRetention = hasPrevious ? retentionKpis(ledger, previousStart, start) : null;
    return {
    activity: activitySection(
      activityKpis(ledger, start, end, retention.newCount),
      previousRetention === null ? null : activityKpis(ledger, previousStart, start, previousRetention.newCount),
    ),
    retention: retentionSection(retention, previousRetention),
    revenueRetention: revenueRetentionSection(ledger, start, end, previousStart, hasPrevious),
    nps: npsSection(ledger, start, end, previousStart),
    satisfaction: satisfactionSection(ledger, start, end, previousStart),
    };
  });
  const cohorts = skip.has("cohorts") ? skipped : phase(progress, "cohorts", () => cohortSection(ledger, asOf, cohortOptions));
  const clvOptions = readClvOptions(options);
  const save = { saveRate: options.saveRate === undefined ? null : numberOption("saveRate", options.saveRate, { min: 0, max: 1 }, 0), margin: clvOptions.margin ?? 1 };
  const defections = skip.has("defections") ? skipped : phase(progress, "defections", () => defectionSection(ledger, classified, top, save));
  const aliveOf = new Map<string, number>();
  const watch = new Set(defections.available ? defections.topAtRisk.map((row) => row.customerId) : []);
  const chosen: { calibrationFit?: TransactionModel | undefined } = {};
  const pendingClv = clvSection(ledger, asOf, clvOptions, { skipHistorical: skip.has("historicalClv"), skipPredicted: skip.has("predictedClv"), top, progress, watch, aliveOf, chosen, summary, engine });
  const segments = skip.has("segments") ? { ltvTiers: skipped, loyalCustomers: skipped } : phase(progress, "segments", () => segmentSection(ledger, asOf, classified, top));
  const modelFit = skip.has("modelFit")
    ? skipped
    : phase(progress, "modelFit", () => {
        const predicted = pendingClv.section.predicted;
        const start = predicted.available ? (predicted.bgNbd.params as unknown as BgNbdParams) : undefined;
        const timeUnit = clvOptions.timeUnit ?? "week";
        return modelFitSection(ledger, calibration(timeUnit), timeUnit, readFitOptions({ penalizer: clvOptions.penalizer }).penalizer, engine, start, chosen.calibrationFit);
      });
  const clv = pendingClv.finish();
  const followUps = followUpSection(ledger, asOf, classified, top);
  const breadth = breadthSection(ledger, asOf, top);
  const linked = crossReference(ledger, defections, clv, aliveOf, defections.available ? classified() : null);
  return {
    schemaVersion: KPI_REPORT_SCHEMA_VERSION,
    asOf: new Date(asOf),
    currency: ledger.currency,
    period: { kind, current: period(start, end), previous: period(previousStart, start), previousHasData: hasPrevious },
    data: reportData(ledger),
    ...periodKpis,
    cohorts,
    clv: linked.clv,
    defections: linked.defections,
    segments,
    followUps,
    spend: spendSection(ledger, start, end),
    points: pointsSection(ledger, asOf, pointValue, pointsExpiry),
    ...(breadth === undefined ? {} : { breadth }),
    modelFit,
  };
}

function readSkip(skip: readonly SkippableSection[] | undefined): ReadonlySet<SkippableSection> {
  for (const name of skip ?? []) {
    if (!SKIPPABLE_SECTIONS.includes(name)) throw new RetentionOptionsError("skip", `expected some of ${SKIPPABLE_SECTIONS.join(", ")}, found ${JSON.stringify(name)}`);
  }
  return new Set(skip ?? []);
}

function reportData(ledger: Ledger): ReportData {
  const { purchases } = ledger;
  return {
    customers: ledger.customerIds.length,
    purchases: purchases.count,
    orders: ledger.orderCount,
    events: ledger.events.count,
    surveys: ledger.surveys.count,
    firstPurchase: purchases.count === 0 ? null : new Date(purchases.at[0]!),
    lastPurchase: purchases.count === 0 ? null : new Date(purchases.at[purchases.count - 1]!),
  };
}

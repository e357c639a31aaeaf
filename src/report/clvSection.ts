import { compareIds } from "../core/compareIds";
import { historicalClv } from "../clv/historicalClv";
import { summaryColumns, type SummarizedColumns } from "../clv/customerSummary";
import { readFitOptions } from "../clv/models/maximizeLikelihood";
import { forEachPrediction } from "../clv/models/predictClv";
import { INTERVAL, type IntervalTotals, type PredictionEngine } from "./predictionEngine";
import { perTimeUnit } from "./perTimeUnit";
import type { FittedModel, ModelName, TransactionModel } from "../clv/models/modelTypes";
import { chooseTransactionModel } from "./modelChoice";
import { readTimeAxis } from "../clv/timeAxis";
import { Decimal, unitsToDecimal } from "../core/money";
import { topRows } from "../core/topRows";
import type { Ledger } from "../input/ledger";
import { RetentionOptionsError } from "../input/errors";
import type { ClvSection, HistoricalClvKpis, PredictedClvKpis, ReportClvInterval, ReportModelFit } from "./insightTypes";
import { phase, type KpiReportProgress } from "./progress";
import { roundedDecimalSum } from "./roundedDecimalSum";
import type { ReportSection } from "./types";
import { printValue } from "../input/describeValue";
import { equitySection, type EquityReportOptions } from "./equitySection";

/** Options of the CLV section. */
export interface ClvSectionOptions {
  /** Time unit of the BG/NBD and Gamma-Gamma fits: `week` (default) or `day`. */
  readonly timeUnit?: "day" | "week" | undefined;
  /** Horizon of predicted CLV in `timeUnit`s (default one year: 52 weeks or 365 days). */
  readonly clvHorizon?: number | undefined;
  /** Yearly discount rate of predicted CLV (default 0.1), converted to the time unit. */
  readonly annualDiscountRate?: number | undefined;
  /** Gross-margin fraction in [0, 1] for historical CLV where purchases carry no cost. */
  readonly margin?: number | undefined;
  /**
   * L2 penalty of the BG/NBD and Gamma-Gamma fits (as `FitOptions.penalizer`); default 0. A
   * small value (0.001) keeps a fit whose optimum lies at infinity finite and predictable.
   */
  readonly penalizer?: number | undefined;
  /** Customer equity: a retention assumption and future cohorts (see `EquityReportOptions`). */
  readonly equity?: EquityReportOptions | undefined;
  /**
   * The transaction model of predicted CLV: `bg-nbd` (default) or `auto`, which also fits
   * MBG/NBD and Pareto/NBD and picks by holdout MAE when the data spans 26 weeks, else by BIC
   * (docs/report.md, "Choosing the model"); the section then says which and why (`modelChoice`).
   */
  readonly model?: "bg-nbd" | "auto" | undefined;
}

const DAYS_PER_YEAR = 365.25;

/**
 * Historical CLV. Without margin information (no `margin` option, no row with a cost) the
 * totals are read from the summary columns the models need anyway: they count the same
 * customers, orders and revenue as `historicalClv`, in one pass instead of two.
 */
function historical(ledger: Ledger, asOf: number, margin: number | undefined, summary: () => SummarizedColumns): ReportSection<HistoricalClvKpis> {
  if (margin === undefined && !ledger.purchases.hasCost.includes(1)) {
    const { rows, customer, scans } = summary();
    if (rows.count === 0) return { available: false, reason: "no customer ordered before asOf" };
    let revenueUnits = 0;
    let orders = 0;
    for (const c of customer) {
      revenueUnits += scans.revenueUnits[c]!;
      orders += scans.orders[c]!;
    }
    const revenue = unitsToDecimal(revenueUnits, ledger.moneyScale);
    const n = rows.count;
    return { available: true, customers: n, totalRevenue: revenue, averageRevenue: revenue.div(n), totalMargin: null, averageMargin: null, averageOrders: orders / n };
  }
  const h = historicalClv(ledger, margin === undefined ? { asOf } : { asOf, margin });
  if (h.customerCount === 0) return { available: false, reason: "no customer ordered before asOf" };
  return {
    available: true,
    customers: h.customerCount,
    totalRevenue: h.revenue,
    averageRevenue: h.averageRevenue,
    totalMargin: h.grossMargin,
    averageMargin: h.averageGrossMargin,
    averageOrders: h.averageOrders,
  };
}

function fitSummary<N extends ModelName, P extends object>(model: FittedModel<N, P>): ReportModelFit {
  return {
    model: model.model,
    params: model.params as unknown as Readonly<Record<string, number>>,
    logLikelihood: model.logLikelihood,
    converged: model.converged,
    iterations: model.iterations,
    observations: model.observations,
  };
}

/** Internal inputs of the CLV section beside the public options. */
export interface ClvSectionContext {
  readonly skipHistorical: boolean;
  readonly skipPredicted: boolean;
  readonly top: number;
  readonly progress: KpiReportProgress;
  /** Customers whose P(alive) the caller wants (the at-risk list); filled into `aliveOf`. */
  readonly watch: ReadonlySet<string>;
  readonly aliveOf: Map<string, number>;
  /** Filled with `model: "auto"`: the picked model's fit on the calibration period, for the Model fit section. */
  readonly chosen?: { calibrationFit?: TransactionModel | undefined };
  /** The customer summaries (`summaryOnce`), shared with the engine. */
  readonly summary: (timeUnit: "day" | "week") => SummarizedColumns;
  /** Where the BG/NBD fit and the total's interval run. */
  readonly engine: PredictionEngine;
}

/** Reports prediction progress every this many customers. */
const PROGRESS_EVERY = 1 << 14;

/** The predicted CLV's horizon, discount rate per time unit and penalizer, read from the options (or the defaults). */
export function predictionTerms(options: ClvSectionOptions, timeUnit: "day" | "week"): { horizon: number; discountRate: number; penalizer: number } {
  const unitDays = timeUnit === "week" ? 7 : 1;
  const horizon = options.clvHorizon ?? (timeUnit === "week" ? 52 : 365);
  if (!(Number.isFinite(horizon) && horizon > 0)) throw new RetentionOptionsError("clvHorizon", `expected a positive number of ${timeUnit}s, found ${printValue(horizon)}`);
  const annual = options.annualDiscountRate ?? 0.1;
  if (!(annual >= 0)) throw new RetentionOptionsError("annualDiscountRate", `expected a rate ≥ 0, found ${printValue(annual)}`);
  const discountRate = (1 + annual) ** (unitDays / DAYS_PER_YEAR) - 1;
  const { penalizer } = readFitOptions({ penalizer: options.penalizer });
  return { horizon, discountRate, penalizer };
}

/** Why a step of the predictions failed, with the penalizer hint when there was none. */
function failed(step: string, error: unknown, penalizer: number): { available: false; reason: string } {
  const hint = penalizer === 0 ? " (the penalizer option; CLI: --penalizer 0.001)" : "";
  return { available: false, reason: `the ${step} failed: ${error instanceof Error ? error.message : String(error)}${hint}` };
}

/**
 * A section whose interval on the total CLV is computed last: `section` has every figure but
 * the interval (for the sections that read the predictions), `finish` adds the interval.
 */
interface PendingPredicted {
  readonly section: ReportSection<PredictedClvKpis>;
  readonly finish: () => ReportSection<PredictedClvKpis>;
}

function settled(section: ReportSection<PredictedClvKpis>): PendingPredicted {
  return { section, finish: () => section };
}

function predicted(ledger: Ledger, asOf: number, options: ClvSectionOptions, timeUnit: "day" | "week", summary: SummarizedColumns, context: ClvSectionContext): PendingPredicted {
  const { top, progress, watch, aliveOf, engine } = context;
  const { horizon, discountRate, penalizer } = predictionTerms(options, timeUnit);
  const { rows } = summary;
  if (rows.count === 0) return settled({ available: false, reason: "no customer ordered before asOf" });
  if (summary.repeatCustomerCount === 0) return settled({ available: false, reason: "no customer bought twice: BG/NBD and Gamma-Gamma need repeat purchases" });
  let step = "BG/NBD fit";
  try {
    progress("bgNbdFit", 0, 1);
    // With the covariance (the standard errors' Hessian, 2 × 4 gradient evaluations) for the total's interval.
    const bgNbd = engine.bgNbdFit(rows, penalizer);
    progress("bgNbdFit", 1, 1);
    if (!bgNbd.converged) return settled({ available: false, reason: `the BG/NBD fit did not converge in ${bgNbd.iterations} iterations` });
    step = "model choice";
    const picked = options.model === "auto" ? phase(progress, "modelChoice", () => chooseTransactionModel(ledger, asOf, summary, timeUnit, penalizer, bgNbd)) : undefined;
    if (picked !== undefined && context.chosen !== undefined) context.chosen.calibrationFit = picked.calibrationFit;
    const transaction: TransactionModel = picked?.model ?? bgNbd;
    step = "Gamma-Gamma fit";
    progress("gammaGammaFit", 0, 1);
    const gammaGamma = engine.gammaGammaFit(rows, penalizer);
    progress("gammaGammaFit", 1, 1);
    if (!gammaGamma.converged) return settled({ available: false, reason: `the Gamma-Gamma fit did not converge in ${gammaGamma.iterations} iterations` });
    step = "CLV prediction";
    const n = rows.count;
    const clv = new Float64Array(n);
    const probabilityAlive = new Float64Array(n);
    const expectedPurchases = new Float64Array(n);
    let alive = 0;
    let purchases = 0;
    let undefinedSpend = false;
    const ids = rows.customerId;
    progress("predictions", 0, n);
    const run = engine.centerRun(transaction, gammaGamma, rows, horizon, discountRate);
    forEachPrediction(run.settings, rows, (i, value, expected, _spend, pAlive) => {
      if ((i + 1) % PROGRESS_EVERY === 0) progress("predictions", i + 1, n);
      if (watch.size > 0 && watch.has(ids[i]!)) aliveOf.set(ids[i]!, pAlive);
      if (value === null) undefinedSpend = true;
      clv[i] = value ?? 0;
      probabilityAlive[i] = pAlive;
      expectedPurchases[i] = expected;
      alive += pAlive;
      purchases += expected;
    }, run.center);
    progress("predictions", n, n);
    if (undefinedSpend) return settled({ available: false, reason: "the Gamma-Gamma model gives no finite expected spend (q ≤ 1)" });
    // decimal.js's running sum of the customers' CLVs, to the cent, without 99k decimal.js additions.
    const total = roundedDecimalSum(clv, n);
    const topCustomers = topRows(n, top, (x, y) => clv[y]! - clv[x]! || compareIds(ids[x]!, ids[y]!)).map((i) => ({
      customerId: ids[i] ?? "",
      clv: new Decimal(clv[i]!).toDecimalPlaces(2),
      probabilityAlive: probabilityAlive[i]!,
      expectedPurchases: expectedPurchases[i]!,
      defectionStatus: null,
    }));
    const kpis = (totalClvInterval?: ReportClvInterval): ReportSection<PredictedClvKpis> => ({
      available: true,
      timeUnit,
      horizon,
      discountRate,
      penalizer,
      customers: n,
      totalClv: total.total,
      averageClv: total.mean,
      averageProbabilityAlive: alive / n,
      expectedPurchases: purchases,
      ...(totalClvInterval === undefined ? {} : { totalClvInterval }),
      bgNbd: fitSummary(bgNbd),
      gammaGamma: fitSummary(gammaGamma),
      topCustomers,
      ...(picked === undefined ? {} : { transactionModel: fitSummary<TransactionModel["model"], object>(transaction), modelChoice: picked.choice }),
    });
    const finish = (): ReportSection<PredictedClvKpis> => {
      try {
        return kpis(intervalSection(engine.intervalTotals(run, rows)));
      } catch (error) {
        return failed(step, error, penalizer);
      }
    };
    return { section: kpis(), finish };
  } catch (error) {
    return settled(failed(step, error, penalizer));
  }
}

/** The interval's totals as the report shows them: to the cent, or the reason there are none. */
function intervalSection(bounds: IntervalTotals): ReportClvInterval {
  const cents = (value: number | undefined): Decimal | null => (value === undefined ? null : new Decimal(value).toDecimalPlaces(2));
  const totals = typeof bounds === "string" ? null : bounds.total;
  return {
    ...INTERVAL,
    low: cents(totals?.clv?.[0]),
    high: cents(totals?.clv?.[1]),
    predictionLow: cents(totals?.predictionClv?.[0]),
    predictionHigh: cents(totals?.predictionClv?.[1]),
    reason: typeof bounds === "string" ? bounds : bounds.clvReason,
  };
}

/** The CLV section before the interval on the total: `section` for the sections that read it, `finish` for the report. */
export interface PendingClvSection {
  readonly section: ClvSection;
  readonly finish: () => ClvSection;
}

/** The customer summaries in a time unit, computed once (as the `customerSummaries` phase) for all who ask. */
export function summaryOnce(ledger: Ledger, asOf: number, progress: KpiReportProgress): (timeUnit: "day" | "week") => SummarizedColumns {
  return perTimeUnit((timeUnit) => phase(progress, "customerSummaries", () => summaryColumns(ledger, asOf, readTimeAxis({ timeUnit }, "kpiReport"))));
}

/**
 * Historical CLV (realised revenue and margin per customer up to asOf) and predicted CLV
 * (BG/NBD + Gamma-Gamma fitted on the customers' summaries, over `clvHorizon`, discounted).
 * A fit that fails or does not converge makes `predicted` unavailable with the reason. The
 * interval on the total is added by `finish`, so that an engine on another thread has the
 * longest time to compute it.
 */
export function clvSection(ledger: Ledger, asOf: number, options: ClvSectionOptions, context: ClvSectionContext): PendingClvSection {
  if (ledger.purchases.count === 0) {
    const reason = "no purchases given";
    const section = { historical: { available: false, reason }, predicted: { available: false, reason }, equity: { available: false, reason } } as const;
    return { section, finish: () => section };
  }
  const timeUnit = options.timeUnit ?? "week";
  if (timeUnit !== "week" && timeUnit !== "day") throw new RetentionOptionsError("timeUnit", `expected "day" or "week", found ${printValue(timeUnit)}`);
  const summary = (): SummarizedColumns => context.summary(timeUnit);
  const skipped = { available: false, reason: "skipped (the skip option)" } as const;
  const pending = context.skipPredicted ? settled(skipped) : predicted(ledger, asOf, options, timeUnit, summary(), context);
  const historicalSection = context.skipHistorical ? skipped : historical(ledger, asOf, options.margin, summary);
  const equity = (predictedSection: ReportSection<PredictedClvKpis>) => equitySection(ledger, asOf, predictedSection, { ...options, timeUnit });
  const equityNow = equity(pending.section);
  return {
    section: { historical: historicalSection, predicted: pending.section, equity: equityNow },
    finish: () => {
      const predictedSection = pending.finish();
      return { historical: historicalSection, predicted: predictedSection, equity: predictedSection.available === pending.section.available ? equityNow : equity(predictedSection) };
    },
  };
}

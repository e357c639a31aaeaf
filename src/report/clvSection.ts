import { compareIds } from "../core/compareIds";
import { historicalClv } from "../clv/historicalClv";
import { summaryColumns, type SummarizedColumns } from "../clv/customerSummary";
import { fitBgNbdColumns } from "../clv/models/fitBgNbd";
import { fitGammaGammaColumns } from "../clv/models/fitGammaGamma";
import { readFitOptions } from "../clv/models/maximizeLikelihood";
import { forEachPrediction, includedRows, readPredictionSettings } from "../clv/models/predictClv";
import { clvIntervalTotals } from "../clv/models/clvIntervals";
import { kernelScratch, predictRows, rowPredictions, stepSchedule } from "../clv/models/predictionKernel";
import { seededRandom } from "../clv/models/seededRandom";
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

/** The report's interval on the total CLV: 90%, 200 draws, seed 1 (so a report is reproducible). */
const INTERVAL = { level: 0.9, draws: 200, seed: 1 } as const;

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
}

/** Reports prediction progress every this many customers. */
const PROGRESS_EVERY = 1 << 14;

function predicted(ledger: Ledger, asOf: number, options: ClvSectionOptions, timeUnit: "day" | "week", summary: SummarizedColumns, context: ClvSectionContext): ReportSection<PredictedClvKpis> {
  const { top, progress, watch, aliveOf } = context;
  const unitDays = timeUnit === "week" ? 7 : 1;
  const horizon = options.clvHorizon ?? (timeUnit === "week" ? 52 : 365);
  if (!(Number.isFinite(horizon) && horizon > 0)) throw new RetentionOptionsError("clvHorizon", `expected a positive number of ${timeUnit}s, found ${printValue(horizon)}`);
  const annual = options.annualDiscountRate ?? 0.1;
  if (!(annual >= 0)) throw new RetentionOptionsError("annualDiscountRate", `expected a rate ≥ 0, found ${printValue(annual)}`);
  const discountRate = (1 + annual) ** (unitDays / DAYS_PER_YEAR) - 1;
  const { penalizer } = readFitOptions({ penalizer: options.penalizer });
  const { rows } = summary;
  if (rows.count === 0) return { available: false, reason: "no customer ordered before asOf" };
  if (summary.repeatCustomerCount === 0) return { available: false, reason: "no customer bought twice: BG/NBD and Gamma-Gamma need repeat purchases" };
  let step = "BG/NBD fit";
  try {
    progress("bgNbdFit", 0, 1);
    // With the covariance (the standard errors' Hessian, 2 × 4 gradient evaluations) for the total's interval.
    const bgNbd = fitBgNbdColumns(rows, { penalizer });
    progress("bgNbdFit", 1, 1);
    if (!bgNbd.converged) return { available: false, reason: `the BG/NBD fit did not converge in ${bgNbd.iterations} iterations` };
    step = "model choice";
    const picked = options.model === "auto" ? phase(progress, "modelChoice", () => chooseTransactionModel(ledger, asOf, summary, timeUnit, penalizer, bgNbd)) : undefined;
    if (picked !== undefined && context.chosen !== undefined) context.chosen.calibrationFit = picked.calibrationFit;
    const transaction: TransactionModel = picked?.model ?? bgNbd;
    step = "Gamma-Gamma fit";
    progress("gammaGammaFit", 0, 1);
    const gammaGamma = fitGammaGammaColumns(rows, { penalizer });
    progress("gammaGammaFit", 1, 1);
    if (!gammaGamma.converged) return { available: false, reason: `the Gamma-Gamma fit did not converge in ${gammaGamma.iterations} iterations` };
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
    const settings = readPredictionSettings(transaction, gammaGamma, { horizon, discountRate });
    const include = includedRows(rows);
    // The interval's runs work in the center run's arrays.
    const scratch = kernelScratch(n);
    const center = predictRows(transaction, stepSchedule(settings.steps, settings.step, horizon, discountRate), rows, include, { scratch, into: rowPredictions(n) });
    forEachPrediction(settings, rows, (i, value, expected, _spend, pAlive) => {
      if ((i + 1) % PROGRESS_EVERY === 0) progress("predictions", i + 1, n);
      if (watch.size > 0 && watch.has(ids[i]!)) aliveOf.set(ids[i]!, pAlive);
      if (value === null) undefinedSpend = true;
      clv[i] = value ?? 0;
      probabilityAlive[i] = pAlive;
      expectedPurchases[i] = expected;
      alive += pAlive;
      purchases += expected;
    }, center);
    progress("predictions", n, n);
    if (undefinedSpend) return { available: false, reason: "the Gamma-Gamma model gives no finite expected spend (q ≤ 1)" };
    // decimal.js's running sum of the customers' CLVs, to the cent, without 99k decimal.js additions.
    const total = roundedDecimalSum(clv, n);
    const bounds = clvIntervalTotals(settings, rows, include, center, { level: INTERVAL.level, draws: INTERVAL.draws, random: seededRandom(INTERVAL.seed), scratch });
    const cents = (value: number | undefined): Decimal | null => (value === undefined ? null : new Decimal(value).toDecimalPlaces(2));
    const totals = typeof bounds === "string" ? null : bounds.total;
    const totalClvInterval: ReportClvInterval = {
      ...INTERVAL,
      low: cents(totals?.clv?.[0]),
      high: cents(totals?.clv?.[1]),
      predictionLow: cents(totals?.predictionClv?.[0]),
      predictionHigh: cents(totals?.predictionClv?.[1]),
      reason: typeof bounds === "string" ? bounds : bounds.clvReason,
    };
    const topCustomers = topRows(n, top, (x, y) => clv[y]! - clv[x]! || compareIds(ids[x]!, ids[y]!)).map((i) => ({
      customerId: ids[i] ?? "",
      clv: new Decimal(clv[i]!).toDecimalPlaces(2),
      probabilityAlive: probabilityAlive[i]!,
      expectedPurchases: expectedPurchases[i]!,
      defectionStatus: null,
    }));
    return {
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
      totalClvInterval,
      bgNbd: fitSummary(bgNbd),
      gammaGamma: fitSummary(gammaGamma),
      topCustomers,
      ...(picked === undefined ? {} : { transactionModel: fitSummary<TransactionModel["model"], object>(transaction), modelChoice: picked.choice }),
    };
  } catch (error) {
    const hint = penalizer === 0 ? " (the penalizer option; CLI: --penalizer 0.001)" : "";
    return { available: false, reason: `the ${step} failed: ${error instanceof Error ? error.message : String(error)}${hint}` };
  }
}

/**
 * Historical CLV (realised revenue and margin per customer up to asOf) and predicted CLV
 * (BG/NBD + Gamma-Gamma fitted on the customers' summaries, over `clvHorizon`, discounted).
 * A fit that fails or does not converge makes `predicted` unavailable with the reason.
 */
export function clvSection(ledger: Ledger, asOf: number, options: ClvSectionOptions, context: ClvSectionContext): ClvSection {
  if (ledger.purchases.count === 0) {
    const reason = "no purchases given";
    return { historical: { available: false, reason }, predicted: { available: false, reason }, equity: { available: false, reason } };
  }
  const timeUnit = options.timeUnit ?? "week";
  if (timeUnit !== "week" && timeUnit !== "day") throw new RetentionOptionsError("timeUnit", `expected "day" or "week", found ${printValue(timeUnit)}`);
  let summary: SummarizedColumns | undefined;
  const summaryOnce = (): SummarizedColumns => (summary ??= phase(context.progress, "customerSummaries", () => summaryColumns(ledger, asOf, readTimeAxis({ timeUnit }, "kpiReport"))));
  const skipped = { available: false, reason: "skipped (the skip option)" } as const;
  const predictedSection = context.skipPredicted ? skipped : predicted(ledger, asOf, options, timeUnit, summaryOnce(), context);
  return {
    historical: context.skipHistorical ? skipped : historical(ledger, asOf, options.margin, summaryOnce),
    predicted: predictedSection,
    equity: equitySection(ledger, asOf, predictedSection, { ...options, timeUnit }),
  };
}

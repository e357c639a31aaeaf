import { summaryColumns, type SummarizedColumns } from "../clv/customerSummary";
import type { BgNbdParams, TransactionModel } from "../clv/models/modelTypes";
import { predictRows, stepSchedule } from "../clv/models/predictionKernel";
import { scanCustomers } from "../clv/scanCustomers";
import { readTimeAxis } from "../clv/timeAxis";
import type { Period } from "../core/period";
import type { CalibrationBin } from "../diagnostics/calibrationBins";
import { trackingSeries, type TrackingPeriod, type TrackingTotals } from "../diagnostics/trackingSeries";
import type { Ledger } from "../input/ledger";
import type { ReportModelFit } from "./insightTypes";
import { frequencyTable } from "../diagnostics/calibrationTables";
import type { ReportSection } from "./types";
import type { PredictionEngine } from "./predictionEngine";

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Fewest whole weeks of data the section needs: 26, so calibration has 17 and the holdout 9. */
export const MODEL_FIT_MIN_WEEKS = 26;

/** How well BG/NBD, fitted on the first two thirds of the data, tracks the last third. */
export interface ModelFitSection {
  /** The BG/NBD fit on the calibration period (with the report's `model: "auto"`, the chosen model's). */
  readonly model: ReportModelFit;
  readonly timeUnit: "day" | "week";
  /** From the first purchase's UTC day: two thirds of the whole weeks of data (rounded). */
  readonly calibration: Period;
  /** The remaining whole weeks; days after the last whole week are left out. */
  readonly holdout: Period;
  /** Customers with a purchase in calibration (the fit's customers). */
  readonly customers: number;
  /** Weekly tracking of repeat transactions (`trackingSeries`, granularity week). */
  readonly tracking: {
    readonly periods: readonly TrackingPeriod[];
    readonly calibration: TrackingTotals;
    readonly holdout: TrackingTotals;
  };
  /** Mean actual vs predicted holdout transactions by calibration frequency 0 … 6, 7+. */
  readonly byFrequency: readonly CalibrationBin[];
}

/** The week split of the section: origin, calibration end and end (epoch ms), or why there is none. */
export function modelFitSplit(ledger: Ledger, asOf: number): { origin: number; calibrationEnd: number; end: number } | string {
  const { at, amountUnits, count } = ledger.purchases;
  let first = 0;
  while (first < count && amountUnits[first]! < 0) first++;
  if (first === count) return "no purchases given";
  const origin = Math.floor(at[first]! / DAY_MS) * DAY_MS;
  const weeks = Math.floor((asOf - origin) / WEEK_MS);
  if (weeks < MODEL_FIT_MIN_WEEKS) return `the data span ${Math.max(0, weeks)} whole weeks; a holdout check needs at least ${MODEL_FIT_MIN_WEEKS}`;
  const calibrationWeeks = Math.round((2 * weeks) / 3);
  return { origin, calibrationEnd: origin + calibrationWeeks * WEEK_MS, end: origin + weeks * WEEK_MS };
}

/** The section's split and the calibration period's customer summaries. */
export interface CalibrationData {
  readonly origin: number;
  readonly calibrationEnd: number;
  readonly end: number;
  readonly summary: SummarizedColumns;
}

/** The split (`modelFitSplit`) and the summaries of the customers who bought in calibration, or why there is no split. */
export function calibrationData(ledger: Ledger, asOf: number, timeUnit: "day" | "week"): CalibrationData | string {
  const split = modelFitSplit(ledger, asOf);
  if (typeof split === "string") return split;
  // Calibration holds purchases before calibrationEnd: at ≤ calibrationEnd − 1 ms.
  return { ...split, summary: summaryColumns(ledger, split.calibrationEnd - 1, readTimeAxis({ timeUnit }, "kpiReport")) };
}

/**
 * The report's "Model fit" section: splits the whole weeks of data from the first purchase
 * into calibration (the first two thirds) and holdout, fits BG/NBD on the calibration
 * summaries (as the CLV section fits, same time unit and penalizer), and shows the weekly
 * tracking of repeat transactions and the calibration-vs-holdout table by frequency. Costs one
 * calibration summary, one BG/NBD fit (started from `start`, the report's full-data fit, when
 * there is one: one optimizer run instead of two), one holdout scan, the tracking pass and one
 * prediction per customer. With `calibrationFit` (the calibration fit of the model `--model auto`
 * picked, on this same split) that model is shown instead, and nothing is refitted. `engine`
 * runs the BG/NBD fit (the CLI's on its second thread).
 */
export function modelFitSection(ledger: Ledger, calibration: CalibrationData | string, timeUnit: "day" | "week", penalizer: number, engine: PredictionEngine, start?: BgNbdParams, calibrationFit?: TransactionModel): ReportSection<ModelFitSection> {
  if (typeof calibration === "string") return { available: false, reason: calibration };
  const { origin, calibrationEnd, end, summary } = calibration;
  const axis = readTimeAxis({ timeUnit }, "kpiReport");
  const { rows } = summary;
  if (summary.repeatCustomerCount === 0) return { available: false, reason: "no customer bought twice in the calibration period: BG/NBD needs repeat purchases" };
  try {
    const fit = calibrationFit ?? engine.calibrationFit(rows, penalizer, timeUnit, start);
    if (!fit.converged) return { available: false, reason: `the BG/NBD fit on the calibration period did not converge in ${fit.iterations} iterations` };
    const horizon = (end - calibrationEnd) / (timeUnit === "week" ? WEEK_MS : DAY_MS);
    const predicted = predictRows(fit, stepSchedule(1, horizon, horizon, 0), rows, new Uint8Array(rows.count).fill(1));
    if (predicted.failed.includes(1)) return { available: false, reason: "the BG/NBD fit on the calibration period gives no finite holdout prediction for some customers" };
    const holdout = scanCustomers(ledger, calibrationEnd - 1, end - 1, axis).transactions;
    const actual = new Float64Array(rows.count);
    for (let i = 0; i < rows.count; i++) actual[i] = holdout[summary.customer[i]!]!;
    const tracking = trackingSeries(fit, ledger, { calibrationEnd, end, granularity: "week" });
    return {
      available: true,
      model: { model: fit.model, params: { ...fit.params } as Readonly<Record<string, number>>, logLikelihood: fit.logLikelihood, converged: fit.converged, iterations: fit.iterations, observations: fit.observations },
      timeUnit,
      calibration: { start: new Date(origin), end: new Date(calibrationEnd) },
      holdout: { start: new Date(calibrationEnd), end: new Date(end) },
      customers: rows.count,
      tracking: { periods: tracking.periods, calibration: tracking.calibration, holdout: tracking.holdout },
      byFrequency: frequencyTable(rows.frequency, actual, predicted.expected),
    };
  } catch (error) {
    const hint = penalizer === 0 ? " (the penalizer option; CLI: --penalizer 0.001)" : "";
    return { available: false, reason: `the BG/NBD fit on the calibration period failed: ${error instanceof Error ? error.message : String(error)}${hint}` };
  }
}

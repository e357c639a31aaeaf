import { fitBgNbdColumns } from "../clv/models/fitBgNbd";
import { fitGammaGammaColumns, type GammaGammaFit } from "../clv/models/fitGammaGamma";
import { clvIntervalTotals, type IntervalRows } from "../clv/models/clvIntervals";
import { includedRows, readPredictionSettings, type PredictionSettings } from "../clv/models/predictClv";
import { kernelScratch, predictRows, rowPredictions, stepSchedule, type KernelScratch, type RowPredictions } from "../clv/models/predictionKernel";
import { seededRandom } from "../clv/models/seededRandom";
import type { BgNbdModel, BgNbdParams, TransactionModel } from "../clv/models/modelTypes";
import type { SummaryColumns } from "../clv/summaryInput";
import type { SummarizedColumns } from "../clv/customerSummary";
import type { KpiReportOptions, SkippableSection } from "./kpiReport";
import type { CalibrationData } from "./modelFitSection";

/** The report's interval on the total CLV: 90%, 200 draws, seed 1 (so a report is reproducible). */
export const INTERVAL = { level: 0.9, draws: 200, seed: 1 } as const;

/** The interval's totals, or why there are none. */
export type IntervalTotals = Pick<IntervalRows, "total" | "overflowed" | "clvReason"> | string;

/** The center run of the predictions: the settings, the rows counted, and the kernel's output and working arrays. */
export interface CenterRun {
  readonly settings: PredictionSettings;
  readonly include: Uint8Array;
  readonly scratch: KernelScratch;
  readonly center: RowPredictions;
}

/**
 * The kernel's predictions at the fitted parameters over `horizon` time units discounted by
 * `discountRate` per unit, in working arrays the interval's runs then reuse.
 *
 * @example
 * centerRun(bgNbd, gammaGamma, rows, 52, 0.0018).center.expected[0] //=> the first row's expected purchases
 */
export function centerRun(transaction: TransactionModel, gammaGamma: GammaGammaFit, rows: SummaryColumns, horizon: number, discountRate: number): CenterRun {
  const settings = readPredictionSettings(transaction, gammaGamma, { horizon, discountRate });
  const include = includedRows(rows);
  const scratch = kernelScratch(rows.count);
  const center = predictRows(transaction, stepSchedule(settings.steps, settings.step, horizon, discountRate), rows, include, { scratch, into: rowPredictions(rows.count) });
  return { settings, include, scratch, center };
}

/**
 * The interval on the total CLV (`INTERVAL`) around a center run: the report's 8 extra kernel
 * runs, in the center run's working arrays.
 */
export function reportIntervalTotals(run: CenterRun, rows: SummaryColumns): IntervalTotals {
  return clvIntervalTotals(run.settings, rows, run.include, run.center, { level: INTERVAL.level, draws: INTERVAL.draws, random: seededRandom(INTERVAL.seed), scratch: run.scratch });
}

/** What the report knows before its first section, for an engine that starts the predictions early. */
export interface PredictionPlanInput {
  readonly options: KpiReportOptions;
  readonly skip: ReadonlySet<SkippableSection>;
  /** The customer summaries in a time unit, computed once per report. */
  readonly summary: (timeUnit: "day" | "week") => SummarizedColumns;
  /** The Model fit section's split and calibration summaries in a time unit, computed once per report. */
  readonly calibration: (timeUnit: "day" | "week") => CalibrationData | string;
}

/**
 * Where the report's heaviest model steps run: the BG/NBD fit, the Gamma-Gamma fit, the
 * center run of the predictions, the interval on the total (8 more kernel runs) and the Model
 * fit section's BG/NBD fit on the calibration period.
 * `kpiReport` runs each in its own thread when it is asked for. The CLI's `report` starts
 * them all on a second thread before the first section (src/cli/predictionThread.ts), so
 * they run while the other sections are built; it answers with the same bits, as it runs the
 * same functions on the same numbers.
 */
export interface PredictionEngine {
  /** Called once, before the first section. */
  begin(plan: PredictionPlanInput): void;
  bgNbdFit(rows: SummaryColumns, penalizer: number): BgNbdModel;
  gammaGammaFit(rows: SummaryColumns, penalizer: number): GammaGammaFit;
  centerRun(transaction: TransactionModel, gammaGamma: GammaGammaFit, rows: SummaryColumns, horizon: number, discountRate: number): CenterRun;
  /** The Model fit section's BG/NBD fit on the calibration summaries, from `start` (the full data's fit) when given. */
  calibrationFit(rows: SummaryColumns, penalizer: number, timeUnit: "day" | "week", start: BgNbdParams | undefined): BgNbdModel;
  /** Asked for after the report's last model section, with the center run the engine gave. */
  intervalTotals(run: CenterRun, rows: SummaryColumns): IntervalTotals;
}

/** `kpiReport`'s engine: everything in the calling thread, when asked for. */
export const IN_THREAD: PredictionEngine = {
  begin: () => undefined,
  bgNbdFit: (rows, penalizer) => fitBgNbdColumns(rows, { penalizer }),
  gammaGammaFit: (rows, penalizer) => fitGammaGammaColumns(rows, { penalizer }),
  centerRun,
  calibrationFit: (rows, penalizer, timeUnit, start) => fitBgNbdColumns(rows, { penalizer, timeUnit }, false, start),
  intervalTotals: reportIntervalTotals,
};

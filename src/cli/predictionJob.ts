import type { MessagePort } from "node:worker_threads";
import type { GammaGammaFit } from "../clv/models/fitGammaGamma";
import type { BgNbdModel } from "../clv/models/modelTypes";
import type { RowPredictions } from "../clv/models/predictionKernel";
import type { SummaryColumns } from "../clv/summaryInput";
import { IN_THREAD, type IntervalTotals } from "../report/predictionEngine";

/** A summary's columns without its ids (the models do not read them). */
export type SummaryNumbers = Omit<SummaryColumns, "customerId">;

/**
 * The numbers the second thread works from: the summary's columns, the predictions' terms,
 * and the Model fit section's calibration summary when that section will fit one.
 */
export interface PredictionJob {
  readonly rows: SummaryNumbers;
  readonly penalizer: number;
  readonly horizon: number;
  readonly discountRate: number;
  readonly timeUnit: "day" | "week";
  readonly calibrationRows: SummaryNumbers | undefined;
}

/**
 * What the second thread sends, in the order the report asks for them: the BG/NBD fit, the
 * Gamma-Gamma fit with the center run's predictions, the calibration fit (when the job has
 * calibration rows), the interval; or `failed` where it stopped.
 */
export type PredictionMessage =
  | { readonly kind: "bgNbd"; readonly model: BgNbdModel }
  | { readonly kind: "calibration"; readonly model: BgNbdModel }
  | { readonly kind: "center"; readonly gammaGamma: GammaGammaFit; readonly center: RowPredictions }
  | { readonly kind: "interval"; readonly totals: IntervalTotals }
  | { readonly kind: "failed" };

/** What the worker is started with; the job comes through `port`. `signal[STARTED]` is set once its code has loaded, `signal[POSTED]` counts its messages. */
export interface PredictionWorkerData {
  readonly port: MessagePort;
  /** Run `warmUpJob` before waiting for the job (a worker started before the input is read). */
  readonly warmUp: boolean;
  readonly signal: Int32Array;
}

export const STARTED = 0;
export const POSTED = 1;

/** Customers of the warm-up job: enough for the engine to compile the fits and the kernel, few enough to finish while a large file is read. */
const WARM_UP_CUSTOMERS = 1024;

/**
 * A job on made-up weekly summaries (whole days in weeks, 0–12 repeat purchases, spend 5–54),
 * run by a worker that starts before the input is read: the engine then compiles the fits' and
 * the kernel's code while the main thread reads, instead of during the report. The numbers of
 * the real job do not depend on it (the engine's tiers compute the same bits).
 */
export function warmUpJob(): PredictionJob {
  const n = WARM_UP_CUSTOMERS;
  const rows = { count: n, frequency: new Float64Array(n), recency: new Float64Array(n), T: new Float64Array(n), monetary: new Float64Array(n), weight: new Float64Array(n).fill(1), timeUnit: "week" as const };
  for (let i = 0; i < n; i++) {
    const days = 30 + ((i * 7919) % 700);
    const x = i % 13;
    rows.frequency[i] = x;
    rows.T[i] = days / 7;
    rows.recency[i] = x === 0 ? 0 : Math.floor((days * ((i * 31) % 100)) / 100) / 7;
    rows.monetary[i] = x === 0 ? 0 : 5 + ((i * 17) % 50);
  }
  return { rows, penalizer: 0.001, horizon: 52, discountRate: 0.0018, timeUnit: "week", calibrationRows: rows };
}

/**
 * The report's model steps as `kpiReport` runs them (the same functions on the same numbers,
 * so the same bits): the BG/NBD fit, the Gamma-Gamma fit, the center run, the calibration fit
 * started from the BG/NBD fit (in this thread, where the fit's code is already compiled for
 * this data) and the interval on the total. Sends each result as soon as it is known; sends `failed` where a step throws or a
 * fit does not converge (the report then stops there too, or computes the step itself).
 */
export function runPredictionJob(job: PredictionJob, send: (message: PredictionMessage) => void): void {
  const rows: SummaryColumns = { ...job.rows, customerId: [] };
  try {
    const bgNbd = IN_THREAD.bgNbdFit(rows, job.penalizer);
    send({ kind: "bgNbd", model: bgNbd });
    const gammaGamma = bgNbd.converged ? IN_THREAD.gammaGammaFit(rows, job.penalizer) : null;
    if (gammaGamma === null || !gammaGamma.converged) {
      send({ kind: "failed" });
      return;
    }
    const run = IN_THREAD.centerRun(bgNbd, gammaGamma, rows, job.horizon, job.discountRate);
    send({ kind: "center", gammaGamma, center: run.center });
    if (job.calibrationRows !== undefined) {
      send({ kind: "calibration", model: IN_THREAD.calibrationFit({ ...job.calibrationRows, customerId: [] }, job.penalizer, job.timeUnit, bgNbd.params) });
    }
    send({ kind: "interval", totals: IN_THREAD.intervalTotals(run, rows) });
  } catch {
    send({ kind: "failed" });
  }
}

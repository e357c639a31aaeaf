import { RetentionOptionsError } from "../input/errors";

/** The phases `kpiReport` reports through `onProgress`, in the order they run. */
export type KpiReportPhase =
  | "periodKpis"
  | "cohorts"
  | "customerSummaries"
  | "bgNbdFit"
  | "modelChoice"
  | "gammaGammaFit"
  | "predictions"
  | "defections"
  | "segments"
  | "modelFit";

/**
 * `onProgress(phase, done, total)`: called synchronously as the report is built. Each phase
 * is announced with `done = 0` and closed with `done = total`; `predictions` also reports
 * every 16,384 customers (`total` = customers), the others count one step (`total` = 1).
 */
export type KpiReportProgress = (phase: KpiReportPhase, done: number, total: number) => void;

const NONE: KpiReportProgress = () => undefined;

/** Checks the `onProgress` option; the sections call the result (a no-op when none was given). */
export function readProgress(option: unknown): KpiReportProgress {
  if (option === undefined) return NONE;
  if (typeof option !== "function") throw new RetentionOptionsError("onProgress", `expected a function (phase, done, total), found ${option === null ? "null" : typeof option}`);
  return option as KpiReportProgress;
}

/** Runs `compute` as one phase: announces it, then closes it. */
export function phase<T>(progress: KpiReportProgress, name: KpiReportPhase, compute: () => T): T {
  progress(name, 0, 1);
  const result = compute();
  progress(name, 1, 1);
  return result;
}

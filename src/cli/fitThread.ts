import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { KpiReport, KpiReportStep } from "../report/kpiReport";
import { fitsFromJob, type FitJob, type FitJobResult, type ReportFits } from "../report/reportFits";
import { CliError } from "./errors";

/** Purchases from which the report's fits go to a worker thread: below, the thread's start-up (about 40 ms of CPU) outweighs what it saves. */
export const FIT_THREAD_FROM_PURCHASES = 100_000;

/** The environment variable that forces the choice: `always`, `never`, or unset (by size). */
export const FIT_THREAD_VARIABLE = "RETENTION_METRICS_FIT_THREAD";

/** The built worker, next to the built CLI; absent when the CLI runs from its sources. */
const WORKER = new URL("./fitWorker.js", import.meta.url);

/**
 * The worker the report of `purchases` rows fits its models in, or null to fit them in this
 * thread (see `FIT_THREAD_VARIABLE`).
 */
export function fitThreadWorker(purchases: number, env: Readonly<Record<string, string | undefined>>): URL | null {
  const choice = env[FIT_THREAD_VARIABLE];
  if (choice !== undefined && choice !== "always" && choice !== "never") throw new CliError(`${FIT_THREAD_VARIABLE}: expected "always" or "never", found "${choice}"`);
  if (choice === "never" || (choice === undefined && purchases < FIT_THREAD_FROM_PURCHASES)) return null;
  return existsSync(fileURLToPath(WORKER)) ? WORKER : null;
}

/**
 * Runs `job` in a worker thread. Resolves to the fits it made, or to `undefined` (the report then
 * fits in this thread) when the thread cannot start, fails, or ends without an answer.
 */
function fitInThread(job: FitJob, script: URL): Promise<ReportFits | undefined> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(script);
    } catch {
      resolve(undefined);
      return;
    }
    worker.once("message", (result: FitJobResult) => {
      resolve(fitsFromJob(job, result));
      void worker.terminate();
    });
    worker.once("error", () => resolve(undefined));
    worker.once("exit", () => resolve(undefined));
    worker.postMessage(job);
  });
}

/**
 * Drives `kpiReportSteps`: with a `worker` script (`fitThreadWorker`), its fits run in a worker thread while this thread
 * computes the other sections (the machine's second core); the report is the same either way,
 * since the same code fits the same numbers.
 */
export async function driveReport(steps: Generator<KpiReportStep, KpiReport, ReportFits | undefined>, worker: URL | null): Promise<KpiReport> {
  let pending: Promise<ReportFits | undefined> | undefined;
  let step = steps.next();
  while (step.done !== true) {
    if (step.value.kind === "startFits") {
      pending = worker === null ? undefined : fitInThread(step.value.job(), worker);
      step = steps.next(undefined);
    } else {
      step = steps.next(pending === undefined ? undefined : await pending);
    }
  }
  return step.value;
}

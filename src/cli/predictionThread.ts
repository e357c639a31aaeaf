import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { predictionTerms } from "../report/clvSection";
import { readClvOptions } from "../report/kpiReport";
import { IN_THREAD, type PredictionEngine, type PredictionPlanInput } from "../report/predictionEngine";
import type { BgNbdModel } from "../clv/models/modelTypes";
import type { GammaGammaFit } from "../clv/models/fitGammaGamma";
import { includedRows, readPredictionSettings } from "../clv/models/predictClv";
import { kernelScratch, type RowPredictions } from "../clv/models/predictionKernel";
import type { SummaryColumns } from "../clv/summaryInput";
import { POSTED, STARTED, type PredictionJob, type PredictionMessage, type PredictionWorkerData, type SummaryNumbers } from "./predictionJob";

/** Below this many customers the whole report takes well under a second, less than the thread costs to start. */
export const THREAD_MIN_CUSTOMERS = 20_000;

/** How long the report waits for the second thread's code to load before it computes the steps itself. */
const START_TIMEOUT_MS = 5_000;

/** The engine of `report` with a second thread, and what it did. */
export interface ThreadedEngine extends PredictionEngine {
  /** How many of the report's requests the second thread answered (0 to 4: the Gamma-Gamma fit with the center run counts as one). */
  readonly answered: number;
  /** Stops the second thread if it still runs. */
  close(): void;
}

/** A summary's columns without its ids. */
function numbersOf(rows: SummaryColumns): SummaryNumbers {
  const { customerId: _ids, ...numbers } = rows;
  return numbers;
}

/** The job for the second thread, or undefined when the report's predicted CLV will not run it (or fails before it). */
function plannedJob(plan: PredictionPlanInput): { job: PredictionJob; rows: SummaryColumns; calibrationRows: SummaryColumns | undefined } | undefined {
  try {
    if (plan.skip.has("predictedClv")) return undefined;
    const options = readClvOptions(plan.options);
    const timeUnit = options.timeUnit ?? "week";
    if (options.model === "auto" || (timeUnit !== "week" && timeUnit !== "day")) return undefined;
    const terms = predictionTerms(options, timeUnit);
    const summary = plan.summary(timeUnit);
    if (summary.rows.count < THREAD_MIN_CUSTOMERS || summary.repeatCustomerCount === 0) return undefined;
    const calibration = plan.skip.has("modelFit") ? undefined : plan.calibration(timeUnit);
    const calibrationRows = typeof calibration === "object" && calibration.summary.repeatCustomerCount > 0 ? calibration.summary.rows : undefined;
    const job = { rows: numbersOf(summary.rows), ...terms, timeUnit, calibrationRows: calibrationRows === undefined ? undefined : numbersOf(calibrationRows) };
    return { job, rows: summary.rows, calibrationRows };
  } catch {
    // The report reads the same options and summaries again where it needs them, and throws there.
    return undefined;
  }
}

/**
 * The `report` command's engine. A worker thread starts now (`startNow`, for a large input: it
 * loads its code and runs the warm-up job while the input is read) or when the report knows
 * its customer summaries (before its first section). Given the summaries, it fits BG/NBD and
 * Gamma-Gamma, runs the predictions' center, fits the Model fit section's calibration period
 * and computes the interval on the total CLV, while this thread builds the other sections.
 * When the report asks for a step, this thread waits for the worker's answer (blocking,
 * through `Atomics.wait`) and uses it only for the same rows, penalizer, models and terms;
 * otherwise, or when the worker failed or did not start within 5 s, it computes the step
 * itself. The answers are the bits `kpiReport` computes, as the worker runs the same functions
 * on the same numbers.
 *
 * @example
 * const engine = threadedEngine(true);
 * try { report = kpiReportWith(ledger, options, engine); } finally { engine.close(); }
 */
export function threadedEngine(startNow: boolean): ThreadedEngine {
  let spawned = startNow ? spawn(true) : undefined;
  let state: Started | undefined;
  let answered = 0;
  const stop = (): void => {
    if (spawned === undefined) return;
    void spawned.worker.terminate();
    spawned.port.close();
    spawned = state = undefined;
  };
  /**
   * The worker's message of `kind`, waiting for it (messages of other kinds are kept for
   * later); undefined, and the worker stopped, when the worker failed or did not start.
   */
  const take = <K extends PredictionMessage["kind"]>(kind: K): Extract<PredictionMessage, { kind: K }> | undefined => {
    if (state === undefined) return undefined;
    const { signal, port, inbox } = state;
    if (Atomics.load(signal, STARTED) === 0 && Atomics.wait(signal, STARTED, 0, START_TIMEOUT_MS) === "timed-out") {
      stop();
      return undefined;
    }
    while (!inbox.has(kind) && !inbox.has("failed")) {
      while (Atomics.load(signal, POSTED) === state.received) Atomics.wait(signal, POSTED, state.received);
      state.received++;
      const message = receiveMessageOnPort(port)?.message as PredictionMessage;
      inbox.set(message.kind, message);
    }
    const message = inbox.get(kind);
    if (message === undefined) {
      stop();
      return undefined;
    }
    answered++;
    return message as Extract<PredictionMessage, { kind: K }>;
  };
  return {
    get answered() {
      return answered;
    },
    close: stop,
    begin(plan) {
      const planned = plannedJob(plan);
      if (planned === undefined) {
        stop();
        return;
      }
      spawned ??= spawn(false);
      spawned.port.postMessage(planned.job);
      state = { ...planned, ...spawned, received: 0, inbox: new Map() };
    },
    bgNbdFit(rows, penalizer) {
      const asked = state !== undefined && rows === state.rows && penalizer === state.job.penalizer;
      const message = asked ? take("bgNbd") : undefined;
      if (message !== undefined && state !== undefined) return (state.bgNbd = message.model);
      return IN_THREAD.bgNbdFit(rows, penalizer);
    },
    gammaGammaFit(rows, penalizer) {
      const asked = state?.bgNbd !== undefined && rows === state.rows && penalizer === state.job.penalizer;
      const message = asked ? take("center") : undefined;
      if (message !== undefined && state !== undefined) {
        state.center = message.center;
        return (state.gammaGamma = message.gammaGamma);
      }
      return IN_THREAD.gammaGammaFit(rows, penalizer);
    },
    centerRun(transaction, gammaGamma, rows, horizon, discountRate) {
      const center = state?.center;
      if (center !== undefined && state !== undefined && transaction === state.bgNbd && gammaGamma === state.gammaGamma && rows === state.rows && horizon === state.job.horizon && discountRate === state.job.discountRate) {
        const settings = readPredictionSettings(transaction, gammaGamma, { horizon, discountRate });
        return { settings, include: includedRows(rows), scratch: kernelScratch(rows.count), center };
      }
      stop();
      return IN_THREAD.centerRun(transaction, gammaGamma, rows, horizon, discountRate);
    },
    calibrationFit(rows, penalizer, timeUnit, start) {
      const fitted = state?.bgNbd?.params;
      const asked = state !== undefined && rows === state.calibrationRows && penalizer === state.job.penalizer && timeUnit === state.job.timeUnit && fitted !== undefined && start !== undefined;
      const message = asked && start.r === fitted.r && start.alpha === fitted.alpha && start.a === fitted.a && start.b === fitted.b ? take("calibration") : undefined;
      return message === undefined ? IN_THREAD.calibrationFit(rows, penalizer, timeUnit, start) : message.model;
    },
    intervalTotals(run, rows) {
      const asked = state?.center !== undefined && run.center === state.center && rows === state.rows;
      const message = asked ? take("interval") : undefined;
      stop();
      return message === undefined ? IN_THREAD.intervalTotals(run, rows) : message.totals;
    },
  };
}

/** A worker thread, its end of the channel, and its signals. */
interface Spawned {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly signal: Int32Array;
}

/**
 * Starts the worker: it loads its code (signalling `STARTED`), then waits for the job. A
 * worker that fails to load never signals; the report then computes the steps itself.
 */
function spawn(warmUp: boolean): Spawned {
  const channel = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const options = { workerData: { port: channel.port1, signal, warmUp } satisfies PredictionWorkerData, transferList: [channel.port1] };
  const worker = import.meta.url.endsWith(".ts")
    ? // From the TypeScript sources (the tests run them), the worker registers tsx before it loads its source.
      new Worker(`import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL("./predictionWorker.ts", import.meta.url).href)}); });`, { ...options, eval: true })
    : new Worker(new URL("./predictionWorker.js", import.meta.url), options);
  worker.on("error", () => undefined);
  worker.unref();
  return { worker, port: channel.port2, signal };
}

/** A worker with its job, and what it has answered. */
interface Started extends Spawned {
  readonly job: PredictionJob;
  readonly rows: SummaryColumns;
  readonly calibrationRows: SummaryColumns | undefined;
  /** Messages received and not yet asked for, by kind. */
  readonly inbox: Map<PredictionMessage["kind"], PredictionMessage>;
  received: number;
  bgNbd?: BgNbdModel;
  gammaGamma?: GammaGammaFit;
  center?: RowPredictions;
}

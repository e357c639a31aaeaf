import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { predictionTerms } from "../report/clvSection";
import { readClvOptions } from "../report/kpiReport";
import { IN_THREAD, type PredictionEngine, type PredictionPlanInput } from "../report/predictionEngine";
import type { BgNbdModel } from "../clv/models/modelTypes";
import type { GammaGammaFit } from "../clv/models/fitGammaGamma";
import { includedRows, readPredictionSettings } from "../clv/models/predictClv";
import { kernelScratch, type RowPredictions } from "../clv/models/predictionKernel";
import type { SummaryColumns } from "../clv/summaryRows";
import { POSTED, STARTED, type PredictionJob, type PredictionMessage, type PredictionWorkerData } from "./predictionJob";

/** Below this many customers the whole report takes well under a second, less than the thread costs to start. */
export const THREAD_MIN_CUSTOMERS = 20_000;

/** How long the report waits for the second thread's code to load before it computes the steps itself. */
const START_TIMEOUT_MS = 5_000;

/** The engine of `report` with a second thread, and what it did. */
export interface ThreadedEngine extends PredictionEngine {
  /** How many of the report's requests the second thread answered (0 to 3: the fits with the center run count as one). */
  readonly answered: number;
  /** Stops the second thread if it still runs. */
  close(): void;
}

/** The job for the second thread, or undefined when the report's predicted CLV will not run it (or fails before it). */
function plannedJob(plan: PredictionPlanInput): { job: PredictionJob; rows: SummaryColumns } | undefined {
  try {
    if (plan.skip.has("predictedClv")) return undefined;
    const options = readClvOptions(plan.options);
    const timeUnit = options.timeUnit ?? "week";
    if (options.model === "auto" || (timeUnit !== "week" && timeUnit !== "day")) return undefined;
    const terms = predictionTerms(options, timeUnit);
    const summary = plan.summary(timeUnit);
    if (summary.rows.count < THREAD_MIN_CUSTOMERS || summary.repeatCustomerCount === 0) return undefined;
    const { customerId: _ids, ...columns } = summary.rows;
    return { job: { rows: columns, ...terms }, rows: summary.rows };
  } catch {
    // The report reads the same options and summaries again where it needs them, and throws there.
    return undefined;
  }
}

/**
 * The `report` command's engine. A worker thread starts now (`startNow`, for a large input:
 * it loads its code while the input is read) or when the report knows its customer summaries
 * (before its first section). Given the summaries, it fits BG/NBD and Gamma-Gamma, runs the predictions' center
 * run and computes the interval on the total CLV, while this thread builds the other
 * sections. When the report asks for a step, this thread waits for the worker's answer
 * (blocking, through `Atomics.wait`) and uses it only for the same rows, penalizer, models
 * and terms; otherwise, or when the worker failed or did not start, it computes the step
 * itself. The answers are the bits `kpiReport` computes, as the worker runs the same
 * functions on the same numbers.
 */
export function threadedEngine(startNow: boolean): ThreadedEngine {
  let spawned = startNow ? spawn() : undefined;
  let state: Started | undefined;
  let answered = 0;
  const stop = (): void => {
    if (spawned === undefined) return;
    void spawned.worker.terminate();
    spawned.port.close();
    spawned = state = undefined;
  };
  /** The worker's next message when it is of `kind`; otherwise undefined, and the worker is stopped. */
  const next = <K extends PredictionMessage["kind"]>(kind: K): Extract<PredictionMessage, { kind: K }> | undefined => {
    if (state === undefined) return undefined;
    const { signal, port } = state;
    if (Atomics.load(signal, STARTED) === 0 && Atomics.wait(signal, STARTED, 0, START_TIMEOUT_MS) === "timed-out") {
      stop();
      return undefined;
    }
    while (Atomics.load(signal, POSTED) === state.received) Atomics.wait(signal, POSTED, state.received);
    state.received++;
    const message = receiveMessageOnPort(port)?.message as PredictionMessage | undefined;
    if (message?.kind !== kind) {
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
      spawned ??= spawn();
      spawned.port.postMessage(planned.job);
      state = { ...planned, ...spawned, received: 0 };
    },
    bgNbdFit(rows, penalizer) {
      const asked = state !== undefined && rows === state.rows && penalizer === state.job.penalizer;
      const message = asked ? next("bgNbd") : undefined;
      if (message !== undefined && state !== undefined) return (state.bgNbd = message.model);
      return IN_THREAD.bgNbdFit(rows, penalizer);
    },
    gammaGammaFit(rows, penalizer) {
      const asked = state?.bgNbd !== undefined && rows === state.rows && penalizer === state.job.penalizer;
      const message = asked ? next("center") : undefined;
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
    intervalTotals(run, rows) {
      const asked = state?.center !== undefined && run.center === state.center && rows === state.rows;
      const message = asked ? next("interval") : undefined;
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
function spawn(): Spawned {
  const fromSource = import.meta.url.endsWith(".ts");
  const url = new URL(fromSource ? "./predictionWorker.ts" : "./predictionWorker.js", import.meta.url);
  const channel = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const workerData: PredictionWorkerData = { port: channel.port1, signal };
  // From the TypeScript sources (the tests), the worker loads them through tsx, as the CLI does.
  const worker = new Worker(url, { workerData, transferList: [channel.port1], ...(fromSource ? { execArgv: ["--import", "tsx"] } : {}) });
  worker.on("error", () => undefined);
  worker.unref();
  return { worker, port: channel.port2, signal };
}

/** A worker with its job, and what it has answered. */
interface Started extends Spawned {
  readonly job: PredictionJob;
  readonly rows: SummaryColumns;
  received: number;
  bgNbd?: BgNbdModel;
  gammaGamma?: GammaGammaFit;
  center?: RowPredictions;
}

import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import { fitReportModels, type ReportFits, type StartReportFits } from "../report/reportFits";
import { fromFitAnswer, type FitAnswer } from "./fitAnswer";
import type { FitRequest, FitWorkerData } from "./fitWorker";

/** The worker's file, built beside the CLI's (`tsup.config.ts`). */
const WORKER_FILE = "cli-fit-worker.js";

/** A worker thread for the report's fits: `start` hands it the summary; `close` ends it. */
export interface FitThread {
  readonly start: StartReportFits;
  readonly close: () => void;
}

/**
 * Starts a worker thread for the report's model fits, to be called before the input is read:
 * the thread and its code load meanwhile, so on a machine with two or more cores the fits run
 * as soon as the summary is known, while the main thread builds the other sections
 * (`buildKpiReport`). The wait blocks (`Atomics.wait`) until the worker raises its flag, then
 * takes its answer; should no answer come, the fits run here instead, so the report is the same
 * either way. `undefined` where the worker file is not built beside this code (running from
 * source): the report then fits in its own thread.
 */
export function fitThread(): FitThread | undefined {
  const file = new URL(`./${WORKER_FILE}`, import.meta.url);
  if (file.protocol !== "file:" || !existsSync(fileURLToPath(file))) return undefined;
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const data: FitWorkerData = { port: port2, done };
  const worker = new Worker(file, { workerData: data, transferList: [port2] });
  worker.unref();
  const close = (): void => {
    port1.close();
    void worker.terminate();
  };
  const start: StartReportFits = (rows, penalizer) => {
    const request: FitRequest = { rows: { ...rows, customerId: [] }, penalizer };
    port1.postMessage(request);
    return (): ReportFits => {
      Atomics.wait(done, 0, 0);
      const answer = receiveMessageOnPort(port1)?.message as FitAnswer | undefined;
      close();
      return answer === undefined ? fitReportModels(rows, penalizer) : fromFitAnswer(answer);
    };
  };
  return { start, close };
}

import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import { fitReportModels, type ReportFits, type StartReportFits } from "../report/reportFits";
import { fromFitAnswer, type FitAnswer } from "./fitAnswer";
import type { FitRequest } from "./fitWorker";

/** The worker's file, built beside the CLI's (`tsup.config.ts`). */
const WORKER_FILE = "cli-fit-worker.js";

/**
 * Starts the report's fits in a worker thread, so on a machine with two or more cores they run
 * while the main thread builds the other sections (`buildKpiReport`). The wait blocks
 * (`Atomics.wait`) until the worker raises its flag, then takes its answer; should no answer
 * come, the fits run here instead, so the report is the same either way. `undefined` where
 * the worker file is not built beside this code (running from source): the report then fits
 * in its own thread.
 */
export function fitThread(): StartReportFits | undefined {
  const file = new URL(`./${WORKER_FILE}`, import.meta.url);
  if (file.protocol !== "file:" || !existsSync(fileURLToPath(file))) return undefined;
  return (rows, penalizer) => {
    const done = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const request: FitRequest = { rows: { ...rows, customerId: [] }, penalizer, port: port2, done };
    const worker = new Worker(file, { workerData: request, transferList: [port2] });
    worker.unref();
    return (): ReportFits => {
      Atomics.wait(done, 0, 0);
      const answer = receiveMessageOnPort(port1)?.message as FitAnswer | undefined;
      port1.close();
      void worker.terminate();
      if (answer === undefined) return fitReportModels(rows, penalizer);
      return fromFitAnswer(answer);
    };
  };
}

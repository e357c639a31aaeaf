import { workerData, type MessagePort } from "node:worker_threads";
import type { SummaryColumns } from "../clv/summaryRows";

/** What `fitThread` sends: the summary's columns, the penalizer, the port for the answer and the flag to raise when done. */
export interface FitRequest {
  readonly rows: SummaryColumns;
  readonly penalizer: number;
  readonly port: MessagePort;
  readonly done: Int32Array;
}

/*
 * The worker thread of `fitThread`: fits the report's models and posts them, then raises the
 * flag the main thread waits on. The flag goes up whatever happens (the fit code failing to
 * load included), so the main thread never waits for an answer that will not come.
 */
const { rows, penalizer, port, done } = workerData as FitRequest;
try {
  const [{ fitReportModels }, { toFitAnswer }] = await Promise.all([import("../report/reportFits"), import("./fitAnswer")]);
  port.postMessage(toFitAnswer(fitReportModels(rows, penalizer)));
} finally {
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
}

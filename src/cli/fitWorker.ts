import { workerData, type MessagePort } from "node:worker_threads";
import type { SummaryColumns } from "../clv/summaryRows";

/** What `fitThread` gives the worker when it starts: the port for the request and the answer, and the flag to raise when done. */
export interface FitWorkerData {
  readonly port: MessagePort;
  readonly done: Int32Array;
}

/** The request `fitThread` posts once the summary is known: the summary's columns and the penalizer. */
export interface FitRequest {
  readonly rows: SummaryColumns;
  readonly penalizer: number;
}

/*
 * The worker thread of `fitThread`. It starts while the main thread reads the input and loads
 * the fit code at once, so both are done when the request comes; it then fits the report's
 * models, posts them and raises the flag the main thread waits on. The flag goes up whatever
 * happens (the fit code failing to load included), so the main thread never waits for an
 * answer that will not come.
 */
const { port, done } = workerData as FitWorkerData;
const loaded = Promise.all([import("../report/reportFits"), import("./fitAnswer")]);
loaded.catch(() => undefined);
port.once("message", async ({ rows, penalizer }: FitRequest) => {
  try {
    const [{ fitReportModels }, { toFitAnswer }] = await loaded;
    port.postMessage(toFitAnswer(fitReportModels(rows, penalizer)));
  } finally {
    Atomics.store(done, 0, 1);
    Atomics.notify(done, 0);
    port.close();
  }
});

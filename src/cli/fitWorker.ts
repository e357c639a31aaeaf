/*
 * The worker thread of the CLI's report: receives one `FitJob`, answers with its
 * `FitJobResult`, and ends.
 */
import { parentPort } from "node:worker_threads";
import { runFitJob, type FitJob } from "../report/reportFits";

parentPort?.once("message", (job: FitJob) => {
  parentPort?.postMessage(runFitJob(job));
});

/**
 * The `report` command's second thread (started by src/cli/predictionThread.ts): started
 * before a large input is read, it first runs the warm-up job; then it waits for the
 * report's job, runs it, and signals each message through the shared counter, which the main
 * thread waits on while it is busy with the report.
 */
import { workerData } from "node:worker_threads";
import { POSTED, runPredictionJob, STARTED, warmUpJob, type PredictionJob, type PredictionWorkerData } from "./predictionJob";

const { port, signal, warmUp } = workerData as PredictionWorkerData;
Atomics.store(signal, STARTED, 1);
Atomics.notify(signal, STARTED);
if (warmUp) runPredictionJob(warmUpJob(), () => undefined);
port.once("message", (job: PredictionJob) => {
  runPredictionJob(job, (message) => {
    port.postMessage(message);
    Atomics.add(signal, POSTED, 1);
    Atomics.notify(signal, POSTED);
  });
  port.close();
});

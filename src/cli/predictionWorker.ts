/**
 * The `report` command's second thread (started by src/cli/predictionThread.ts): waits for
 * the predicted CLV's job, runs it, and signals each message through the shared counter, which the main
 * thread waits on while it is busy with the report.
 */
import { workerData } from "node:worker_threads";
import { POSTED, runPredictionJob, STARTED, type PredictionJob, type PredictionWorkerData } from "./predictionJob";

const { port, signal } = workerData as PredictionWorkerData;
Atomics.store(signal, STARTED, 1);
Atomics.notify(signal, STARTED);
port.once("message", (job: PredictionJob) => {
  runPredictionJob(job, (message) => {
    port.postMessage(message);
    Atomics.add(signal, POSTED, 1);
    Atomics.notify(signal, POSTED);
  });
  port.close();
});

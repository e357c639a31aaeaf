/**
 * The `report` command's worker thread (built as dist/internal/reportWorker.js): computes
 * predicted CLV's fits, predictions and interval (`computePredictedParts`) for the summary
 * columns it is sent, while the main thread computes the report's other sections. It posts
 * the BG/NBD fit as soon as it has it, then every part (the predictions' arrays moved, not copied).
 */
import { parentPort } from "node:worker_threads";
import { computePredictedParts } from "../report/predictedParts";
import type { ReportWorkerJob } from "./reportOffload";

const port = parentPort;
port?.once("message", ({ rows, terms }: ReportWorkerJob) => {
  const parts = computePredictedParts(rows, terms, (bgNbd) => port.postMessage({ kind: "transaction", bgNbd }));
  const { center } = parts;
  const buffers = center === undefined ? [] : [center.value.buffer, center.expected.buffer, center.alive.buffer, center.failed.buffer];
  port.postMessage({ kind: "parts", parts }, buffers as ArrayBuffer[]);
});

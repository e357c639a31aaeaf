import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { SummaryColumns } from "../clv/summaryRows";
import type { BgNbdModel } from "../clv/models/modelTypes";
import type { PredictedOffload } from "../report/kpiReport";
import { computePredictedParts, type PredictedParts, type PredictionTerms } from "../report/predictedParts";

/** What the main thread sends the report's worker: the summary's numeric columns (no ids) and the prediction terms. */
export interface ReportWorkerJob {
  readonly rows: SummaryColumns;
  readonly terms: PredictionTerms;
}

/** The worker's messages: the BG/NBD fit first, then every part. */
type WorkerMessage = { readonly kind: "transaction"; readonly bgNbd: BgNbdModel | null } | { readonly kind: "parts"; readonly parts: PredictedParts };

/** A report offload and the means to stop its thread. */
export interface ReportThread {
  readonly offload: PredictedOffload;
  /** Stops the thread (when the report did not use it, or has its parts). */
  close(): void;
  /** True once the thread failed and this thread computed the parts instead. */
  readonly fellBack: boolean;
}

/**
 * A worker thread for the `report` command's predicted CLV (`kpiReportOffloaded`), started
 * at once so that it loads its code while the input is read. `null` when
 * `RETENTION_METRICS_WORKER` is `0`, or the worker's file is not there (the CLI run from its
 * TypeScript sources, as the tests do): the report then computes everything on this thread.
 * If the thread fails, the parts it did not deliver are computed here, so the report is the
 * same either way. `url` is the worker's module (tests pass one that loads the sources).
 */
export function startReportThread(env: Readonly<Record<string, string | undefined>>, url = new URL("./internal/reportWorker.js", import.meta.url)): ReportThread | null {
  if (env.RETENTION_METRICS_WORKER === "0") return null;
  if (url.protocol !== "file:" || !existsSync(fileURLToPath(url))) return null;
  const worker = new Worker(url);
  // Idle, the thread does not keep the process alive; it does while it computes a job.
  worker.unref();
  let settled = false;
  let exited = false;
  let fellBack = false;
  worker.once("exit", () => (exited = true));
  worker.on("error", () => undefined);
  const close = (): void => {
    settled = true;
    void worker.terminate();
  };
  const offload: PredictedOffload = {
    start(rows, terms) {
      let deliverTransaction: (bgNbd: BgNbdModel | null) => void = () => undefined;
      let deliverParts: (parts: PredictedParts) => void = () => undefined;
      const transaction = new Promise<BgNbdModel | null>((resolve) => (deliverTransaction = resolve));
      const parts = new Promise<PredictedParts>((resolve) => (deliverParts = resolve));
      const computeHere = (): void => {
        if (settled) return;
        fellBack = true;
        const local = computePredictedParts(rows, terms);
        close();
        deliverTransaction(local.bgNbd ?? null);
        deliverParts(local);
      };
      worker.on("message", (message: WorkerMessage) => {
        if (message.kind === "transaction") deliverTransaction(message.bgNbd);
        else {
          close();
          deliverParts(message.parts);
        }
      });
      if (exited) {
        computeHere();
        return { transaction, parts };
      }
      worker.once("exit", computeHere);
      worker.ref();
      const job: ReportWorkerJob = { rows: { ...rows, customerId: [] }, terms };
      worker.postMessage(job);
      return { transaction, parts };
    },
  };
  return {
    offload,
    close,
    get fellBack() {
      return fellBack;
    },
  };
}

import { summarizeScans } from "../clv/customerSummary";
import { fitBgNbdColumns } from "../clv/models/fitBgNbd";
import { fitGammaGammaColumns } from "../clv/models/fitGammaGamma";
import type { BgNbdModel, GammaGammaModel } from "../clv/models/modelTypes";
import { scanPurchases } from "../clv/scanCustomers";
import type { SummaryColumns } from "../clv/summaryRows";
import { readTimeAxis } from "../clv/timeAxis";
import type { CustomerMajorPurchases } from "../input/customerMajorPurchases";

/**
 * What the report's predicted-CLV fits need, as plain data a worker thread can receive: the
 * ledger's customer-major purchases, its money scale, the report's asOf, time unit and penalty.
 */
export interface FitJob {
  readonly purchases: CustomerMajorPurchases;
  readonly moneyScale: number;
  readonly asOf: number;
  readonly timeUnit: "day" | "week";
  readonly penalizer: number;
}

/** One fit's outcome: the model, or the message of the error the fit threw. */
export type FitOutcome<M> = { readonly model: M } | { readonly error: string };

/** What a `FitJob` gave: the two fits, and how many customers they were fitted on. */
export interface FitJobResult {
  readonly customers: number;
  readonly bgNbd: FitOutcome<BgNbdModel>;
  readonly gammaGamma: FitOutcome<GammaGammaModel>;
}

/** The CLV section's two fits of `rows`: each returns the model or throws as the fit does. */
export interface ReportFits {
  readonly bgNbd: (rows: SummaryColumns, penalizer: number) => BgNbdModel;
  readonly gammaGamma: (rows: SummaryColumns, penalizer: number) => GammaGammaModel;
}

/** The fits made where they are asked for, in this thread (what `kpiReport` uses). */
export const FITS_IN_THIS_THREAD: ReportFits = {
  bgNbd: (rows, penalizer) => fitBgNbdColumns(rows, { penalizer }, false),
  gammaGamma: (rows, penalizer) => fitGammaGammaColumns(rows, { penalizer }, false),
};

function outcome<M>(fit: () => M): FitOutcome<M> {
  try {
    return { model: fit() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Runs a `FitJob`: the customer summaries at asOf, from the purchases alone (the same scan and
 * the same numbers as `summaryColumns` on the ledger), then both fits, each kept even when the
 * other fails. The same code on the same numbers gives the same models in any thread.
 */
export function runFitJob(job: FitJob): FitJobResult {
  const axis = readTimeAxis({ timeUnit: job.timeUnit }, "kpiReport");
  const { rows } = summarizeScans(scanPurchases(job.purchases, Number.NEGATIVE_INFINITY, job.asOf, axis), null, job.moneyScale, job.asOf, axis);
  return {
    customers: rows.count,
    bgNbd: outcome(() => FITS_IN_THIS_THREAD.bgNbd(rows, job.penalizer)),
    gammaGamma: outcome(() => FITS_IN_THIS_THREAD.gammaGamma(rows, job.penalizer)),
  };
}

/**
 * The fits a finished job gave, handed out when the section asks for them. The section's own
 * rows are the judge: a job made on other customers, or at another penalty, is not used, and the
 * fit is made in this thread instead.
 */
export function fitsFromJob(job: FitJob, result: FitJobResult): ReportFits {
  const served = <M>(found: FitOutcome<M>, rows: SummaryColumns, penalizer: number, fitHere: () => M): M => {
    if (rows.count !== result.customers || penalizer !== job.penalizer) return fitHere();
    if ("error" in found) throw new Error(found.error);
    return found.model;
  };
  return {
    bgNbd: (rows, penalizer) => served(result.bgNbd, rows, penalizer, () => FITS_IN_THIS_THREAD.bgNbd(rows, penalizer)),
    gammaGamma: (rows, penalizer) => served(result.gammaGamma, rows, penalizer, () => FITS_IN_THIS_THREAD.gammaGamma(rows, penalizer)),
  };
}

import { fitBgNbdColumns } from "../clv/models/fitBgNbd";
import { fitGammaGammaColumns } from "../clv/models/fitGammaGamma";
import type { BgNbdModel, GammaGammaModel } from "../clv/models/modelTypes";
import type { SummaryColumns } from "../clv/summaryRows";

/**
 * The two fits behind the report's predicted CLV, each the model or the error its fit threw.
 * The Gamma-Gamma fit runs only after a converged BG/NBD fit (`null` otherwise), since the
 * section needs both.
 */
export interface ReportFits {
  readonly bgNbd: BgNbdModel | Error;
  readonly gammaGamma: GammaGammaModel | Error | null;
}

/**
 * Starts the report's fits on the summary rows (say, in another thread) and returns a function
 * that waits for them. `kpiReport` fits in its own thread unless its caller supplies one.
 */
export type StartReportFits = (rows: SummaryColumns, penalizer: number) => () => ReportFits;

/**
 * The report's fits in this thread, without standard errors (the report shows none). `onFit`
 * hears each fit start (`done` 0) and end (`done` 1), for progress.
 */
export function fitReportModels(rows: SummaryColumns, penalizer: number, onFit: (fit: "bgNbdFit" | "gammaGammaFit", done: 0 | 1) => void = () => {}): ReportFits {
  onFit("bgNbdFit", 0);
  const bgNbd = attempt(() => fitBgNbdColumns(rows, { penalizer }, false));
  onFit("bgNbdFit", 1);
  if (bgNbd instanceof Error || !bgNbd.converged) return { bgNbd, gammaGamma: null };
  onFit("gammaGammaFit", 0);
  const gammaGamma = attempt(() => fitGammaGammaColumns(rows, { penalizer }, false));
  onFit("gammaGammaFit", 1);
  return { bgNbd, gammaGamma };
}

function attempt<T>(fit: () => T): T | Error {
  try {
    return fit();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

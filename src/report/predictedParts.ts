import type { SummaryColumns } from "../clv/summaryRows";
import { fitBgNbdColumns } from "../clv/models/fitBgNbd";
import { fitGammaGammaColumns } from "../clv/models/fitGammaGamma";
import { includedRows, readPredictionSettings, type PredictionSettings } from "../clv/models/predictClv";
import { clvIntervalTotals } from "../clv/models/clvIntervals";
import { predictRows, stepSchedule, type RowPredictions } from "../clv/models/predictionKernel";
import { seededRandom } from "../clv/models/seededRandom";
import type { BgNbdModel, GammaGammaModel, TransactionModel } from "../clv/models/modelTypes";

/** The report's interval on the total CLV: 90%, 200 draws, seed 1 (so a report is reproducible). */
export const REPORT_INTERVAL = { level: 0.9, draws: 200, seed: 1 } as const;

/** What the report's predicted CLV fits and predicts with: the fits' penalty, and the horizon and discount rate per time unit. */
export interface PredictionTerms {
  readonly penalizer: number;
  readonly horizon: number;
  readonly discountRate: number;
}

/** The interval totals of the report's predicted CLV (`clvIntervalTotals`'s result). */
export type IntervalTotals = ReturnType<typeof clvIntervalTotals>;

/**
 * Where the predicted CLV section gets its four costly results: the BG/NBD and Gamma-Gamma
 * fits, the kernel's predictions at the fit, and the interval's totals. Each throws what the
 * computation throws. `computedHere` computes them when asked; `fromParts` hands over what
 * `computePredictedParts` computed elsewhere (the CLI's worker thread), with the same bits.
 */
export interface PredictedSource {
  fitBgNbd(rows: SummaryColumns, penalizer: number): BgNbdModel;
  fitGammaGamma(rows: SummaryColumns, penalizer: number): GammaGammaModel;
  predict(model: TransactionModel, settings: PredictionSettings, rows: SummaryColumns, include: Uint8Array): RowPredictions;
  intervalTotals(settings: PredictionSettings, rows: SummaryColumns, include: Uint8Array, center: RowPredictions): IntervalTotals;
}

/** The source that computes each result when the section asks for it. */
export const computedHere: PredictedSource = {
  fitBgNbd: (rows, penalizer) => fitBgNbdColumns(rows, { penalizer }),
  fitGammaGamma: (rows, penalizer) => fitGammaGammaColumns(rows, { penalizer }),
  predict: (model, settings, rows, include) => predictRows(model, stepSchedule(settings.steps, settings.step, settings.horizon, settings.discountRate), rows, include),
  intervalTotals: (settings, rows, include, center) =>
    clvIntervalTotals(settings, rows, include, center, { level: REPORT_INTERVAL.level, draws: REPORT_INTERVAL.draws, random: seededRandom(REPORT_INTERVAL.seed) }),
};

/** The step of `computePredictedParts` that threw, and its message. */
export interface PartFailure {
  readonly step: "bgNbd" | "gammaGamma" | "predict" | "intervalTotals";
  readonly message: string;
}

/** The results the section would compute, in its order, up to the first it would not go past (a fit that does not converge) or that throws. */
export interface PredictedParts {
  readonly bgNbd?: BgNbdModel;
  readonly gammaGamma?: GammaGammaModel;
  readonly center?: RowPredictions;
  readonly intervalTotals?: IntervalTotals;
  readonly failure?: PartFailure;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The predicted CLV section's costly results for `rows`, computed as the section computes
 * them (`computedHere`, in the same order and with the same inputs): the BG/NBD fit; if it
 * converged, the Gamma-Gamma fit; if that converged, the predictions at the fit and the
 * interval's totals. A step that throws ends the run with its message. `onTransaction` is
 * told the BG/NBD fit as soon as it is made (`null` when it threw).
 */
export function computePredictedParts(rows: SummaryColumns, terms: PredictionTerms, onTransaction: (bgNbd: BgNbdModel | null) => void = () => undefined): PredictedParts {
  let step: PartFailure["step"] = "bgNbd";
  const parts: { -readonly [K in keyof PredictedParts]: PredictedParts[K] } = {};
  try {
    const bgNbd = (parts.bgNbd = computedHere.fitBgNbd(rows, terms.penalizer));
    onTransaction(bgNbd);
    if (!bgNbd.converged) return parts;
    step = "gammaGamma";
    const gammaGamma = (parts.gammaGamma = computedHere.fitGammaGamma(rows, terms.penalizer));
    if (!gammaGamma.converged) return parts;
    step = "predict";
    const settings = readPredictionSettings(bgNbd, gammaGamma, { horizon: terms.horizon, discountRate: terms.discountRate });
    const include = includedRows(rows);
    const center = (parts.center = computedHere.predict(bgNbd, settings, rows, include));
    step = "intervalTotals";
    parts.intervalTotals = computedHere.intervalTotals(settings, rows, include, center);
  } catch (error) {
    if (step === "bgNbd") onTransaction(null);
    parts.failure = { step, message: messageOf(error) };
  }
  return parts;
}

/** The source that hands over `parts` (computed for the same rows and terms); a step that failed there throws its message here. */
export function fromParts(parts: PredictedParts): PredictedSource {
  const take = <T>(step: PartFailure["step"], value: T | undefined): T => {
    if (parts.failure?.step === step) throw new Error(parts.failure.message);
    if (value === undefined) throw new Error(`internal: the worker did not compute ${step}`);
    return value;
  };
  return {
    fitBgNbd: () => take("bgNbd", parts.bgNbd),
    fitGammaGamma: () => take("gammaGamma", parts.gammaGamma),
    predict: () => take("predict", parts.center),
    intervalTotals: () => take("intervalTotals", parts.intervalTotals),
  };
}

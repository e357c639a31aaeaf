import type { ReportFits } from "../report/reportFits";

/** A `ReportFits` as it crosses from the fit worker to the main thread: each error as its message. */
export interface FitAnswer {
  readonly bgNbd: ReportFits["bgNbd"] | { readonly error: string };
  readonly gammaGamma: ReportFits["gammaGamma"] | { readonly error: string };
}

const asAnswer = <T>(fit: T | Error): T | { readonly error: string } => (fit instanceof Error ? { error: fit.message } : fit);

const fromAnswer = <T>(fit: T | { readonly error: string }): T | Error =>
  fit !== null && typeof fit === "object" && "error" in fit ? new Error(fit.error) : (fit as T);

/** The fits as the worker posts them (a model is plain data; an error becomes `{ error: message }`). */
export function toFitAnswer(fits: ReportFits): FitAnswer {
  return { bgNbd: asAnswer(fits.bgNbd), gammaGamma: fits.gammaGamma === null ? null : asAnswer(fits.gammaGamma) };
}

/** The fits back from a posted answer; the report reads only an error's message, which is kept. */
export function fromFitAnswer(answer: FitAnswer): ReportFits {
  return { bgNbd: fromAnswer(answer.bgNbd), gammaGamma: answer.gammaGamma === null ? null : fromAnswer(answer.gammaGamma) };
}

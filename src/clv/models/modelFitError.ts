import type { ModelName } from "./modelTypes";

/** What a failed fit had reached when it gave up. */
export interface ModelFitDiagnostics {
  readonly model: ModelName;
  /**
   * `no-data`, `not-finite` (the likelihood could not be computed at the best point),
   * `bad-parameters`, or `not-converged` (the evaluation or iteration limit was reached first).
   */
  readonly reason: "no-data" | "not-finite" | "bad-parameters" | "not-converged";
  /** The best log-likelihood found, or `null` when none was finite. */
  readonly logLikelihood: number | null;
  /** The best parameters found (natural scale), or `null`. */
  readonly params: Readonly<Record<string, number>> | null;
  readonly iterations: number;
  /** Customers (sum of weights) or cohort members the fit saw. */
  readonly observations: number;
  /** Number of starting points tried. */
  readonly starts: number;
}

/**
 * Thrown when a model cannot be fitted: no usable rows, no starting point led to a finite
 * likelihood with finite, positive parameters, or the optimizer did not converge within its
 * bounds. A fit never returns NaN parameters, and never runs unbounded.
 * `diagnostics` says how far it got.
 */
export class ModelFitError extends Error {
  override readonly name = "ModelFitError";
  readonly diagnostics: ModelFitDiagnostics;

  constructor(message: string, diagnostics: ModelFitDiagnostics) {
    super(`${diagnostics.model}: ${message}`);
    this.diagnostics = diagnostics;
  }
}

/** True when `error` is a `ModelFitError`. */
export function isModelFitError(error: unknown): error is ModelFitError {
  return error instanceof ModelFitError;
}

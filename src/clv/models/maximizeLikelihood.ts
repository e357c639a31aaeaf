import { RetentionOptionsError } from "../../input/errors";
import { ModelFitError } from "./modelFitError";
import type { FitOptions, FittedModel, ModelName, TimeUnit } from "./modelTypes";
import { bfgs } from "./bfgs";
import { nelderMead } from "./nelderMead";
import { standardErrors } from "./standardErrors";

/** A likelihood to maximise over positive parameters. */
export interface FitProblem {
  readonly model: ModelName;
  readonly names: readonly string[];
  /** Total log-likelihood at natural-scale parameters (NaN or −Infinity where it cannot be computed). */
  readonly logLikelihood: (params: readonly number[]) => number;
  /** Optional: the log-likelihood that also writes ∂LL/∂params into `gradient`; enables BFGS. */
  readonly logLikelihoodWithGradient?: (params: readonly number[], gradient: number[]) => number;
  /** Natural-scale starting points, tried in order. */
  readonly starts: readonly (readonly number[])[];
  readonly observations: number;
  readonly timeUnit: TimeUnit;
}

/** The best parameters found and how they were found: a fitted model without its name. */
export type FitOutcome<P> = Omit<FittedModel<ModelName, P>, "model">;

/** Reads the shared fit options, or throws `RetentionOptionsError` naming the bad one. */
export function readFitOptions(options: FitOptions): { penalizer: number; maxIterations: number } {
  const penalizer = options.penalizer ?? 0;
  if (!(Number.isFinite(penalizer) && penalizer >= 0)) throw new RetentionOptionsError("penalizer", `expected a finite number ≥ 0, found ${String(penalizer)}`);
  const maxIterations = options.maxIterations ?? 3000;
  if (!(Number.isInteger(maxIterations) && maxIterations > 0)) throw new RetentionOptionsError("maxIterations", `expected a positive integer, found ${String(maxIterations)}`);
  return { penalizer, maxIterations };
}

/**
 * Maximum likelihood in log-parameter space: minimises −LL/N + penalizer·Σθ² (θ the natural
 * parameters, N the observations, as lifetimes scales it). With an analytic gradient it runs
 * BFGS from each start and keeps the best; without one, or when BFGS did not converge, it
 * runs Nelder–Mead from each start (or from the BFGS point), then restarts the simplex once
 * from the best point, which guards against a collapsed simplex. Throws `ModelFitError` rather than return parameters or a likelihood that are
 * not finite.
 */
export function maximizeLikelihood<P>(problem: FitProblem, options: FitOptions): FitOutcome<P> {
  const { penalizer, maxIterations } = readFitOptions(options);
  const n = problem.observations;
  const objective = (logParams: readonly number[]): number => {
    const params = logParams.map(Math.exp);
    let penalty = 0;
    for (const p of params) {
      if (!(p > 0 && Number.isFinite(p))) return Number.POSITIVE_INFINITY;
      penalty += p * p;
    }
    const ll = problem.logLikelihood(params);
    return Number.isFinite(ll) ? -ll / n + penalizer * penalty : Number.POSITIVE_INFINITY;
  };
  let best: { x: readonly number[]; value: number; converged: boolean } | null = null;
  let iterations = 0;
  const withGradient = problem.logLikelihoodWithGradient;
  if (withGradient !== undefined) {
    const natural = new Array<number>(problem.names.length).fill(0);
    const valueAndGradient = (logParams: readonly number[], gradient: number[]): number => {
      const params = logParams.map(Math.exp);
      if (!params.every((p) => p > 0 && Number.isFinite(p))) return Number.POSITIVE_INFINITY;
      const ll = withGradient(params, natural);
      let penalty = 0;
      for (let i = 0; i < params.length; i++) {
        const p = params[i]!;
        penalty += p * p;
        gradient[i] = p * (-natural[i]! / n + 2 * penalizer * p);
      }
      return Number.isFinite(ll) ? -ll / n + penalizer * penalty : Number.POSITIVE_INFINITY;
    };
    for (const start of problem.starts) {
      const run = bfgs(valueAndGradient, start.map(Math.log), { maxIterations });
      iterations += run.iterations;
      if (best === null || run.value < best.value) best = run;
    }
  }
  if (best === null || !best.converged || !Number.isFinite(best.value)) {
    for (const start of best === null ? problem.starts.map((s) => s.map(Math.log)) : [best.x]) {
      const run = nelderMead(objective, start, { maxIterations });
      iterations += run.iterations;
      if (best === null || run.value < best.value || !best.converged) best = run;
    }
    if (best !== null && Number.isFinite(best.value)) {
      const polish = nelderMead(objective, best.x, { maxIterations, step: 0.05 });
      iterations += polish.iterations;
      if (polish.value <= best.value) best = { ...polish, converged: polish.converged || best.converged };
    }
  }
  const params = best === null ? null : best.x.map(Math.exp);
  const ll = params === null ? Number.NaN : problem.logLikelihood(params);
  const named = params === null ? null : Object.fromEntries(problem.names.map((name, i) => [name, params[i]!]));
  const diagnostics = { model: problem.model, logLikelihood: Number.isFinite(ll) ? ll : null, params: named, iterations, observations: n, starts: problem.starts.length };
  if (params === null || !Number.isFinite(ll)) throw new ModelFitError("no starting point gave a finite likelihood", { ...diagnostics, reason: "not-finite" });
  if (!params.every((p) => Number.isFinite(p) && p > 0)) throw new ModelFitError("the best parameters are not finite and positive", { ...diagnostics, reason: "bad-parameters" });
  const errors = standardErrors(problem.logLikelihood, params);
  return Object.freeze({
    params: Object.freeze(named!) as P,
    logLikelihood: ll,
    converged: best!.converged,
    iterations,
    observations: n,
    timeUnit: problem.timeUnit,
    penalizer,
    ...(errors === null ? {} : { standardErrors: Object.freeze(Object.fromEntries(problem.names.map((name, i) => [name, errors[i]!]))) as P }),
  });
}

/** Throws `ModelFitError` (reason `no-data`) when there is nothing to fit. */
export function requireData(model: ModelName, observations: number, what: string): void {
  if (observations > 0) return;
  throw new ModelFitError(`no ${what} to fit`, { model, reason: "no-data", logLikelihood: null, params: null, iterations: 0, observations, starts: 0 });
}

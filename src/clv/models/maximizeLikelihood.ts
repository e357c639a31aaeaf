import { RetentionOptionsError } from "../../input/errors";
import { ModelFitError } from "./modelFitError";
import type { FitOptions, FittedModel, ModelName, TimeUnit } from "./modelTypes";
import { bfgs } from "./bfgs";
import { nelderMead } from "./nelderMead";
import { standardErrors } from "./standardErrors";
import { printValue } from "../../input/describeValue";

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
  /**
   * The data's natural size of each parameter (1 for a shape, the mean time per purchase for a
   * rate's scale, the mean spend for a spend scale): a fitted value beyond 1e4 times it or
   * below 1e-4 times it is reported in `warnings` as at the edge of the parameter space.
   * Default 1 for every parameter.
   */
  readonly scales?: readonly number[];
  /**
   * Work units of one likelihood evaluation: its distinct rows, each weighted by its cost (a
   * Pareto/NBD row that needs ₂F₁ counts `HYPERGEOMETRIC_ROW_WORK`). Bounds the evaluations so
   * that their total work stays within `MAX_FIT_WORK`. Default 1.
   */
  readonly work?: number;
  readonly observations: number;
  readonly timeUnit: TimeUnit;
}

/** The best parameters found and how they were found: a fitted model without its name. */
export type FitOutcome<P> = Omit<FittedModel<ModelName, P>, "model">;

/**
 * Most likelihood evaluations one fit makes, over all its starts and optimizer runs. With the
 * bounded ₂F₁ series this bounds the time of every fit: a fit that has not converged by then
 * throws `ModelFitError` (reason `not-converged`). CDNOW's Pareto/NBD fit, the slowest of the
 * published fits, needs about 1,100; BG/NBD about 100.
 */
export const MAX_FIT_EVALUATIONS = 4000;

/**
 * Most work units (row evaluations, see `FitProblem.work`) one fit may spend, about 5 s on
 * a 2-core machine (~100 ns a row): with 100,000 distinct histories a fit gets 500
 * evaluations (never fewer than `MIN_FIT_EVALUATIONS`). CDNOW's fits are far below it.
 */
export const MAX_FIT_WORK = 5e7;
/** The evaluations a fit always gets, however large its data. */
const MIN_FIT_EVALUATIONS = 50;
/** Work of a Pareto/NBD row with tₓ < T (two ₂F₁) relative to a row of plain logs. */
export const HYPERGEOMETRIC_ROW_WORK = 25;

/** A parameter this many times its natural size (or 1/this) is at the edge of the parameter space. */
const EDGE_RATIO = 1e4;

/** Reads the shared fit options, or throws `RetentionOptionsError` naming the bad one. */
export function readFitOptions(options: FitOptions): { penalizer: number; maxIterations: number } {
  const penalizer = options.penalizer ?? 0;
  if (!(typeof penalizer === "number" && Number.isFinite(penalizer) && penalizer >= 0)) throw new RetentionOptionsError("penalizer", `expected a finite number ≥ 0, found ${printValue(penalizer)}`);
  const maxIterations = options.maxIterations ?? 3000;
  if (!(Number.isInteger(maxIterations) && maxIterations > 0)) throw new RetentionOptionsError("maxIterations", `expected a positive integer, found ${printValue(maxIterations)}`);
  return { penalizer, maxIterations };
}

const PENALIZER_HINT = "try a small penalizer (for example { penalizer: 0.001 }; CLI --penalizer 0.001), which keeps the parameters finite";

/**
 * One warning per parameter at the edge of the parameter space (beyond `EDGE_RATIO` times its
 * natural size either way): there the likelihood keeps rising as the parameter goes to 0 or ∞,
 * so the "optimum" is a limit the optimizer stopped on, not a point estimate.
 */
function edgeWarnings(names: readonly string[], params: readonly number[], scales: readonly number[] | undefined): string[] {
  const warnings: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const ratio = params[i]! / (scales?.[i] ?? 1);
    if (ratio <= EDGE_RATIO && ratio >= 1 / EDGE_RATIO) continue;
    const side = ratio > EDGE_RATIO ? "∞" : "0";
    warnings.push(
      `${names[i]} = ${params[i]!.toPrecision(3)} is at the edge of the parameter space (heading to ${side}): the likelihood has no interior optimum on this data, so the parameters and the predictions from them are not meaningful; ${PENALIZER_HINT}`,
    );
  }
  return warnings;
}

/**
 * Maximum likelihood in log-parameter space: minimises −LL/N + penalizer·Σθ² (θ the natural
 * parameters, N the observations, as lifetimes scales it). With an analytic gradient it runs
 * BFGS from each start and keeps the best; without one, or when BFGS did not converge, it
 * runs Nelder–Mead from each start (or from the BFGS point), then restarts the simplex once
 * from the best point, which guards against a collapsed simplex. All runs together make at
 * most `MAX_FIT_EVALUATIONS` likelihood evaluations, and fewer on large data (`MAX_FIT_WORK`). Throws `ModelFitError` rather than return
 * parameters or a likelihood that are not finite, or a fit that did not converge (reason
 * `not-converged`); the message suggests the penalizer. A converged fit whose parameters are at
 * the edge of the parameter space carries a warning per such parameter in `warnings`.
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
  let evaluations = 0;
  const maxEvaluations = Math.max(MIN_FIT_EVALUATIONS, Math.min(MAX_FIT_EVALUATIONS, Math.floor(MAX_FIT_WORK / Math.max(1, problem.work ?? 1))));
  const budget = (): number => Math.max(1, maxEvaluations - evaluations);
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
      if (evaluations >= maxEvaluations) break;
      const run = bfgs(valueAndGradient, start.map(Math.log), { maxIterations, maxEvaluations: budget() });
      iterations += run.iterations;
      evaluations += run.evaluations;
      if (best === null || run.value < best.value) best = run;
    }
  }
  if (best === null || !best.converged || !Number.isFinite(best.value)) {
    for (const start of best === null ? problem.starts.map((s) => s.map(Math.log)) : [best.x]) {
      if (evaluations >= maxEvaluations) break;
      const run = nelderMead(objective, start, { maxIterations, maxEvaluations: budget() });
      iterations += run.iterations;
      evaluations += run.evaluations;
      if (best === null || run.value < best.value || !best.converged) best = run;
    }
    if (best !== null && Number.isFinite(best.value) && evaluations < maxEvaluations) {
      const polish = nelderMead(objective, best.x, { maxIterations, step: 0.05, maxEvaluations: budget() });
      iterations += polish.iterations;
      evaluations += polish.evaluations;
      if (polish.value <= best.value) best = { ...polish, converged: polish.converged || best.converged };
    }
  }
  const params = best === null ? null : best.x.map(Math.exp);
  const ll = params === null ? Number.NaN : problem.logLikelihood(params);
  const named = params === null ? null : Object.fromEntries(problem.names.map((name, i) => [name, params[i]!]));
  const diagnostics = { model: problem.model, logLikelihood: Number.isFinite(ll) ? ll : null, params: named, iterations, observations: n, starts: problem.starts.length };
  if (params === null || !Number.isFinite(ll)) throw new ModelFitError("no starting point gave a finite likelihood", { ...diagnostics, reason: "not-finite" });
  if (!params.every((p) => Number.isFinite(p) && p > 0)) throw new ModelFitError(`the best parameters are not finite and positive; ${PENALIZER_HINT}`, { ...diagnostics, reason: "bad-parameters" });
  if (!best!.converged) {
    const large = maxEvaluations < MAX_FIT_EVALUATIONS ? ` (fewer for ${problem.work} units of work per evaluation: fewer distinct histories, e.g. recency and T in whole time units, fit faster)` : "";
    const limit = evaluations >= maxEvaluations ? `${maxEvaluations} likelihood evaluations${large}` : `${maxIterations} iterations per run (maxIterations)`;
    throw new ModelFitError(
      `did not converge within ${limit}; the likelihood is usually still rising toward the edge of the parameter space (a rate or shape heading to 0 or ∞), as on data where every customer behaves alike; ${PENALIZER_HINT}`,
      { ...diagnostics, reason: "not-converged" },
    );
  }
  const errors = standardErrors(problem.logLikelihood, params);
  return Object.freeze({
    params: Object.freeze(named!) as P,
    logLikelihood: ll,
    converged: true,
    warnings: Object.freeze(edgeWarnings(problem.names, params, problem.scales)),
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

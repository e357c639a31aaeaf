import { RetentionOptionsError } from "../../input/errors";
import { ModelFitError } from "./modelFitError";
import type { FitOptions, FittedModel, ModelName, TimeUnit } from "./modelTypes";
import { bfgs } from "./bfgs";
import { nelderMead } from "./nelderMead";
import { asymptoticCovariance, informationFromGradient, informationFromValues } from "./standardErrors";
import { printValue } from "../../input/describeValue";
import { FitWorkBudgetSpent, FitWorkMeter } from "./fitWorkMeter";

/** A likelihood to maximise over positive parameters. */
export interface FitProblem {
  readonly model: ModelName;
  readonly names: readonly string[];
  /**
   * Total log-likelihood at natural-scale parameters (NaN or −Infinity where it cannot be
   * computed). Inside the fit it is given the fit's `FitWorkMeter` and charges its work to it.
   */
  readonly logLikelihood: (params: readonly number[], meter?: FitWorkMeter) => number;
  /** Optional: the log-likelihood that also writes ∂LL/∂params into `gradient`; enables BFGS. */
  readonly logLikelihoodWithGradient?: (params: readonly number[], gradient: number[], meter?: FitWorkMeter) => number;
  /** Natural-scale starting points, tried in order. */
  readonly starts: readonly (readonly number[])[];
  /**
   * The data's natural size of each parameter (1 for a shape, the mean time per purchase for a
   * rate's scale, the mean spend for a spend scale): a fitted value beyond 1e4 times it or
   * below 1e-4 times it is reported in `warnings` as at the edge of the parameter space.
   * Default 1 for every parameter.
   */
  readonly scales?: readonly number[];
  /** What one likelihood evaluation runs over, for the messages: e.g. "100000 distinct (frequency, recency, T) histories". */
  readonly rowsDescription?: string;
  /** What makes an evaluation cheaper on this model's data, added to the work-budget message. */
  readonly cheaperHint?: string;
  readonly observations: number;
  readonly timeUnit: TimeUnit;
  /** `false` to leave the standard errors out (a caller that shows none, such as the report); default true. */
  readonly standardErrors?: boolean;
}

/** The best parameters found and how they were found: a fitted model without its name. */
export type FitOutcome<P> = Omit<FittedModel<ModelName, P>, "model">;

/**
 * Most likelihood evaluations one fit makes, over all its starts and optimizer runs: a fit
 * that has not converged by then throws `ModelFitError` (reason `not-converged`). CDNOW's
 * Pareto/NBD fit, the slowest of the published fits, needs about 1,100; BG/NBD about 60.
 * On large data the work budget (`MAX_FIT_WORK`, see fitWorkMeter.ts) ends a fit sooner.
 */
export const MAX_FIT_EVALUATIONS = 4000;

/** A parameter this many times its natural size (or 1/this) is at the edge of the parameter space. */
const EDGE_RATIO = 1e4;

/**
 * A BFGS run with a parameter at the edge ends, converged, at the first step that improves the
 * objective by less than this, relative: out there the likelihood creeps toward its supremum
 * (on the 1M-row report's data without a penalizer, a and b grow eightfold a step while the
 * mean log-likelihood gains 10⁻⁸, then 10⁻⁹, then only rounding noise, about 10⁻¹⁰), and the
 * point is reported with its edge warnings either way. A later start, tried because an earlier
 * run ended at the edge, is there to find an interior optimum: it ends as soon as it too reaches
 * the edge with a worse value than that run's point (on the 1M-row report's data the second
 * start followed the first's path out to a, b ~ 10⁵, 31 iterations, and ended worse; it now
 * stops after 21).
 */
const EDGE_F_TOLERANCE = 1e-9;

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
    if (!isAtEdge(ratio)) continue;
    const side = ratio > EDGE_RATIO ? "∞" : "0";
    warnings.push(
      `${names[i]} = ${params[i]!.toPrecision(3)} is at the edge of the parameter space (heading to ${side}): the likelihood has no interior optimum on this data, so the parameters and the predictions from them are not meaningful; ${PENALIZER_HINT}`,
    );
  }
  return warnings;
}

/**
 * Why a fit stopped short and what to try, from the best point it reached: the parameters
 * heading to 0 or ∞ (the penalizer keeps them finite; a larger one when it is already set),
 * or none (the optimizer was still moving: fewer distinct rows fit faster).
 */
function advice(problem: FitProblem, params: readonly number[] | null, penalizer: number): string {
  const edge = params === null ? [] : problem.names.filter((_, i) => isAtEdge(params[i]! / (problem.scales?.[i] ?? 1)));
  const penalize = penalizer === 0 ? PENALIZER_HINT : `try a larger penalizer than ${penalizer} (for example ${Number((penalizer * 10).toPrecision(12))}), which pulls the parameters in harder`;
  const cheaper = problem.cheaperHint === undefined ? "" : `; ${problem.cheaperHint}`;
  if (edge.length > 0) return `at the best point reached ${edge.join(", ")} ${edge.length === 1 ? "is" : "are"} heading to 0 or ∞: the likelihood is still rising toward the edge of the parameter space, as on data where every customer behaves alike; ${penalize}${cheaper}`;
  if (params === null) return `no point had a finite likelihood; ${penalize}${cheaper}`;
  return `the optimizer was still improving at an interior point${cheaper}; or ${penalize}`;
}

/** True when a parameter over its natural size is beyond `EDGE_RATIO` either way. */
function isAtEdge(ratio: number): boolean {
  return !(ratio <= EDGE_RATIO && ratio >= 1 / EDGE_RATIO);
}

/** The best point any evaluation reached, in log-parameter space. */
interface BestSeen {
  x: readonly number[] | null;
  value: number;
}

/**
 * Maximum likelihood in log-parameter space: minimises −LL/N + penalizer·Σθ² (θ the natural
 * parameters, N the observations, as lifetimes scales it). With an analytic gradient it runs
 * BFGS from each start and keeps the best; without one, or when BFGS did not converge, it
 * runs Nelder–Mead from each start (or from the BFGS point), then restarts the simplex once
 * from the best point, which guards against a collapsed simplex.
 *
 * Every fit ends in bounded time: all runs together make at most `MAX_FIT_EVALUATIONS`
 * likelihood evaluations, and spend at most `MAX_FIT_WORK` work units (rows and series terms
 * the likelihoods charge to a `FitWorkMeter`; one evaluation that costs more than
 * `MAX_EVALUATION_SHARE` of it counts as a point the likelihood cannot be computed at). Throws
 * `ModelFitError` rather than return parameters or a likelihood that are not finite, or a
 * fit that did not converge within those bounds (reason `not-converged`, with the best point
 * reached in `diagnostics`); the message says which bound and suggests the penalizer. A
 * converged fit whose parameters are at the edge of the parameter space carries a warning
 * per such parameter in `warnings`. Standard errors are left out when the budget runs out
 * while computing them.
 */
export function maximizeLikelihood<P>(problem: FitProblem, options: FitOptions): FitOutcome<P> {
  const { penalizer, maxIterations } = readFitOptions(options);
  const n = problem.observations;
  const meter = new FitWorkMeter();
  const seen: BestSeen = { x: null, value: Number.POSITIVE_INFINITY };
  let calls = 0;
  const penaltyOf = (params: readonly number[]): number => params.reduce((sum, p) => sum + p * p, 0);
  const note = (logParams: readonly number[], value: number): number => {
    calls++;
    if (value < seen.value) {
      seen.value = value;
      seen.x = logParams.slice();
    }
    return value;
  };
  const objective = (logParams: readonly number[]): number => {
    const params = logParams.map(Math.exp);
    let penalty = 0;
    for (const p of params) {
      if (!(p > 0 && Number.isFinite(p))) return Number.POSITIVE_INFINITY;
      penalty += p * p;
    }
    const ll = problem.logLikelihood(params, meter);
    return note(logParams, Number.isFinite(ll) ? -ll / n + penalizer * penalty : Number.POSITIVE_INFINITY);
  };
  let best: { x: readonly number[]; value: number; converged: boolean } | null = null;
  let iterations = 0;
  let evaluations = 0;
  const budget = (): number => Math.max(1, MAX_FIT_EVALUATIONS - evaluations);
  const withGradient = problem.logLikelihoodWithGradient;
  const atEdge = (logParams: readonly number[]): boolean => logParams.some((x, i) => isAtEdge(Math.exp(x) / (problem.scales?.[i] ?? 1)));
  try {
    if (withGradient !== undefined) {
      const natural = new Array<number>(problem.names.length).fill(0);
      const valueAndGradient = (logParams: readonly number[], gradient: number[]): number => {
        const params = logParams.map(Math.exp);
        if (!params.every((p) => p > 0 && Number.isFinite(p))) return Number.POSITIVE_INFINITY;
        const ll = withGradient(params, natural, meter);
        for (let i = 0; i < params.length; i++) gradient[i] = params[i]! * (-natural[i]! / n + 2 * penalizer * params[i]!);
        return note(logParams, Number.isFinite(ll) ? -ll / n + penalizer * penaltyOf(params) : Number.POSITIVE_INFINITY);
      };
      for (const start of problem.starts) {
        if (evaluations >= MAX_FIT_EVALUATIONS) break;
        if (best !== null && best.converged && Number.isFinite(best.value) && !atEdge(best.x)) break;
        const edgeToBeat = best !== null && best.converged && atEdge(best.x) ? best.value : Number.POSITIVE_INFINITY;
        const stopWhen = (x: readonly number[], improvement: number, value: number): boolean => atEdge(x) && (improvement < EDGE_F_TOLERANCE || value > edgeToBeat);
        const run = bfgs(valueAndGradient, start.map(Math.log), { maxIterations, maxEvaluations: budget(), stopWhen });
        iterations += run.iterations;
        evaluations += run.evaluations;
        if (best === null || run.value < best.value) best = run;
      }
    }
    if (best === null || !best.converged || !Number.isFinite(best.value)) {
      for (const start of best === null ? problem.starts.map((s) => s.map(Math.log)) : [best.x]) {
        if (evaluations >= MAX_FIT_EVALUATIONS) break;
        const run = nelderMead(objective, start, { maxIterations, maxEvaluations: budget() });
        iterations += run.iterations;
        evaluations += run.evaluations;
        if (best === null || run.value < best.value || !best.converged) best = run;
      }
      if (best !== null && Number.isFinite(best.value) && evaluations < MAX_FIT_EVALUATIONS) {
        const polish = nelderMead(objective, best.x, { maxIterations, step: 0.05, maxEvaluations: budget() });
        iterations += polish.iterations;
        evaluations += polish.evaluations;
        if (polish.value <= best.value) best = { ...polish, converged: polish.converged || best.converged };
      }
    }
  } catch (error) {
    if (!(error instanceof FitWorkBudgetSpent)) throw error;
    const params = seen.x === null ? null : seen.x.map(Math.exp);
    const where = problem.rowsDescription === undefined ? "" : ` over ${problem.rowsDescription}`;
    throw new ModelFitError(`did not converge within its work budget (${meter.limit.toExponential()} work units, here ${calls} likelihood evaluations${where}); ${advice(problem, params, penalizer)}`, {
      model: problem.model,
      reason: "not-converged",
      logLikelihood: params === null ? null : -n * (seen.value - penalizer * penaltyOf(params)),
      params: params === null ? null : Object.fromEntries(problem.names.map((name, i) => [name, params[i]!])),
      iterations,
      observations: n,
      starts: problem.starts.length,
    });
  }
  const params = best === null ? null : best.x.map(Math.exp);
  const ll = params === null ? Number.NaN : problem.logLikelihood(params);
  const named = params === null ? null : Object.fromEntries(problem.names.map((name, i) => [name, params[i]!]));
  const diagnostics = { model: problem.model, logLikelihood: Number.isFinite(ll) ? ll : null, params: named, iterations, observations: n, starts: problem.starts.length };
  if (params === null || !Number.isFinite(ll)) throw new ModelFitError("no starting point gave a finite likelihood", { ...diagnostics, reason: "not-finite" });
  if (!params.every((p) => Number.isFinite(p) && p > 0)) throw new ModelFitError(`the best parameters are not finite and positive; ${PENALIZER_HINT}`, { ...diagnostics, reason: "bad-parameters" });
  if (!best!.converged) {
    const limit = evaluations >= MAX_FIT_EVALUATIONS ? `${MAX_FIT_EVALUATIONS} likelihood evaluations` : `${maxIterations} iterations per run (maxIterations)`;
    throw new ModelFitError(`did not converge within ${limit}; ${advice(problem, params, penalizer)}`, { ...diagnostics, reason: "not-converged" });
  }
  const covariance = problem.standardErrors === false ? NOT_COMPUTED : covarianceWithin(meter, problem, params);
  const errors = covariance.matrix === null ? null : covariance.matrix.map((row, i) => Math.sqrt(row[i]!));
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
    covariance: covariance.matrix === null ? null : Object.freeze({ names: Object.freeze(problem.names.slice()), matrix: Object.freeze(covariance.matrix.map((row) => Object.freeze(row))) }),
    covarianceReason: covariance.reason,
  });
}

/** The covariance matrix, or `null` and why. */
interface CovarianceOutcome {
  readonly matrix: number[][] | null;
  readonly reason: string | null;
}

const NOT_COMPUTED: CovarianceOutcome = { matrix: null, reason: "not computed: this fit was asked to leave out the standard errors and covariance" };

/**
 * The asymptotic covariance (inverse observed information, whose diagonal's square roots are
 * the standard errors), charged to the fit's meter: the information from the analytic
 * gradient where the model has one (`informationFromGradient`), else from likelihood values;
 * `null` with the reason when the work budget runs out first or the information is not
 * positive definite.
 */
function covarianceWithin(meter: FitWorkMeter, problem: FitProblem, params: readonly number[]): CovarianceOutcome {
  const withGradient = problem.logLikelihoodWithGradient;
  let info: number[][] | null;
  try {
    info = withGradient !== undefined ? informationFromGradient((p, gradient) => withGradient(p, gradient, meter), params) : informationFromValues((p) => problem.logLikelihood(p, meter), params);
  } catch (error) {
    if (error instanceof FitWorkBudgetSpent) return { matrix: null, reason: "not computed: the fit's work budget ran out while estimating the Hessian" };
    throw error;
  }
  const matrix = info === null ? null : asymptoticCovariance(info);
  if (matrix === null) {
    return {
      matrix: null,
      reason: "the observed information (−Hessian of the log-likelihood) is not positive definite at the optimum: the optimum lies on a ridge or at the edge of the parameter space, so the parameters have no asymptotic normal distribution",
    };
  }
  return { matrix, reason: null };
}

/** Throws `ModelFitError` (reason `no-data`) when there is nothing to fit. */
export function requireData(model: ModelName, observations: number, what: string): void {
  if (observations > 0) return;
  throw new ModelFitError(`no ${what} to fit`, { model, reason: "no-data", logLikelihood: null, params: null, iterations: 0, observations, starts: 0 });
}

/** What a BG/NBD or Pareto/NBD likelihood runs over and what makes it cheaper, for the work-budget message. */
export function distinctHistories(count: number): Pick<FitProblem, "rowsDescription" | "cheaperHint"> {
  return {
    rowsDescription: `${count} distinct (frequency, recency, T) histories`,
    cheaperHint: "customers with identical (frequency, recency, T) are merged into one row, so fewer distinct histories (recency and T in whole time units) also fit faster",
  };
}

import { IssueCollector, RetentionOptionsError } from "../../input/errors";
import { maximizeLikelihood, requireData } from "./maximizeLikelihood";
import type { SbgParams, FitOptions, SbgModel } from "./modelTypes";
import { readOptions } from "../../input/readOptions";
import { printValue } from "../../input/describeValue";
import type { FitWorkMeter } from "./fitWorkMeter";

/** Work units of one period of the sBG likelihood (a division and a logarithm, about 9 ns: a tenth of a unit). */
const PERIOD_WORK = 0.1;

/** A contract cohort: counts alive at t = 0..n, or the initial size and the number lost in each period 1..n. */
export type SbgCohort = { readonly alive: readonly number[] } | { readonly lost: readonly number[]; readonly initial: number };

/** Per period t = 1..n: customers lost in period t; and the survivors at n. */
export function readCohort(cohort: SbgCohort, fn = "fitShiftedBetaGeometric"): { lost: number[]; survivors: number; initial: number } {
  const issues = new IssueCollector();
  const check = (name: string, value: unknown, index: number): number => {
    if (!(typeof value === "number" && Number.isFinite(value) && value >= 0)) {
      issues.add({ index, path: [name], code: "invalid_count", message: `expected a count ≥ 0, found ${printValue(value)}` });
      return 0;
    }
    return value;
  };
  if (typeof cohort === "object" && cohort !== null && "alive" in cohort && Array.isArray(cohort.alive)) {
    const alive = cohort.alive.map((v, i) => check("alive", v, i));
    for (let t = 1; t < alive.length; t++) {
      if (alive[t]! > alive[t - 1]!) issues.add({ index: t, path: ["alive"], code: "increasing", message: `expected at most ${alive[t - 1]} alive (the count before), found ${alive[t]}` });
    }
    issues.throwIfAny();
    if (alive.length < 2) throw new RetentionOptionsError("alive", "expected the counts alive at t = 0 and at least t = 1");
    return { lost: alive.slice(1).map((v, t) => alive[t]! - v), survivors: alive[alive.length - 1]!, initial: alive[0]! };
  }
  if (typeof cohort === "object" && cohort !== null && "lost" in cohort && Array.isArray(cohort.lost)) {
    const initial = check("initial", cohort.initial, 0);
    const lost = cohort.lost.map((v, i) => check("lost", v, i));
    issues.throwIfAny();
    const total = lost.reduce((sum, v) => sum + v, 0);
    if (lost.length === 0) throw new RetentionOptionsError("lost", "expected the number lost in at least one period");
    if (total > initial) throw new RetentionOptionsError("lost", `expected at most initial = ${initial} lost in all, found ${total}`);
    return { lost, survivors: initial - total, initial };
  }
  throw new RetentionOptionsError("cohort", `${fn} expects { alive: number[] } or { lost: number[], initial: number }`);
}

/**
 * Fits the shifted-beta-geometric (sBG) model of contract renewals (Fader & Hardie 2007, "How
 * to Project Customer Retention"): each customer churns at the end of a period with a fixed
 * probability θ ~ Beta(α, β), so P(T = t) = B(α+1, β+t−1)/B(α, β) and S(t) = B(α, β+t)/B(α, β).
 *
 *   LL = Σ_{t=1..n} lostₜ · ln P(T = t) + aliveₙ · ln S(n),
 * with P(T = 1) = α/(α+β) and P(T = t) = P(T = t−1)·(β+t−2)/(α+β+t−1).
 *
 * @param cohort - `{ alive: [n₀, n₁, …] }` or `{ lost: [l₁, l₂, …], initial: n₀ }`
 * @param options - `penalizer`, `timeUnit` (the contract period) and `maxIterations`
 * @returns an immutable, JSON-serialisable `SbgModel`; `observations` is the cohort size
 * @throws {RetentionInputError} when a count is negative or `alive` increases (names the index)
 * @throws {ModelFitError} when the cohort is empty or no finite optimum was found
 * @example
 * fitShiftedBetaGeometric({ alive: [1000, 869, 743, 653, 593, 551, 517, 491] }).params
 * //=> { alpha: 0.668, beta: 3.806 } (rounded; Fader & Hardie 2007)
 */
export function fitShiftedBetaGeometric(cohort: SbgCohort, options: FitOptions = {}): SbgModel {
  options = readOptions(options, "fitShiftedBetaGeometric");
  const { lost, survivors, initial } = readCohort(cohort);
  requireData("sbg", initial, "cohort members");
  const logLikelihood = ([alpha = 0, beta = 0]: readonly number[], meter?: FitWorkMeter): number => {
    meter?.charge(lost.length * PERIOD_WORK);
    return sbgLogLikelihood(alpha, beta, lost, survivors);
  };
  const fit = maximizeLikelihood<SbgParams>(
    { model: "sbg", names: ["alpha", "beta"], logLikelihood, starts: [[1, 1]], rowsDescription: `${lost.length} periods`, observations: initial, timeUnit: options.timeUnit ?? "period" },
    options,
  );
  return Object.freeze({ model: "sbg" as const, ...fit });
}

/** The sBG log-likelihood of a cohort read by `readCohort` (the formula in `fitShiftedBetaGeometric`'s comment). */
export function sbgLogLikelihood(alpha: number, beta: number, lost: readonly number[], survivors: number): number {
  let p = alpha / (alpha + beta);
  let s = 1 - p;
  let total = lost[0]! === 0 ? 0 : lost[0]! * Math.log(p);
  for (let t = 2; t <= lost.length; t++) {
    p *= (beta + t - 2) / (alpha + beta + t - 1);
    s -= p;
    if (lost[t - 1]! > 0) total += lost[t - 1]! * Math.log(p);
  }
  return survivors === 0 ? total : total + survivors * Math.log(Math.max(s, 0));
}

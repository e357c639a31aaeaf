/**
 * The smallest gain, relative to 1 + |f|, that the value can show: 4 units in the last place.
 * A step whose predicted gain (−slope) is below it is at the optimum as far as f's rounding
 * can tell; its line search would only be decided by rounding noise.
 */
const ROUNDING = 4 * Number.EPSILON;

/** Settings of `bfgs`. */
export interface BfgsOptions {
  /** Largest number of iterations (default 500). */
  readonly maxIterations?: number;
  /** Stop when every gradient component is at most this (default 1e-9). */
  readonly gradientTolerance?: number;
  /** ... or when the value improves by less than this, relative, over 5 iterations in a row (default 1e-13). */
  readonly fTolerance?: number;
  /** Largest step length (Euclidean) tried in one line search (default 2). */
  readonly maxStep?: number;
  /** Largest number of evaluations of `fg` (default unlimited): it stops, unconverged, on reaching it. */
  readonly maxEvaluations?: number;
  /**
   * The caller's own stopping test, asked after each step with the point reached, the step's
   * improvement of the value relative to 1 + |f|, and the value there: `true` ends the run
   * there, converged.
   */
  readonly stopWhen?: (x: readonly number[], improvement: number, value: number) => boolean;
}

/** Where `bfgs` stopped. */
export interface BfgsResult {
  readonly x: readonly number[];
  readonly value: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
}

/**
 * Minimises a smooth `f` with the BFGS quasi-Newton method (Nocedal & Wright 2006, alg. 6.1):
 * a backtracking Armijo line search with quadratic interpolation (steps kept within
 * [0.1, 0.5] of the previous trial), and the first inverse Hessian scaled by sᵀy/yᵀy (eq. 6.20).
 * It ends, converged, when every gradient component is within the tolerance, after five steps
 * that each improve the value by less than `fTolerance` relative, or when the next step's
 * predicted gain (−slope) is within 4 units in the last place of the value, where a line search
 * could only be decided by rounding. `fg(x, gradient)` returns f(x) and writes ∇f(x)
 * into `gradient`. A value that is not finite counts as +Infinity (the line search backs
 * off); the inverse-Hessian update is skipped when the curvature condition fails.
 *
 * @param fg - the value-and-gradient function
 * @param start - the first point
 * @param options - iteration and evaluation limits, tolerances and the largest step
 * @returns the best point, its value, the work done, and whether a tolerance was met
 * @example
 * bfgs((x, g) => { g[0] = 2 * (x[0]! - 3); return (x[0]! - 3) ** 2; }, [0]).x //=> ≈ [3]
 */
export function bfgs(fg: (x: readonly number[], gradient: number[]) => number, start: readonly number[], options: BfgsOptions = {}): BfgsResult {
  const n = start.length;
  const maxIterations = options.maxIterations ?? 500;
  const gTol = options.gradientTolerance ?? 1e-9;
  const fTol = options.fTolerance ?? 1e-13;
  const maxStep = options.maxStep ?? 2;
  const maxEvaluations = options.maxEvaluations ?? Number.POSITIVE_INFINITY;
  let evaluations = 0;
  const evaluate = (x: readonly number[], g: number[]): number => {
    evaluations++;
    const v = fg(x, g);
    return Number.isFinite(v) && g.every(Number.isFinite) ? v : Number.POSITIVE_INFINITY;
  };
  let x = start.slice();
  let g = new Array<number>(n).fill(0);
  let f = evaluate(x, g);
  if (!Number.isFinite(f)) return { x, value: f, iterations: 0, evaluations, converged: false };
  const h: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  let iterations = 0;
  let converged = false;
  let slow = 0;
  while (iterations < maxIterations && evaluations < maxEvaluations) {
    if (g.every((v) => Math.abs(v) <= gTol)) {
      converged = true;
      break;
    }
    iterations++;
    let direction = h.map((row) => -row.reduce((sum, v, j) => sum + v * g[j]!, 0));
    let slope = direction.reduce((sum, d, i) => sum + d * g[i]!, 0);
    if (!(slope < 0)) {
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) h[i]![j] = i === j ? 1 : 0;
      direction = g.map((v) => -v);
      slope = -g.reduce((sum, v) => sum + v * v, 0);
    }
    if (-slope <= ROUNDING * (1 + Math.abs(f))) {
      converged = true;
      break;
    }
    const length = Math.sqrt(direction.reduce((sum, d) => sum + d * d, 0));
    let step = length > maxStep ? maxStep / length : 1;
    const gNew = new Array<number>(n).fill(0);
    let xNew = x;
    let fNew = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 60 && evaluations < maxEvaluations; tries++) {
      xNew = x.map((v, i) => v + step * direction[i]!);
      fNew = evaluate(xNew, gNew);
      if (fNew <= f + 1e-4 * step * slope) break;
      const quadratic = Number.isFinite(fNew) ? (-slope * step * step) / (2 * (fNew - f - slope * step)) : step / 10;
      step = Math.min(0.5 * step, Math.max(0.1 * step, quadratic));
    }
    if (!(fNew <= f)) break;
    const s = xNew.map((v, i) => v - x[i]!);
    const y = gNew.map((v, i) => v - g[i]!);
    const sy = s.reduce((sum, v, i) => sum + v * y[i]!, 0);
    const yy = y.reduce((sum, v) => sum + v * v, 0);
    if (sy > 1e-12 * Math.sqrt(s.reduce((sum, v) => sum + v * v, 0) * yy)) {
      if (iterations === 1) for (let i = 0; i < n; i++) h[i]![i] = sy / yy;
      updateInverseHessian(h, s, y, sy);
    }
    const improvement = (f - fNew) / (1 + Math.abs(f));
    slow = f - fNew <= fTol * (1 + Math.abs(f)) ? slow + 1 : 0;
    x = xNew;
    g = gNew;
    f = fNew;
    if (slow >= 5 || options.stopWhen?.(x, improvement, f) === true) {
      converged = true;
      break;
    }
  }
  return { x, value: f, iterations, evaluations, converged };
}

/** H ← (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ, ρ = 1/(yᵀs). */
function updateInverseHessian(h: number[][], s: readonly number[], y: readonly number[], sy: number): void {
  const n = s.length;
  const rho = 1 / sy;
  const hy = h.map((row) => row.reduce((sum, v, j) => sum + v * y[j]!, 0));
  const yhy = y.reduce((sum, v, i) => sum + v * hy[i]!, 0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      h[i]![j] = h[i]![j]! - rho * (hy[i]! * s[j]! + s[i]! * hy[j]!) + (rho * rho * yhy + rho) * s[i]! * s[j]!;
    }
  }
}

/** Settings of `nelderMead`. */
export interface NelderMeadOptions {
  /** Largest number of iterations (default 2000). */
  readonly maxIterations?: number;
  /** Stop when the simplex's function values differ by at most this (absolute + relative; default 1e-10). */
  readonly fTolerance?: number;
  /** ... and its vertices differ by at most this in every coordinate (default 1e-8). */
  readonly xTolerance?: number;
  /** Size of the first simplex's steps (default 0.5 in each coordinate). */
  readonly step?: number;
  /** Largest number of evaluations of `f` (default unlimited): it stops, unconverged, once it has made them. */
  readonly maxEvaluations?: number;
}

/** Where `nelderMead` stopped. */
export interface NelderMeadResult {
  readonly x: readonly number[];
  readonly value: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
}

/**
 * Minimises `f` with the Nelder–Mead simplex method (Nelder & Mead 1965; the standard
 * coefficients: reflection 1, expansion 2, contraction ½, shrink ½). A value that is NaN or
 * not finite counts as +Infinity, so the simplex steps back from regions where the
 * objective cannot be computed. It also stops, unconverged, when the best value has not
 * improved by the tolerance for 50·n iterations (a flat ridge, where the simplex would
 * otherwise crawl until the iteration limit).
 *
 * @param f - the function to minimise
 * @param start - the first point
 * @param options - iteration and evaluation limits, tolerances and the first simplex's step
 * @returns the best point, its value, the work done and whether the tolerances were met
 * @example
 * nelderMead(([x = 0, y = 0]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]).x //=> ≈ [1, -2]
 */
export function nelderMead(f: (x: readonly number[]) => number, start: readonly number[], options: NelderMeadOptions = {}): NelderMeadResult {
  const n = start.length;
  const maxIterations = options.maxIterations ?? 2000;
  const fTol = options.fTolerance ?? 1e-10;
  const xTol = options.xTolerance ?? 1e-8;
  const step = options.step ?? 0.5;
  const maxEvaluations = options.maxEvaluations ?? Number.POSITIVE_INFINITY;
  let evaluations = 0;
  const value = (x: readonly number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  };
  const points: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    p[i] = p[i]! + step;
    points.push(p);
  }
  const values = points.map(value);
  const order = points.map((_, i) => i);
  let iterations = 0;
  let converged = false;
  let bestSeen = Number.POSITIVE_INFINITY;
  let lastProgress = 0;
  const along = (from: readonly number[], to: readonly number[], t: number): number[] => from.map((v, i) => v + t * (to[i]! - v));
  const replace = (index: number, point: number[], v: number): void => {
    points[index] = point;
    values[index] = v;
  };
  while (iterations < maxIterations && evaluations < maxEvaluations) {
    order.sort((i, j) => values[i]! - values[j]!);
    const best = order[0]!;
    const worst = order[n]!;
    const fBest = values[best]!;
    const fWorst = values[worst]!;
    if (Math.abs(fWorst - fBest) <= fTol * (1 + Math.abs(fBest)) && spread(points, best) <= xTol) {
      converged = true;
      break;
    }
    if (fBest < bestSeen - fTol * (1 + Math.abs(fBest))) {
      bestSeen = fBest;
      lastProgress = iterations;
    } else if (iterations - lastProgress > 50 * n) break;
    iterations++;
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) {
      const p = points[order[k]!]!;
      for (let i = 0; i < n; i++) centroid[i] = centroid[i]! + p[i]! / n;
    }
    const worstPoint = points[worst]!;
    const reflected = along(centroid, worstPoint, -1);
    const fReflected = value(reflected);
    const fSecondWorst = values[order[n - 1]!]!;
    if (fReflected < fBest) {
      const expanded = along(centroid, worstPoint, -2);
      const fExpanded = value(expanded);
      replace(worst, fExpanded < fReflected ? expanded : reflected, Math.min(fExpanded, fReflected));
    } else if (fReflected < fSecondWorst) {
      replace(worst, reflected, fReflected);
    } else {
      const outside = fReflected < fWorst;
      const contracted = along(centroid, worstPoint, outside ? -0.5 : 0.5);
      const fContracted = value(contracted);
      if (fContracted < (outside ? fReflected : fWorst)) replace(worst, contracted, fContracted);
      else {
        const bestPoint = points[best]!;
        for (let k = 1; k <= n; k++) {
          const index = order[k]!;
          points[index] = along(bestPoint, points[index]!, 0.5);
          values[index] = value(points[index]!);
        }
      }
    }
  }
  order.sort((i, j) => values[i]! - values[j]!);
  const best = order[0]!;
  return { x: points[best]!, value: values[best]!, iterations, evaluations, converged };
}

/** Largest coordinate distance from the best vertex to any other. */
function spread(points: readonly (readonly number[])[], best: number): number {
  let largest = 0;
  const b = points[best]!;
  for (const p of points) for (let i = 0; i < p.length; i++) largest = Math.max(largest, Math.abs(p[i]! - b[i]!));
  return largest;
}

/**
 * Polynomial interpolation at the n Chebyshev points of the second kind on [lo, hi],
 * x_j = mid + half·cos(jπ/(n−1)), evaluated with the barycentric formula (weights (−1)^j,
 * halved at both ends; Berrut & Trefethen 2004, "Barycentric Lagrange Interpolation", eq. 5.2).
 * For a function analytic in the Bernstein ellipse of parameter ρ around the interval the error
 * falls like ρ^−n, and the barycentric form is stable for any n (Trefethen, "Approximation
 * Theory and Approximation Practice", ch. 8 and 5).
 */

/** The n Chebyshev points of the second kind on [lo, hi], from hi down to lo (the ends up to rounding). */
export function chebyshevPoints(lo: number, hi: number, n: number): Float64Array {
  const mid = (lo + hi) / 2;
  const half = (hi - lo) / 2;
  const points = new Float64Array(n);
  for (let j = 0; j < n; j++) points[j] = mid + half * Math.cos((j * Math.PI) / (n - 1));
  return points;
}

/**
 * The interpolant through (points[j], values[offset + j·stride]) at x, by the barycentric
 * formula; at a node it returns that node's value exactly.
 *
 * @example
 * const p = chebyshevPoints(0, 1, 3); // [1, 0.5, 0] (up to rounding)
 * chebyshevInterpolate(p, Float64Array.of(1, 0.25, 0), 0, 1, 0.3) //=> 0.09 (x² through three points)
 */
export function chebyshevInterpolate(points: Float64Array, values: Float64Array, offset: number, stride: number, x: number): number {
  const n = points.length;
  let numerator = 0;
  let denominator = 0;
  for (let j = 0; j < n; j++) {
    const d = x - points[j]!;
    if (d === 0) return values[offset + j * stride]!;
    const w = (j & 1 ? -1 : 1) * (j === 0 || j === n - 1 ? 0.5 : 1) / d;
    numerator += w * values[offset + j * stride]!;
    denominator += w;
  }
  return numerator / denominator;
}

/**
 * Both series of `values` interleaved in pairs (stride 2) at x, in one pass: writes into
 * `out[0]` and `out[1]` what `chebyshevInterpolate(points, values, 0, 2, x)` and
 * `chebyshevInterpolate(points, values, 1, 2, x)` return, bit for bit (the same weights, sums
 * and order), with half the divisions.
 *
 * @example
 * const out = new Float64Array(2);
 * chebyshevInterpolatePair(chebyshevPoints(0, 1, 3), Float64Array.of(1, 2, 0.25, 1.5, 0, 1), 0.3, out); // out ≈ [0.09, 1.3] (x² and 1 + x)
 */
export function chebyshevInterpolatePair(points: Float64Array, values: Float64Array, x: number, out: Float64Array): void {
  const n = points.length;
  let first = 0;
  let second = 0;
  let denominator = 0;
  for (let j = 0; j < n; j++) {
    const d = x - points[j]!;
    if (d === 0) {
      out[0] = values[2 * j]!;
      out[1] = values[2 * j + 1]!;
      return;
    }
    const w = ((j & 1 ? -1 : 1) * (j === 0 || j === n - 1 ? 0.5 : 1)) / d;
    first += w * values[2 * j]!;
    second += w * values[2 * j + 1]!;
    denominator += w;
  }
  out[0] = first / denominator;
  out[1] = second / denominator;
}

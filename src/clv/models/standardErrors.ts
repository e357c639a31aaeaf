/** Finite-difference step of each parameter: 1e-4 relative (at least 1e-7). */
function steps(params: readonly number[]): number[] {
  return params.map((p) => 1e-4 * Math.max(Math.abs(p), 1e-3));
}

/**
 * Asymptotic standard errors: the square roots of the diagonal of the inverse of the
 * observed information matrix −∇²LL, estimated by central finite differences with steps of
 * 1e-4 relative to each parameter (1 + 2n² likelihood evaluations). `null` when the matrix is
 * not positive definite (the optimum is on a ridge or at a boundary) or a value is not finite.
 */
export function standardErrors(logLikelihood: (params: readonly number[]) => number, params: readonly number[]): number[] | null {
  return errorsOf(informationFromValues(logLikelihood, params));
}

/** The observed information −∇²LL at `params` from likelihood values, as `standardErrors` estimates it. */
export function informationFromValues(logLikelihood: (params: readonly number[]) => number, params: readonly number[]): number[][] {
  const n = params.length;
  const h = steps(params);
  const at = (di: number, si: number, dj: number, sj: number): number => {
    const x = params.slice();
    x[di] = x[di]! + si * h[di]!;
    x[dj] = x[dj]! + sj * h[dj]!;
    return -logLikelihood(x);
  };
  const f0 = -logLikelihood(params);
  const info: number[][] = [];
  for (let i = 0; i < n; i++) {
    info.push(new Array<number>(n).fill(0));
    for (let j = 0; j <= i; j++) {
      const value =
        i === j
          ? (at(i, 1, i, 0) - 2 * f0 + at(i, -1, i, 0)) / (h[i]! * h[i]!)
          : (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h[i]! * h[j]!);
      info[i]![j] = value;
      info[j]![i] = value;
    }
  }
  return info;
}

/**
 * `standardErrors` from the analytic gradient: column j of −∇²LL is the central difference
 * of −∇LL along parameter j, with the same steps (2n gradient evaluations instead of 1 + 2n²
 * likelihood evaluations; the difference of a gradient also loses fewer digits to rounding
 * than a second difference of the likelihood), and the matrix is symmetrised.
 * `gradientAt(params, gradient)` writes ∂LL/∂params into `gradient` and returns LL.
 */
export function standardErrorsFromGradient(gradientAt: (params: readonly number[], gradient: number[]) => number, params: readonly number[]): number[] | null {
  const info = informationFromGradient(gradientAt, params);
  return info === null ? null : errorsOf(info);
}

/** The observed information −∇²LL at `params` from the analytic gradient, as `standardErrorsFromGradient` estimates it; `null` when a gradient is not finite. */
export function informationFromGradient(gradientAt: (params: readonly number[], gradient: number[]) => number, params: readonly number[]): number[][] | null {
  const n = params.length;
  const h = steps(params);
  const columns: number[][] = [];
  for (let j = 0; j < n; j++) {
    const up = new Array<number>(n).fill(0);
    const down = new Array<number>(n).fill(0);
    const x = params.slice();
    x[j] = params[j]! + h[j]!;
    if (!Number.isFinite(gradientAt(x, up))) return null;
    x[j] = params[j]! - h[j]!;
    if (!Number.isFinite(gradientAt(x, down))) return null;
    columns.push(up.map((g, i) => -(g - down[i]!) / (2 * h[j]!)));
  }
  return columns.map((_, i) => columns.map((__, j) => (columns[j]![i]! + columns[i]![j]!) / 2));
}

/** Square roots of the diagonal of the inverse information matrix; `null` when it is not positive definite or a value is not finite. */
function errorsOf(info: readonly (readonly number[])[]): number[] | null {
  const covariance = asymptoticCovariance(info);
  return covariance === null ? null : covariance.map((row, i) => Math.sqrt(row[i]!));
}

/**
 * The parameters' asymptotic covariance, the inverse of the observed information (Cholesky);
 * `null` when the information is not positive definite or a value is not finite. The square
 * roots of its diagonal are the standard errors; the off-diagonal is symmetrised (the
 * substitutions leave the two halves a rounding apart).
 */
export function asymptoticCovariance(info: readonly (readonly number[])[]): number[][] | null {
  const inverse = invertSpd(info);
  if (inverse === null || !inverse.every((row, i) => row.every(Number.isFinite) && row[i]! > 0)) return null;
  return inverse.map((row, i) => row.map((value, j) => (i === j ? value : (value + inverse[j]![i]!) / 2)));
}

/** Inverse of a symmetric positive-definite matrix by Cholesky factorisation; `null` when it is not. */
function invertSpd(m: readonly (readonly number[])[]): number[][] | null {
  const n = m.length;
  const l: number[][] = m.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = m[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(sum > 0)) return null;
        l[i]![i] = Math.sqrt(sum);
      } else l[i]![j] = sum / l[j]![j]!;
    }
  }
  const inverse: number[][] = m.map(() => new Array<number>(n).fill(0));
  for (let col = 0; col < n; col++) {
    const y = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      let sum = i === col ? 1 : 0;
      for (let k = 0; k < i; k++) sum -= l[i]![k]! * y[k]!;
      y[i] = sum / l[i]![i]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      let sum = y[i]!;
      for (let k = i + 1; k < n; k++) sum -= l[k]![i]! * inverse[k]![col]!;
      inverse[i]![col] = sum / l[i]![i]!;
    }
  }
  return inverse;
}

import type { FittedModel, ModelName } from "./modelTypes";

/**
 * A fitted model's asymptotic normal in log-parameter space: the fitted log-parameters and a
 * lower-triangular `factor` L with L·Lᵀ = Σ_log = D⁻¹ Σ D⁻¹ (Σ the model's `covariance` in
 * natural parameters, D = diag(θ): the delta method for ln θ). A draw is
 * θ = exp(ln θ̂ + L·z) with z standard normal, so every drawn parameter is positive.
 */
export interface LogParameterNormal {
  readonly names: readonly string[];
  readonly logParams: Float64Array;
  /** Row-major k × k, zero above the diagonal. */
  readonly factor: Float64Array;
}

/**
 * The log-parameter normal of `model`, or why there is none: the model carries no covariance
 * (fitted before it existed or without standard errors, or its information was not positive
 * definite), or the covariance is not a positive-definite matrix over the model's parameters
 * (as a hand-edited JSON model may have).
 */
export function logParameterNormal(model: FittedModel<ModelName, object>, label: string): LogParameterNormal | string {
  const covariance = model.covariance;
  if (covariance === undefined || covariance === null) {
    const why = typeof model.covarianceReason === "string" ? model.covarianceReason : "the model carries no covariance (fitted before issue 17, or its JSON lost the field)";
    return `the ${label} model has no parameter covariance: ${why}`;
  }
  const params = model.params as Record<string, number>;
  const k = Object.keys(params).length;
  const { names: order, matrix } = covariance as { names?: unknown; matrix?: unknown };
  const wellFormed =
    Array.isArray(order) &&
    Array.isArray(matrix) &&
    order.length === k &&
    new Set(order).size === k &&
    order.every((name) => typeof name === "string" && Object.hasOwn(params, name)) &&
    matrix.length === k &&
    matrix.every((row) => Array.isArray(row) && row.length === k && row.every((v) => typeof v === "number" && Number.isFinite(v)));
  if (!wellFormed) return `the ${label} model's covariance is not a ${k} × ${k} matrix of finite numbers named by its parameters (${Object.keys(params).join(", ")})`;
  const names = order as string[];
  const rows = matrix as number[][];
  const logParams = new Float64Array(k);
  const logCovariance = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    logParams[i] = Math.log(params[names[i]!]!);
    for (let j = 0; j < k; j++) logCovariance[i * k + j] = (rows[i]![j]! + rows[j]![i]!) / 2 / (params[names[i]!]! * params[names[j]!]!);
  }
  const factor = cholesky(logCovariance, k);
  if (factor === null) return `the ${label} model's covariance is not positive definite`;
  return { names, logParams, factor };
}

/** Lower-triangular L with L·Lᵀ = m (row-major k × k); `null` when m is not positive definite. */
function cholesky(m: Float64Array, k: number): Float64Array | null {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = m[i * k + j]!;
      for (let c = 0; c < j; c++) sum -= l[i * k + c]! * l[j * k + c]!;
      if (i === j) {
        if (!(sum > 0 && Number.isFinite(sum))) return null;
        l[i * k + i] = Math.sqrt(sum);
      } else l[i * k + j] = sum / l[j * k + j]!;
    }
  }
  return l;
}

/** θ = exp(ln θ̂ + L·z) for the standard normal `z` (length k), as a params object in the model's order. */
export function drawParams(normal: LogParameterNormal, z: ArrayLike<number>, offset = 0): Record<string, number> {
  const { names, logParams, factor } = normal;
  const k = names.length;
  const params: Record<string, number> = {};
  for (let i = 0; i < k; i++) {
    let shift = 0;
    for (let j = 0; j <= i; j++) shift += factor[i * k + j]! * z[offset + j]!;
    params[names[i]!] = Math.exp(logParams[i]! + shift);
  }
  return params;
}

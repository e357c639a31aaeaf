/*
 * Per-customer error figures of predicted against actual values: MAE, RMSE, mean error and
 * the Pearson correlation, each `null` where it is undefined.
 */

/** MAE, RMSE, mean error (bias) and Pearson correlation of `predicted` against `actual`. */
export interface ErrorFigures {
  readonly mae: number | null;
  readonly rmse: number | null;
  readonly meanError: number | null;
  /** `null` with fewer than 2 values or when either side does not vary. */
  readonly correlation: number | null;
}

/**
 * MAE = Σ|pᵢ − aᵢ|/n, RMSE = √(Σ(pᵢ − aᵢ)²/n), mean error = Σ(pᵢ − aᵢ)/n and
 * r = Σ(pᵢ − p̄)(aᵢ − ā) / √(Σ(pᵢ − p̄)² Σ(aᵢ − ā)²) (two passes, so large means do not cancel),
 * over the indices where `include` is 1 (all when it is omitted).
 *
 * @example
 * errorFigures(Float64Array.of(1, 2, 3), Float64Array.of(1, 3, 5))
 * //=> { mae: 1, rmse: √(5/3), meanError: −1, correlation: 1 }
 */
export function errorFigures(predicted: Float64Array, actual: Float64Array, include?: Uint8Array): ErrorFigures {
  let n = 0;
  let sumP = 0;
  let sumA = 0;
  let absolute = 0;
  let squared = 0;
  for (let i = 0; i < predicted.length; i++) {
    if (include !== undefined && include[i] === 0) continue;
    const p = predicted[i]!;
    const a = actual[i]!;
    n++;
    sumP += p;
    sumA += a;
    absolute += Math.abs(p - a);
    squared += (p - a) * (p - a);
  }
  if (n === 0) return { mae: null, rmse: null, meanError: null, correlation: null };
  const meanP = sumP / n;
  const meanA = sumA / n;
  let cross = 0;
  let varP = 0;
  let varA = 0;
  for (let i = 0; i < predicted.length; i++) {
    if (include !== undefined && include[i] === 0) continue;
    const dp = predicted[i]! - meanP;
    const da = actual[i]! - meanA;
    cross += dp * da;
    varP += dp * dp;
    varA += da * da;
  }
  const denominator = Math.sqrt(varP) * Math.sqrt(varA);
  const correlation = n >= 2 && denominator > 0 ? Math.max(-1, Math.min(1, cross / denominator)) : null;
  return { mae: absolute / n, rmse: Math.sqrt(squared / n), meanError: (sumP - sumA) / n, correlation };
}

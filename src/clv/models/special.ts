/*
 * Special functions for the models. ln Γ, ln B and ψ are ported to ESM in src/core/special/
 * and pinned to @stdlib's values by test/core/special.test.ts; they are re-exported here so
 * the models keep one import.
 */
export { gammaln } from "../../core/special/logGamma";
export { betaln } from "../../core/special/logBeta";
export { digamma } from "../../core/special/digamma";

/** The sign of Γ(x): +1 for x > 0, (−1)^⌊x⌋ for negative non-integers, 0 at the poles (where 1/Γ = 0). */
export function gammaSign(x: number): -1 | 0 | 1 {
  if (x > 0) return 1;
  if (Number.isInteger(x)) return 0;
  return Math.floor(x) % 2 === 0 ? 1 : -1;
}

/** ln(eᵃ + eᵇ) without overflow; −Infinity only when both are −Infinity. */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** ln(eᵃ − eᵇ) for a ≥ b, computed as a + ln(1 − e^(b−a)); −Infinity when a = b. */
export function logSubExp(a: number, b: number): number {
  if (b === Number.NEGATIVE_INFINITY) return a;
  const d = b - a;
  return a + (d > -Math.LN2 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d)));
}

/** 1 / (1 + eˣ), the logistic of −x, without overflow: 0 for very large x, 1 for very small. */
export function inverseOnePlusExp(x: number): number {
  if (x > 0) {
    const e = Math.exp(-x);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(x));
}

/** ln(shift + v) for each v, in a plain loop (a typed array's `map` with a callback costs several times more per element). */
export function logOfShifted(values: Float64Array, shift: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.log(shift + values[i]!);
  return out;
}


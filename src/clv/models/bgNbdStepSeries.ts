import { bgNbdExpectedIfAlive } from "./bgNbdPredictions";
import type { BgNbdParams } from "./modelTypes";

/** Largest series length kept per x; a z that needs more is left to `bgNbdExpectedIfAlive`. */
const MAX_KEPT_TERMS = 20_000;
/** `hyp2f1Log`'s tolerance and rescaling bound; the fast path gives way to it where it would rescale. */
const EPSILON = 1e-16;
const RESCALE = 1e250;

/**
 * `bgNbdExpectedIfAlive(params, x, T, t)` for one x, with the term ratios of its Gauss series
 * ₂F₁(a+b−1−r, a−1; a+b+x−1; z), ((A+n)(B+n))/((C+n)(n+1)), computed once instead of at every
 * call. For z ≤ 0.75 (where `hyp2f1Log` sums that series) it runs the same recurrence, tail
 * test and final expressions, so it returns the same bits; anywhere else (z > 0.75, a series
 * that would need rescaling, more than 20,000 terms, or a pole of C + n) it calls
 * `bgNbdExpectedIfAlive` itself, or, with `fallback` false, returns NaN at once (a cheap probe
 * that never runs the long series).
 *
 * @example
 * const ifAlive = bgNbdIfAliveForX({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 2);
 * ifAlive(38.86, 52) === bgNbdExpectedIfAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 2, 38.86, 52) //=> true
 */
export function bgNbdIfAliveForX(params: BgNbdParams, x: number, fallback: boolean = true): (T: number, t: number) => number {
  const { r, alpha, a, b } = params;
  const aa = Math.abs(a - 1) < 1e-7 ? 1 + 1e-7 : a;
  const A = aa + b - 1 - r;
  const B = aa - 1;
  const C = aa + b + x - 1;
  const factor = (aa + b + x - 1) / (aa - 1);
  let ratios = new Float64Array(0);
  /** Doubles the ratios kept; false at the length bound or at a pole of C + n (the slow path then decides). */
  const grow = (): boolean => {
    const from = ratios.length;
    const to = Math.min(MAX_KEPT_TERMS, Math.max(256, 2 * from));
    if (from >= to) return false;
    const next = new Float64Array(to);
    next.set(ratios);
    for (let n = from; n < to; n++) {
      if (C + n === 0) return false;
      next[n] = ((A + n) * (B + n)) / ((C + n) * (n + 1));
    }
    ratios = next;
    return true;
  };
  const slow = (T: number, t: number): number => (fallback ? bgNbdExpectedIfAlive(params, x, T, t) : Number.NaN);
  return (T, t) => {
    if (t === 0) return 0;
    const z = t / (alpha + T + t);
    if (!(z > 0 && z <= 0.75)) return slow(T, t);
    let term = 1;
    let sum = 1;
    for (let n = 0; ; n++) {
      if (n >= ratios.length && !grow()) return slow(T, t);
      const ratio = ratios[n]! * z;
      term *= ratio;
      if (term === 0) break;
      sum += term;
      if (Math.abs(sum) > RESCALE || Math.abs(term) > RESCALE) return slow(T, t);
      const rho = Math.max(Math.abs(ratio), z);
      if (rho < 1 && Math.abs(term) * (rho / (1 - rho)) <= EPSILON * Math.abs(sum)) break;
      if (!Number.isFinite(sum)) return slow(T, t);
    }
    const sign = sum > 0 ? 1 : sum < 0 ? -1 : 0;
    const log = (aa - 1) * Math.log1p(-z) + (Math.log(Math.abs(sum)) + 0);
    const bracket = sign > 0 ? -Math.expm1(log) : sign < 0 ? 1 + Math.exp(log) : 1;
    return factor * bracket;
  };
}

import { bgNbdExpectedIfAlive } from "./bgNbdPredictions";
import type { BgNbdParams } from "./modelTypes";
import { gammaRatio } from "./hyp2f1";
import { logAddExp, logSubExp } from "./special";

/** Largest series length kept per x; a z that needs more is left to `bgNbdExpectedIfAlive`. */
const MAX_KEPT_TERMS = 20_000;
/** `hyp2f1Log`'s tolerance and rescaling bound; the fast path gives way to it where it would rescale. */
const EPSILON = 1e-16;
const RESCALE = 1e250;

/**
 * The Gauss series Σₙ (A)ₙ(B)ₙ/((C)ₙ n!) zⁿ as `hyp2f1Log` sums it (the same recurrence and
 * tail test), with the term ratios ((A+n)(B+n))/((C+n)(n+1)) kept across calls. NaN where
 * `hyp2f1Log` would do something else: rescale, meet a pole of C + n, or go past 20,000 terms.
 */
function keptSeries(A: number, B: number, C: number): (z: number) => number {
  let ratios = new Float64Array(0);
  /** Doubles the ratios kept; false at the length bound or at a pole of C + n. */
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
  return (z) => {
    // The tail test's factor ρ/(1 − ρ) is at least z/(1 − z) (ρ ≥ z, and rounding is monotone),
    // so a term whose |term|·z/(1 − z) is above the bound fails the test: it is skipped there
    // without its division, and the series stops at the same term as hyp2f1Log's.
    const least = z > 0 && z < 1 ? z / (1 - z) : 0;
    let term = 1;
    let sum = 1;
    for (let n = 0; ; n++) {
      if (n >= ratios.length && !grow()) return Number.NaN;
      const ratio = ratios[n]! * z;
      term *= ratio;
      if (term === 0) return sum;
      sum += term;
      if (Math.abs(sum) > RESCALE || Math.abs(term) > RESCALE) return Number.NaN;
      const bound = EPSILON * Math.abs(sum);
      if (Math.abs(term) * least <= bound) {
        const rho = Math.max(Math.abs(ratio), z);
        if (rho < 1 && Math.abs(term) * (rho / (1 - rho)) <= bound) return sum;
      }
      if (!Number.isFinite(sum)) return Number.NaN;
    }
  };
}

/**
 * `hyp2f1Log(A, B, C, z)` for 0.75 < z < 1 by its 1 − z transformation (A&S 15.3.6), with the
 * four-Γ factors and both series' term ratios made once: ln|₂F₁| with its sign in `out[0]`,
 * or NaN where `hyp2f1Log` would give up on the transformation (m = C − A − B near an integer,
 * a factor at a pole, a series that fails, or pieces that cancel) and take another route.
 */
function keptTransformation(A: number, B: number, C: number): ((z: number, out: Float64Array) => number) | null {
  const m = C - A - B;
  if (!(Math.abs(m - Math.round(m)) > 1e-6)) return null;
  const g1 = gammaRatio(C, m, C - A, C - B);
  const g2 = gammaRatio(C, -m, A, B);
  if (g1 === null || g2 === null) return null;
  const first = keptSeries(A, B, 1 - m);
  const second = keptSeries(C - A, C - B, 1 + m);
  return (z, out) => {
    const w = 1 - z;
    const s1 = g1.sign === 0 ? 0 : first(w);
    const s2 = g2.sign === 0 ? 0 : second(w);
    if (Number.isNaN(s1) || Number.isNaN(s2)) return Number.NaN;
    // As hyp2f1Log's pieces: a piece whose factor sign is 0 has log g + 0, any other log g + ln|s|.
    const sign1 = g1.sign * Math.sign(s1);
    const log1 = g1.log + (g1.sign === 0 ? 0 : Math.log(Math.abs(s1)));
    const sign2 = g2.sign * Math.sign(s2);
    const log2 = g2.log + m * Math.log(w) + (g2.sign === 0 ? 0 : Math.log(Math.abs(s2)));
    if (sign1 === 0) {
      out[0] = sign2;
      return sign2 === 0 ? Number.NaN : log2;
    }
    if (sign2 === 0) {
      out[0] = sign1;
      return log1;
    }
    if (sign1 === sign2) {
      out[0] = sign1;
      return logAddExp(log1, log2);
    }
    const [bigSign, bigLog, smallLog] = log1 >= log2 ? [sign1, log1, log2] : [sign2, log2, log1];
    const log = logSubExp(bigLog, smallLog);
    if (!(bigLog - log < 18)) return Number.NaN;
    out[0] = bigSign;
    return log;
  };
}

/**
 * `bgNbdExpectedIfAlive(params, x, T, t)` for one x, with the term ratios of its Gauss series
 * ₂F₁(a+b−1−r, a−1; a+b+x−1; z) computed once instead of at every call. For z ≤ 0.75 (where
 * `hyp2f1Log` sums that series) it runs the same recurrence, tail test and final expressions,
 * so it returns the same bits; for 0.75 < z < 1 it runs `hyp2f1Log`'s 1 − z transformation
 * with its Γ factors and series ratios also made once, again to the same bits. Anywhere else
 * (a series that would need rescaling or more than 20,000 terms, a pole, a transformation that
 * `hyp2f1Log` gives up on) it calls `bgNbdExpectedIfAlive` itself, or, with `fallback` false,
 * returns NaN at once (a cheap probe that never runs the long series).
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
  const series = keptSeries(A, B, C);
  let transformation: ((z: number, out: Float64Array) => number) | null | undefined;
  const sign = new Float64Array(1);
  const slow = (T: number, t: number): number => (fallback ? bgNbdExpectedIfAlive(params, x, T, t) : Number.NaN);
  /** The factor times the bracket 1 − (1−z)^(a−1)·₂F₁, from ln|₂F₁| and its sign, as `bgNbdExpectedIfAlive` forms it. */
  const value = (z: number, f: number, fSign: number): number => {
    const log = (aa - 1) * Math.log1p(-z) + f;
    const bracket = fSign > 0 ? -Math.expm1(log) : fSign < 0 ? 1 + Math.exp(log) : 1;
    return factor * bracket;
  };
  return (T, t) => {
    if (t === 0) return 0;
    const z = t / (alpha + T + t);
    if (z > 0 && z <= 0.75) {
      const sum = series(z);
      if (Number.isNaN(sum)) return slow(T, t);
      return value(z, Math.log(Math.abs(sum)) + 0, sum > 0 ? 1 : sum < 0 ? -1 : 0);
    }
    if (!(fallback && z > 0.75 && z < 1)) return slow(T, t);
    transformation ??= keptTransformation(A, B, C);
    const log = transformation === null ? Number.NaN : transformation(z, sign);
    return Number.isNaN(log) ? slow(T, t) : value(z, log, sign[0]!);
  };
}

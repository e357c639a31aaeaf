import { gammaln, gammaSign, logAddExp, logSubExp } from "./special";

/** A real number as a sign and the natural log of its magnitude (so huge values do not overflow). */
export interface SignedLog {
  readonly sign: -1 | 0 | 1;
  readonly log: number;
}

const EPSILON = 1e-16;
const RESCALE = 1e250;
const LOG_RESCALE = Math.log(RESCALE);
const FAILED: SignedLog = { sign: 1, log: Number.NaN };

/**
 * Counts the work of ₂F₁ evaluations in series terms (a likelihood charges them to its fit's
 * work budget): each term summed, plus `CALL_TERMS` per call and `TRANSFORMATION_TERMS` per
 * 1 − z transformation (its four log-gammas), measured to cost about as much.
 */
export interface SeriesTermCounter {
  terms: number;
}
/** The fixed cost of one `hyp2f1Log` call, in series terms. */
const CALL_TERMS = 5;
/** The fixed cost of one 1 − z transformation (eight ln Γ), in series terms. */
const TRANSFORMATION_TERMS = 60;
/** Terms for each series in 1 − z ≤ 0.25 of the transformation (they converge in far fewer unless a parameter is huge). */
const TRANSFORMED_SERIES_TERMS = 20_000;
/**
 * Most terms the plain series may sum by default (a single prediction). A likelihood, which
 * evaluates two ₂F₁ per customer row at every step of a fit, passes a lower bound
 * (`FIT_SERIES_TERMS`), so no parameter value can make a fit crawl.
 */
export const MAX_SERIES_TERMS = 500_000;
/** The series bound a likelihood passes: a row that needs more is rejected for that step (the optimizer backs off). */
export const FIT_SERIES_TERMS = 20_000;
/** Above this z (≈ 0.998) the plain series, whose term ratio tends to z, needs more than 20,000 terms to reach 1e-16. */
const SERIES_FIRST_UP_TO = Math.exp(Math.log(EPSILON) / 20_000);

/**
 * The Gauss series Σₙ (a)ₙ(b)ₙ/((c)ₙ n!) zⁿ, rescaled as it grows so it never overflows.
 * It stops when the remaining tail, bounded by |term|·ρ/(1−ρ) with ρ = max(|ratio|, |z|),
 * is below 1e-16 of the sum; `null` when that does not happen within `maxTerms` or c hits a pole.
 * Adds the terms it summed to `counter`.
 */
function gaussSeries(a: number, b: number, c: number, z: number, maxTerms: number, counter: SeriesTermCounter | undefined): SignedLog | null {
  let term = 1;
  let sum = 1;
  let logScale = 0;
  let n = 0;
  let result: SignedLog | null = null;
  for (; n < maxTerms; n++) {
    if (c + n === 0) break;
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    if (term === 0) break;
    sum += term;
    if (Math.abs(sum) > RESCALE || Math.abs(term) > RESCALE) {
      sum /= RESCALE;
      term /= RESCALE;
      logScale += LOG_RESCALE;
    }
    const rho = Math.max(Math.abs(ratio), Math.abs(z));
    if (rho < 1 && Math.abs(term) * (rho / (1 - rho)) <= EPSILON * Math.abs(sum)) {
      result = { sign: sum > 0 ? 1 : sum < 0 ? -1 : 0, log: Math.log(Math.abs(sum)) + logScale };
      break;
    }
    if (!Number.isFinite(sum)) break;
  }
  if (term === 0) result = { sign: sum > 0 ? 1 : sum < 0 ? -1 : 0, log: Math.log(Math.abs(sum)) + logScale };
  if (counter !== undefined) counter.terms += n + 1;
  return result;
}

/** sign · Γ(num₁)Γ(num₂) / (Γ(den₁)Γ(den₂)) as a signed log; sign 0 when a denominator is at a pole. */
export function gammaRatio(num1: number, num2: number, den1: number, den2: number): SignedLog | null {
  const sign = gammaSign(num1) * gammaSign(num2) * gammaSign(den1) * gammaSign(den2);
  if (gammaSign(num1) === 0 || gammaSign(num2) === 0) return null;
  if (sign === 0) return { sign: 0, log: Number.NEGATIVE_INFINITY };
  return { sign: sign as -1 | 1, log: gammaln(num1) + gammaln(num2) - gammaln(den1) - gammaln(den2) };
}

/**
 * The 1 − z transformation (Abramowitz & Stegun 15.3.6), for c − a − b = m not an integer:
 * ₂F₁(a,b;c;z) = Γ(c)Γ(m)/(Γ(c−a)Γ(c−b)) ₂F₁(a,b;1−m;1−z)
 *              + (1−z)^m Γ(c)Γ(−m)/(Γ(a)Γ(b)) ₂F₁(c−a,c−b;1+m;1−z).
 * `null` when a piece fails or the two pieces cancel to fewer than ~8 correct digits.
 */
function oneMinusZ(a: number, b: number, c: number, z: number, m: number, counter: SeriesTermCounter | undefined): SignedLog | null {
  const w = 1 - z;
  if (counter !== undefined) counter.terms += TRANSFORMATION_TERMS;
  const g1 = gammaRatio(c, m, c - a, c - b);
  const g2 = gammaRatio(c, -m, a, b);
  if (g1 === null || g2 === null) return null;
  const s1 = g1.sign === 0 ? { sign: 0 as const, log: 0 } : gaussSeries(a, b, 1 - m, w, TRANSFORMED_SERIES_TERMS, counter);
  const s2 = g2.sign === 0 ? { sign: 0 as const, log: 0 } : gaussSeries(c - a, c - b, 1 + m, w, TRANSFORMED_SERIES_TERMS, counter);
  if (s1 === null || s2 === null) return null;
  const t1 = { sign: g1.sign * s1.sign, log: g1.log + s1.log };
  const t2 = { sign: g2.sign * s2.sign, log: g2.log + m * Math.log(w) + s2.log };
  if (t1.sign === 0) return t2.sign === 0 ? null : (t2 as SignedLog);
  if (t2.sign === 0) return t1 as SignedLog;
  if (t1.sign === t2.sign) return { sign: t1.sign as -1 | 1, log: logAddExp(t1.log, t2.log) };
  const [big, small] = t1.log >= t2.log ? [t1, t2] : [t2, t1];
  const log = logSubExp(big.log, small.log);
  if (!(big.log - log < 18)) return null;
  return { sign: big.sign as -1 | 1, log };
}

/**
 * Gauss's hypergeometric function ₂F₁(a, b; c; z) for real parameters and 0 ≤ z < 1, as a
 * sign and the log of its magnitude. For z ≤ 0.75 it sums the series with a tail-bound
 * convergence check; nearer 1 it uses the 1 − z transformation (A&S 15.3.6) when c − a − b is
 * not an integer; when it is (or nearly), the series while z ≤ 0.998 (where it needs at most
 * 20,000 terms) and otherwise the mean of the transformation at c ± 1e-6, each falling back on
 * the other. No plain series sums more than `maxTerms` terms and no transformed one more than
 * 20,000, so the cost of a call is bounded whatever the parameters.
 * `log` is NaN when no method converged (the callers turn that into `ModelFitError` or a
 * rejected step, never a NaN result). `counter`, when given, receives the number of series
 * terms summed (the work a fit's budget is charged).
 */
export function hyp2f1Log(a: number, b: number, c: number, z: number, maxTerms: number = MAX_SERIES_TERMS, counter?: SeriesTermCounter): SignedLog {
  if (counter !== undefined) counter.terms += CALL_TERMS;
  if (z === 0) return { sign: 1, log: 0 };
  if (!(z > 0 && z < 1)) return FAILED;
  if (z <= 0.75) return gaussSeries(a, b, c, z, maxTerms, counter) ?? FAILED;
  const m = c - a - b;
  if (Math.abs(m - Math.round(m)) > 1e-6) {
    const transformed = oneMinusZ(a, b, c, z, m, counter);
    if (transformed !== null) return transformed;
  }
  if (z <= SERIES_FIRST_UP_TO) return gaussSeries(a, b, c, z, maxTerms, counter) ?? nearIntegerLimit(a, b, c, z, counter) ?? FAILED;
  return nearIntegerLimit(a, b, c, z, counter) ?? gaussSeries(a, b, c, z, maxTerms, counter) ?? FAILED;
}

/**
 * For c − a − b at (or near) an integer, where the 1 − z transformation has poles and the
 * series is too slow: the mean of the transformed values at c ± 1e-6, which is the limit up to
 * about 1e-10 relative error (the function is smooth in c; the two pieces of each
 * transformation are ~1e6 times the result and cancel to ~10 correct digits).
 */
function nearIntegerLimit(a: number, b: number, c: number, z: number, counter: SeriesTermCounter | undefined): SignedLog | null {
  const delta = 1e-6;
  const above = oneMinusZ(a, b, c + delta, z, c + delta - a - b, counter);
  const below = oneMinusZ(a, b, c - delta, z, c - delta - a - b, counter);
  if (above === null || below === null || above.sign !== below.sign || above.sign === 0) return null;
  return { sign: above.sign, log: logAddExp(above.log, below.log) - Math.LN2 };
}

/** ₂F₁(a, b; c; z) as a plain number (may be ±Infinity for huge values, NaN when it failed). */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  const value = hyp2f1Log(a, b, c, z);
  return value.sign * Math.exp(value.log);
}

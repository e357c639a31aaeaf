import { digamma } from "./special";

/** Most terms one series sums exactly; beyond them a matched power-law tail stands in (see `betaProductSeries`). */
export const MAX_SERIES_TERMS = 100_000;

/** How often (in terms) the tail bound is checked. */
const CHECK_EVERY = 16;

/** ∂/∂ of ln of the series' terms, summed with the terms' relative weights: filled by `betaProductSeries` when asked. */
export interface SeriesGradient {
  /** Σ wᵢ·(ψ(A) − ψ(A+b+i)) / Σ wᵢ: the derivative of ln Σ with respect to A (A's share only). */
  dA: number;
  /** Σ wᵢ·(ψ(b+i) − ψ(A+b+i)) / Σ wᵢ. */
  db: number;
  dG: number;
  dd: number;
}

/** ln Σ and the number of terms it summed. */
export interface SeriesValue {
  readonly log: number;
  readonly terms: number;
}

/**
 * ln Σ_{i=0}^{count−1} B(A, b+i)·B(G, d+i), for A, b, G, d > 0 and A + G > 1 (the BG/BB
 * likelihood's "dropped out after the last transaction" terms, and the "at least one more
 * transaction" terms of its predictions). Each term is the last times
 * (b+i)/(A+b+i) · (d+i)/(G+d+i), so a term costs two divisions, not four log-gammas.
 *
 * The terms fall at least like a power: with K = max(A+b, G+d) and k = A+G, every term after
 * i is at most termᵢ·((K+i)/(K+j))^k, so the rest of the series is at most termᵢ·(K+i)/(k−1).
 * The sum stops when that bound is below 1e-17 of the sum. A series still going after
 * `MAX_SERIES_TERMS` terms (billions of opportunities, small A + G) adds the rest as the
 * integral of the power law c·(u+s)^(−k) matched to the last term and its ratio, whose
 * relative error is of the order of 1/`MAX_SERIES_TERMS` of a tail that is itself small.
 * With `gradient`, the derivatives of ln Σ with respect to A, b, G and d (digammas advanced
 * by ψ(z+1) = ψ(z) + 1/z); the tail takes the derivatives of the last term.
 */
export function betaProductSeries(A: number, b: number, G: number, d: number, count: number, first: number, gradient?: SeriesGradient): SeriesValue {
  if (count <= 0) return { log: Number.NEGATIVE_INFINITY, terms: 0 };
  const K = Math.max(A + b, G + d);
  const k = A + G;
  const withGradient = gradient !== undefined;
  let psiAb = withGradient ? digamma(A + b) : 0;
  let psiB = withGradient ? digamma(b) : 0;
  let psiGd = withGradient ? digamma(G + d) : 0;
  let psiD = withGradient ? digamma(d) : 0;
  const psiA = withGradient ? digamma(A) : 0;
  const psiG = withGradient ? digamma(G) : 0;
  let term = 1;
  let sum = 0;
  let gA = 0;
  let gb = 0;
  let gG = 0;
  let gd = 0;
  let ratio = 1;
  const limit = Math.min(count, MAX_SERIES_TERMS);
  let i = 0;
  for (; i < limit; i++) {
    sum += term;
    if (withGradient) {
      gA += term * (psiA - psiAb);
      gb += term * (psiB - psiAb);
      gG += term * (psiG - psiGd);
      gd += term * (psiD - psiGd);
      psiAb += 1 / (A + b + i);
      psiB += 1 / (b + i);
      psiGd += 1 / (G + d + i);
      psiD += 1 / (d + i);
    }
    ratio = ((b + i) / (A + b + i)) * ((d + i) / (G + d + i));
    term *= ratio;
    if (i % CHECK_EVERY === CHECK_EVERY - 1 && term * ((K + i + 1) / (k - 1)) < 1e-17 * sum) {
      i++;
      break;
    }
  }
  if (i === limit && count > limit) {
    const tail = powerLawTail(term, ratio, k, limit, count);
    sum += tail;
    if (withGradient) {
      gA += tail * (psiA - psiAb);
      gb += tail * (psiB - psiAb);
      gG += tail * (psiG - psiGd);
      gd += tail * (psiD - psiGd);
    }
  }
  if (withGradient) {
    gradient.dA = gA / sum;
    gradient.db = gb / sum;
    gradient.dG = gG / sum;
    gradient.dd = gd / sum;
  }
  return { log: first + Math.log(sum), terms: i };
}

/**
 * Σ_{j=from}^{to−1} of a power law c·(j+s)^(−k) whose term at `from` is `term` and whose ratio
 * of consecutive terms there is `ratio` (so (from+s)/(from+1+s) = ratio^(1/k)): the midpoint
 * integral ∫ from−½ … to−½, term·(from+s)^k·(u+s)^(−k) du.
 */
export function powerLawTail(term: number, ratio: number, k: number, from: number, to: number): number {
  const step = -Math.expm1(Math.log(ratio) / k);
  if (!(step > 0)) return 0;
  const origin = 1 / step - 1;
  const lower = origin - 0.5;
  const upper = origin + (to - from) - 0.5;
  if (!(lower > 0)) return 0;
  const shape = Math.exp((k - 1) * (Math.log(origin) - Math.log(lower)));
  return ((term * origin * shape) / (k - 1)) * -Math.expm1((k - 1) * (Math.log(lower) - Math.log(upper)));
}

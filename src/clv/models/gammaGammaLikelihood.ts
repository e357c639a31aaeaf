import { IssueCollector } from "../../input/errors";
import { gather, mergeIdenticalRows } from "./mergeIdentical";
import type { FitWorkMeter } from "./fitWorkMeter";
import { digamma, gammaln } from "./special";

/** Work units of one Gamma-Gamma row (one logarithm: about a fifth of a BG/NBD row). */
const SPEND_ROW_WORK = 0.2;

/** Each γ + x z̄ within [1e-100, 1e100] joins a running product, folded into the sum of logs once it leaves [1e-200, 1e200]. */
const FOLD_BELOW = 1e-200;
const FOLD_ABOVE = 1e200;
const MULTIPLY_BELOW = 1e-100;
const MULTIPLY_ABOVE = 1e100;

/**
 * Repeat customers merged by (x, z̄), in ascending (x, z̄) order, with the parameter-free sums
 * precomputed per distinct x: the rows of distinct x number k are `xStart[k]` up to
 * `xStart[k + 1]`, of total weight `weightOfX[k]` and weighted Σ ln z̄ `logZOfX[k]`.
 */
export interface SpendRows {
  readonly count: number;
  readonly weight: Float64Array;
  readonly xz: Float64Array;
  readonly xValues: Float64Array;
  readonly xStart: Uint32Array;
  readonly weightOfX: Float64Array;
  readonly logZOfX: Float64Array;
  readonly totalWeight: number;
  readonly meanSpend: number;
}

/**
 * The Gamma-Gamma log-likelihood of a customer with x repeat transactions of mean value z̄
 * (Fader, Hardie & Lee 2005, "RFM and CLV"; Fader & Hardie 2013, "The Gamma-Gamma Model of
 * Monetary Value", eq. 3):
 *   ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄).
 * Every term but the last is summed once per distinct x from the weights and Σ ln z̄ that
 * `spendRows` precomputes; the last needs S = Σ w ln(γ + x z̄) per distinct x, the only pass
 * over the rows, taken as the log of a running product (folded into a sum before it can
 * overflow; a row of weight ≠ 1 or an extreme γ + x z̄ takes its own logarithm), so one
 * logarithm per several dozen customers instead of one each. When `gradient` is given it
 * receives ∂ln L/∂(p, q, γ), by differentiating each term:
 *   ∂p: x[ψ(px+q) − ψ(px) + ln z̄ + ln x − ln(γ + x z̄)],
 *   ∂q: ψ(px+q) − ψ(q) + ln γ − ln(γ + x z̄),
 *   ∂γ: q/γ − (px+q)/(γ + x z̄).
 * With a `meter` it charges `SPEND_ROW_WORK` per distinct (x, z̄) to the fit's work budget.
 */
export function gammaGammaLogLikelihood([p = 0, q = 0, gamma = 0]: readonly number[], data: SpendRows, gradient?: number[], meter?: FitWorkMeter): number {
  meter?.charge(data.count * SPEND_ROW_WORK);
  const { xValues, xStart, weightOfX, logZOfX, weight, xz } = data;
  const logGamma = Math.log(gamma);
  const constant = q * logGamma - gammaln(q);
  const withGradient = gradient !== undefined;
  const psiQ = withGradient ? digamma(q) : 0;
  /** Where `denominatorTerms` leaves Σ w/(γ + x z̄). */
  const terms = new Float64Array(1);
  let total = 0;
  let gp = 0;
  let gq = 0;
  let gg = 0;
  for (let k = 0; k < xValues.length; k++) {
    const x = xValues[k]!;
    const px = p * x;
    const w = weightOfX[k]!;
    const logZ = logZOfX[k]!;
    const logX = Math.log(x);
    const logDenominators = denominatorTerms(xStart[k]!, xStart[k + 1]!, gamma, xz, weight, withGradient, terms);
    const inverses = terms[0]!;
    total += w * (gammaln(px + q) - gammaln(px) + constant + px * logX) + (px - 1) * logZ - (px + q) * logDenominators;
    if (withGradient) {
      const psiSum = digamma(px + q);
      gp += x * (w * (psiSum - digamma(px) + logX) + logZ - logDenominators);
      gq += w * (psiSum - psiQ + logGamma) - logDenominators;
      gg += (w * q) / gamma - (px + q) * inverses;
    }
  }
  if (withGradient) {
    gradient[0] = gp;
    gradient[1] = gq;
    gradient[2] = gg;
  }
  return total;
}

/** Keeps the repeat customers, merges identical (x, z̄) in ascending order and precomputes the per-x sums. */
export function spendRows(n: number, frequency: Float64Array, monetary: Float64Array, weights: Float64Array): SpendRows {
  const issues = new IssueCollector();
  const kept = new Uint32Array(n);
  let count = 0;
  let totalWeight = 0;
  let spend = 0;
  for (let i = 0; i < n; i++) {
    if (frequency[i] === 0) continue;
    const z = monetary[i]!;
    if (!(z > 0)) {
      issues.add({ index: i, path: ["summaries", "monetaryValue"], code: "not_positive", message: `expected a mean repeat spend > 0 for a repeat customer, found ${Number.isNaN(z) ? "none" : z}` });
      continue;
    }
    kept[count++] = i;
    totalWeight += weights[i]!;
    spend += weights[i]! * z;
  }
  issues.throwIfAny();
  const { first, weight, columns } = mergeIdenticalRows(kept.subarray(0, count), [frequency, monetary], weights);
  const xs = columns[0]!;
  const x = gather(frequency, first);
  const z = gather(monetary, first);
  const xz = new Float64Array(first.length);
  const xStart = new Uint32Array(xs.values.length + 1);
  const weightOfX = new Float64Array(xs.values.length);
  const logZOfX = new Float64Array(xs.values.length);
  for (let i = 0; i < first.length; i++) {
    const k = xs.index[i]!;
    xz[i] = x[i]! * z[i]!;
    xStart[k + 1] = i + 1;
    weightOfX[k]! += weight[i]!;
    logZOfX[k]! += weight[i]! * Math.log(z[i]!);
  }
  return { count: first.length, weight, xz, xValues: xs.values, xStart, weightOfX, logZOfX, totalWeight, meanSpend: totalWeight > 0 ? spend / totalWeight : 1 };
}

/**
 * Σ w·ln(γ + x z̄) over the rows `from`…`to` (one x), through running products folded into logs
 * before they leave [FOLD_BELOW, FOLD_ABOVE]; with `withGradient`, leaves Σ w/(γ + x z̄) in
 * `out[0]`. A function of its own, called once per x, so that even a one-shot run's first fit
 * soon runs it optimised.
 */
function denominatorTerms(from: number, to: number, gamma: number, xz: Float64Array, weight: Float64Array, withGradient: boolean, out: Float64Array): number {
  let logs = 0;
  let product = 1;
  let inverses = 0;
  for (let i = from; i < to; i++) {
    const denominator = gamma + xz[i]!;
    const wi = weight[i]!;
    if (wi === 1 && denominator > MULTIPLY_BELOW && denominator < MULTIPLY_ABOVE) {
      product *= denominator;
      if (!(product > FOLD_BELOW && product < FOLD_ABOVE)) {
        logs += Math.log(product);
        product = 1;
      }
    } else logs += wi * Math.log(denominator);
    if (withGradient) inverses += wi / denominator;
  }
  out[0] = inverses;
  return logs + Math.log(product);
}

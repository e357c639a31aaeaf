import { IssueCollector } from "../../input/errors";
import { mergeIdenticalRows } from "./mergeIdentical";
import type { FitWorkMeter } from "./fitWorkMeter";
import { digamma, gammaln } from "./special";

/** Work units of one Gamma-Gamma row (one logarithm: about a fifth of a BG/NBD row). */
const SPEND_ROW_WORK = 0.2;

/** Repeat customers merged by (x, z̄), with the parameter-free logs precomputed. */
export interface SpendRows {
  readonly count: number;
  readonly x: Float64Array;
  readonly weight: Float64Array;
  readonly logX: Float64Array;
  readonly logZ: Float64Array;
  readonly xz: Float64Array;
  readonly totalWeight: number;
  readonly meanSpend: number;
}

/**
 * The Gamma-Gamma log-likelihood of a customer with x repeat transactions of mean value z̄
 * (Fader, Hardie & Lee 2005, "RFM and CLV"; Fader & Hardie 2013, "The Gamma-Gamma Model of
 * Monetary Value", eq. 3):
 *   ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄),
 * with the Γ terms computed once per distinct x. When `gradient` is given it receives
 * ∂ln L/∂(p, q, γ), by differentiating each term:
 *   ∂p: x[ψ(px+q) − ψ(px) + ln z̄ + ln x − ln(γ + x z̄)],
 *   ∂q: ψ(px+q) − ψ(q) + ln γ − ln(γ + x z̄),
 *   ∂γ: q/γ − (px+q)/(γ + x z̄).
 * With a `meter` it charges `SPEND_ROW_WORK` per distinct (x, z̄) to the fit's work budget.
 */
export function gammaGammaLogLikelihood([p = 0, q = 0, gamma = 0]: readonly number[], data: SpendRows, gradient?: number[], meter?: FitWorkMeter): number {
  meter?.charge(data.count * SPEND_ROW_WORK);
  const logGamma = Math.log(gamma);
  const constant = q * logGamma - gammaln(q);
  const withGradient = gradient !== undefined;
  const psiQ = withGradient ? digamma(q) : 0;
  let total = 0;
  let gp = 0;
  let gq = 0;
  let gg = 0;
  let lastX = Number.NaN;
  let byX = 0;
  let psiSum = 0;
  let psiPx = 0;
  for (let i = 0; i < data.count; i++) {
    const x = data.x[i]!;
    const px = p * x;
    if (x !== lastX) {
      byX = gammaln(px + q) - gammaln(px) + constant;
      if (withGradient) {
        psiSum = digamma(px + q);
        psiPx = digamma(px);
      }
      lastX = x;
    }
    const w = data.weight[i]!;
    const logZ = data.logZ[i]!;
    const logX = data.logX[i]!;
    const denominator = gamma + data.xz[i]!;
    const logDenominator = Math.log(denominator);
    total += w * (byX + (px - 1) * logZ + px * logX - (px + q) * logDenominator);
    if (withGradient) {
      gp += w * x * (psiSum - psiPx + logZ + logX - logDenominator);
      gq += w * (psiSum - psiQ + logGamma - logDenominator);
      gg += w * (q / gamma - (px + q) / denominator);
    }
  }
  if (withGradient) {
    gradient[0] = gp;
    gradient[1] = gq;
    gradient[2] = gg;
  }
  return total;
}

/** Keeps the repeat customers, merges identical (x, z̄) in ascending order and precomputes the logs. */
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
  const { first, weight } = mergeIdenticalRows(kept.subarray(0, count), [frequency, monetary], weights);
  const x = Float64Array.from(first, (i) => frequency[i]!);
  const z = Float64Array.from(first, (i) => monetary[i]!);
  return {
    count: x.length,
    x,
    weight,
    logX: x.map(Math.log),
    logZ: z.map(Math.log),
    xz: x.map((v, i) => v * z[i]!),
    totalWeight,
    meanSpend: totalWeight > 0 ? spend / totalWeight : 1,
  };
}

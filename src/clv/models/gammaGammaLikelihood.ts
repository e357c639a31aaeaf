import { IssueCollector } from "../../input/errors";
import { gammaln } from "./special";

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
 *   ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄).
 */
export function gammaGammaLogLikelihood([p = 0, q = 0, gamma = 0]: readonly number[], data: SpendRows): number {
  const constant = q * Math.log(gamma) - gammaln(q);
  let total = 0;
  let lastX = Number.NaN;
  let byX = 0;
  for (let i = 0; i < data.count; i++) {
    const x = data.x[i]!;
    if (x !== lastX) {
      byX = gammaln(p * x + q) - gammaln(p * x) + constant;
      lastX = x;
    }
    const px = p * x;
    const ll = byX + (px - 1) * data.logZ[i]! + px * data.logX[i]! - (px + q) * Math.log(gamma + data.xz[i]!);
    total += data.weight[i]! * ll;
  }
  return total;
}

/** Keeps the repeat customers, merges identical (x, z̄), sorts by x and precomputes the logs. */
export function spendRows(n: number, frequency: Float64Array, monetary: Float64Array, weights: Float64Array): SpendRows {
  const issues = new IssueCollector();
  const byKey = new Map<string, number>();
  const xs: number[] = [];
  const zs: number[] = [];
  const ws: number[] = [];
  let totalWeight = 0;
  let spend = 0;
  for (let i = 0; i < n; i++) {
    const x = frequency[i]!;
    if (x === 0) continue;
    const z = monetary[i]!;
    if (!(z > 0)) {
      issues.add({ index: i, path: ["summaries", "monetaryValue"], code: "not_positive", message: `expected a mean repeat spend > 0 for a repeat customer, found ${Number.isNaN(z) ? "none" : z}` });
      continue;
    }
    const w = weights[i]!;
    totalWeight += w;
    spend += w * z;
    const key = `${x}|${z}`;
    const k = byKey.get(key);
    if (k !== undefined) ws[k] = ws[k]! + w;
    else {
      byKey.set(key, xs.length);
      xs.push(x);
      zs.push(z);
      ws.push(w);
    }
  }
  issues.throwIfAny();
  const order = xs.map((_, i) => i).sort((i, j) => xs[i]! - xs[j]!);
  const x = Float64Array.from(order, (i) => xs[i]!);
  const z = Float64Array.from(order, (i) => zs[i]!);
  return {
    count: x.length,
    x,
    weight: Float64Array.from(order, (i) => ws[i]!),
    logX: x.map(Math.log),
    logZ: z.map(Math.log),
    xz: x.map((v, i) => v * z[i]!),
    totalWeight,
    meanSpend: totalWeight > 0 ? spend / totalWeight : 1,
  };
}

import type { DiscreteHistories } from "./discreteHistories";
import { digamma, gammaln } from "./special";

/** Largest n for which the likelihood tabulates ln Γ and ψ by recurrence (rounding then stays below 1e-12). */
export const TABLED_UP_TO = 10_000;

/** ln Γ(z + k) for k = 0 … size−1, by ln Γ(z+1) = ln Γ(z) + ln z. */
function logGammaTable(z: number, size: number): Float64Array {
  const out = new Float64Array(size);
  out[0] = gammaln(z);
  for (let k = 1; k < size; k++) out[k] = out[k - 1]! + Math.log(z + k - 1);
  return out;
}

/** ψ(z + k) for k = 0 … size−1, by ψ(z+1) = ψ(z) + 1/z. */
function digammaTable(z: number, size: number): Float64Array {
  const out = new Float64Array(size);
  out[0] = digamma(z);
  for (let k = 1; k < size; k++) out[k] = out[k - 1]! + 1 / (z + k - 1);
  return out;
}

/**
 * Σ weight · ln L(α, β, γ, δ | x, tₓ, n) (FHS 2010, eq. 5) when every n ≤ `TABLED_UP_TO`: the
 * ln Γ and ψ values of α+k, β+k, α+β+k, δ+k and γ+δ+k, k = 0 … max n + 1, are tabulated once
 * per evaluation, so a history costs table look-ups, one logarithm and one exponential, plus
 * its n − tₓ "dropped out" terms (each the last times (β+tₓ−x+i)/(α+β+tₓ+i) · (δ+tₓ+i)/(γ+δ+1+tₓ+i)).
 * With `gradient`, ∂/∂(α, β, γ, δ) as well. Returns the likelihood and the terms summed.
 */
export function tabledLogLikelihood([alpha = 0, beta = 0, gamma = 0, delta = 0]: readonly number[], data: DiscreteHistories, maxN: number, gradient?: number[]): { log: number; terms: number } {
  const size = maxN + 2;
  const lgA = logGammaTable(alpha, size);
  const lgB = logGammaTable(beta, size);
  const lgAB = logGammaTable(alpha + beta, size);
  const lgD = logGammaTable(delta, size);
  const lgGD = logGammaTable(gamma + delta, size);
  const lgG = gammaln(gamma);
  const lgG1 = lgG + Math.log(gamma);
  const prior = lgA[0]! + lgB[0]! - lgAB[0]! + lgG + lgD[0]! - lgGD[0]!;
  const withGradient = gradient !== undefined;
  const psiA = withGradient ? digammaTable(alpha, size) : lgA;
  const psiB = withGradient ? digammaTable(beta, size) : lgA;
  const psiAB = withGradient ? digammaTable(alpha + beta, size) : lgA;
  const psiD = withGradient ? digammaTable(delta, size) : lgA;
  const psiGD = withGradient ? digammaTable(gamma + delta, size) : lgA;
  const psiG = withGradient ? digamma(gamma) : 0;
  const psiG1 = psiG + 1 / gamma;
  const cAlpha = psiAB[0]! - psiA[0]!;
  const cBeta = psiAB[0]! - psiB[0]!;
  const cGamma = psiGD[0]! - psiG;
  const cDelta = psiGD[0]! - psiD[0]!;
  let total = 0;
  let terms = 0;
  let gAlpha = 0;
  let gBeta = 0;
  let gGamma = 0;
  let gDelta = 0;
  for (let r = 0; r < data.count; r++) {
    const x = data.x[r]!;
    const tx = data.tx[r]!;
    const n = data.n[r]!;
    const w = data.weight[r]!;
    const alive = lgA[x]! + lgB[n - x]! - lgAB[n]! + lgG + lgD[n]! - lgGD[n]! - prior;
    const m = n - tx;
    let log = alive;
    let wAlive = 1;
    let wDead = 0;
    let sum = 0;
    let sA = 0;
    let sB = 0;
    let sG = 0;
    let sD = 0;
    if (m > 0) {
      const first = lgA[x]! + lgB[tx - x]! - lgAB[tx]! + lgG1 + lgD[tx]! - lgGD[tx + 1]! - prior;
      const b = beta + tx - x;
      const ab = alpha + beta + tx;
      const d = delta + tx;
      const gd = gamma + delta + 1 + tx;
      let term = 1;
      for (let i = 0; i < m; i++) {
        sum += term;
        if (withGradient) {
          sA -= term * psiAB[tx + i]!;
          sB += term * (psiB[tx - x + i]! - psiAB[tx + i]!);
          sG -= term * psiGD[tx + 1 + i]!;
          sD += term * (psiD[tx + i]! - psiGD[tx + 1 + i]!);
        }
        term *= ((b + i) / (ab + i)) * ((d + i) / (gd + i));
      }
      terms += m;
      const dead = first + Math.log(sum);
      const top = alive > dead ? alive : dead;
      const eAlive = Math.exp(alive - top);
      const eDead = Math.exp(dead - top);
      log = top + Math.log(eAlive + eDead);
      wAlive = eAlive / (eAlive + eDead);
      wDead = eDead / (eAlive + eDead);
    }
    total += w * log;
    if (withGradient) {
      const dAlpha = wAlive * (psiA[x]! - psiAB[n]!) + (wDead === 0 ? 0 : wDead * (psiA[x]! + sA / sum));
      const dBeta = wAlive * (psiB[n - x]! - psiAB[n]!) + (wDead === 0 ? 0 : (wDead * sB) / sum);
      const dGamma = wAlive * (psiG - psiGD[n]!) + (wDead === 0 ? 0 : wDead * (psiG1 + sG / sum));
      const dDelta = wAlive * (psiD[n]! - psiGD[n]!) + (wDead === 0 ? 0 : (wDead * sD) / sum);
      gAlpha += w * (dAlpha + cAlpha);
      gBeta += w * (dBeta + cBeta);
      gGamma += w * (dGamma + cGamma);
      gDelta += w * (dDelta + cDelta);
    }
  }
  if (withGradient) {
    gradient[0] = gAlpha;
    gradient[1] = gBeta;
    gradient[2] = gGamma;
    gradient[3] = gDelta;
  }
  return { log: total, terms };
}

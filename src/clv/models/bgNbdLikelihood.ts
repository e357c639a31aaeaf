import type { CompressedHistories } from "./compress";
import type { FitWorkMeter } from "./fitWorkMeter";
import { betaln, digamma, gammaln, logOfShifted } from "./special";

/** Work units of one distinct history (an exp and a log1p: about 40 ns on the reference machine). */
const ROW_WORK = 0.5;
/** Work units of one distinct recency or T (its ln(α + t), and 1/(α + t) for the gradient). */
const DISTINCT_TIME_WORK = 0.3;

/**
 * The BG/NBD log-likelihood summed over weighted customers (Fader, Hardie & Lee 2005, eq. 6):
 *
 *   ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *        + ln[ (α+T)^−(r+x) + 𝟙(x>0) · a/(b+x−1) · (α+tₓ)^−(r+x) ]
 *
 * evaluated in log space (the last term as a log-sum-exp), with every x-only term computed
 * once per distinct x and every log(α + ·) once per distinct recency and T. When `gradient`
 * is given it receives ∂ln L/∂(r, α, a, b), from ψ (digamma) for the x terms and, per
 * customer, the shares w = e^(D − ln L₂) of the "dropped out after the last purchase" term.
 * With a `meter` it charges its distinct histories and distinct times to the fit's work budget.
 */
export function bgNbdLogLikelihood([r = 0, alpha = 0, a = 0, b = 0]: readonly number[], data: CompressedHistories, gradient?: number[], meter?: FitWorkMeter): number {
  meter?.charge(data.count * ROW_WORK + (data.txs.values.length + data.Ts.values.length) * DISTINCT_TIME_WORK);
  const { xs, txs, Ts } = data;
  const withGradient = gradient !== undefined;
  const constant = r * Math.log(alpha) - gammaln(r) - betaln(a, b);
  const nx = xs.values.length;
  const byX = new Float64Array(nx);
  const dropX = new Float64Array(nx);
  const dr = new Float64Array(nx);
  const da = new Float64Array(nx);
  const db = new Float64Array(nx);
  const psiR = withGradient ? digamma(r) : 0;
  const psiAB = withGradient ? digamma(a + b) : 0;
  const psiB = withGradient ? digamma(b) : 0;
  for (let k = 0; k < nx; k++) {
    const x = xs.values[k]!;
    byX[k] = gammaln(r + x) + betaln(a, b + x) + constant;
    dropX[k] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY;
    if (withGradient) {
      const psiABX = digamma(a + b + x);
      dr[k] = digamma(r + x) - psiR + Math.log(alpha);
      da[k] = psiAB - psiABX;
      db[k] = digamma(b + x) - psiABX - psiB + psiAB;
    }
  }
  const logAlphaTx = logOfShifted(txs.values, alpha);
  const logAlphaT = logOfShifted(Ts.values, alpha);
  const inverseTx = withGradient ? inverseOfShifted(txs.values, alpha) : txs.values;
  const inverseT = withGradient ? inverseOfShifted(Ts.values, alpha) : Ts.values;
  const { count, x: xCol, weight } = data;
  const xIndex = xs.index;
  const txIndex = txs.index;
  const TIndex = Ts.index;
  let total = 0;
  let gr = 0;
  let gAlpha = 0;
  let ga = 0;
  let gb = 0;
  for (let i = 0; i < count; i++) {
    const x = xCol[i]!;
    const rx = r + x;
    const k = xIndex[i]!;
    const w = weight[i]!;
    const lT = logAlphaT[TIndex[i]!]!;
    const stays = -rx * lT;
    let ll = stays;
    let dropShare = 0;
    const drop = dropX[k]!;
    const lTx = drop === Number.NEGATIVE_INFINITY ? 0 : logAlphaTx[txIndex[i]!]!;
    if (drop !== Number.NEGATIVE_INFINITY) {
      const d = drop - rx * lTx - stays;
      if (d > 0) {
        const e = Math.exp(-d);
        ll = stays + d + Math.log1p(e);
        dropShare = 1 / (1 + e);
      } else {
        const e = Math.exp(d);
        ll = stays + Math.log1p(e);
        dropShare = e / (1 + e);
      }
    }
    total += w * (byX[k]! + ll);
    if (withGradient) {
      const stayShare = 1 - dropShare;
      gr += w * (dr[k]! - stayShare * lT - dropShare * lTx);
      gAlpha += w * (r / alpha - rx * (stayShare * inverseT[TIndex[i]!]! + dropShare * inverseTx[txIndex[i]!]!));
      ga += w * (da[k]! + dropShare / a);
      gb += w * (db[k]! - (dropShare === 0 ? 0 : dropShare / (b + x - 1)));
    }
  }
  if (withGradient) {
    gradient[0] = gr;
    gradient[1] = gAlpha;
    gradient[2] = ga;
    gradient[3] = gb;
  }
  return total;
}

/** 1 / (shift + v) for each v. */
function inverseOfShifted(values: Float64Array, shift: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = 1 / (shift + values[i]!);
  return out;
}

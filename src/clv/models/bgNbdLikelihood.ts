import type { CompressedHistories } from "./compress";
import type { FitWorkMeter } from "./fitWorkMeter";
import { betaln, digamma, gammaln, logOfShifted } from "./special";

/** Work units of one distinct history (an exp and a log1p: about 40 ns on the reference machine). */
const ROW_WORK = 0.5;
/** Work units of one distinct recency or T (its ln(α + t), and 1/(α + t) for the gradient). */
const DISTINCT_TIME_WORK = 0.3;
/** A running product of factors in [1, 2] is folded into the sum of logs once it passes this. */
const FOLD_PRODUCT_AT = 1e300;

/**
 * Compressed histories with the parameter-free sums the BG/NBD likelihood needs, computed once
 * per fit (`bgNbdHistories`): the rows of each distinct x (contiguous, as `compressHistories`
 * sorts them), and per distinct x and per distinct T the customers' weight (and, per T, their
 * weighted x).
 */
export interface BgNbdHistories extends CompressedHistories {
  /** The rows of distinct x number k are `xStart[k]` up to `xStart[k + 1]`. */
  readonly xStart: Uint32Array;
  readonly weightOfX: Float64Array;
  readonly weightOfT: Float64Array;
  readonly weightedXOfT: Float64Array;
}

/**
 * Adds the per-x and per-T sums to histories from `compressHistories` (whose rows are in
 * ascending x, so each distinct x is one run of rows; distinct values are indexed in order of
 * appearance, so the run of x number k is the k-th).
 */
export function bgNbdHistories(data: CompressedHistories): BgNbdHistories {
  const nx = data.xs.values.length;
  const xStart = new Uint32Array(nx + 1);
  const weightOfX = new Float64Array(nx);
  const weightOfT = new Float64Array(data.Ts.values.length);
  const weightedXOfT = new Float64Array(data.Ts.values.length);
  for (let i = 0; i < data.count; i++) {
    const k = data.xs.index[i]!;
    const t = data.Ts.index[i]!;
    const w = data.weight[i]!;
    xStart[k + 1] = i + 1;
    weightOfX[k]! += w;
    weightOfT[t]! += w;
    weightedXOfT[t]! += w * data.x[i]!;
  }
  return { ...data, xStart, weightOfX, weightOfT, weightedXOfT };
}

/**
 * The BG/NBD log-likelihood summed over weighted customers (Fader, Hardie & Lee 2005, eq. 6):
 *
 *   ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *        + ln[ (α+T)^−(r+x) + 𝟙(x>0) · a/(b+x−1) · (α+tₓ)^−(r+x) ]
 *
 * written as −(r+x) ln(α+T) + ln(1 + e^d) with d = ln(a/(b+x−1)) − (r+x)(ln(α+tₓ) − ln(α+T)),
 * the "dropped out after the last purchase" term against the "still alive" one. Only
 * ln(1 + e^d) needs a pass over the distinct histories (one exp each, and only for x > 0);
 * the x-only terms are summed once per distinct x and −(r+x) ln(α+T) once per distinct T,
 * with the weights `bgNbdHistories` sums. ln(1 + e^d) is summed as the log of a running
 * product of the factors 1 + e^(−|d|) ∈ [1, 2] (folded into a sum before it can overflow),
 * plus max(d, 0): one logarithm per few hundred customers instead of one each (a row of
 * weight ≠ 1 takes its own logarithm).
 *
 * When `gradient` is given it receives ∂ln L/∂(r, α, a, b), from ψ (digamma) for the x terms
 * and the shares w = e^d / (1 + e^d) of the dropped-out term, summed per distinct x. With a
 * `meter` it charges its distinct histories and distinct times to the fit's work budget.
 */
export function bgNbdLogLikelihood(params: readonly number[], data: CompressedHistories | BgNbdHistories, gradient?: number[], meter?: FitWorkMeter): number {
  return bgNbdFamilyLogLikelihood(params, data, 0, gradient, meter);
}

/**
 * The likelihood of the BG/NBD family: `bgNbdLogLikelihood` with `dropouts` = 0, and MBG/NBD's
 * (`mbgNbdLogLikelihood`) with `dropouts` = 1, the extra chance to drop out at time 0: then the
 * beta terms read b + x + 1 for b + x, the dropped-out term's factor is a/(b+x) for a/(b+x−1),
 * and one-time buyers (x = 0) have it too. Only per-x terms change, so the pass over the
 * distinct histories is the same.
 */
export function bgNbdFamilyLogLikelihood([r = 0, alpha = 0, a = 0, b = 0]: readonly number[], data: CompressedHistories | BgNbdHistories, dropouts: 0 | 1, gradient?: number[], meter?: FitWorkMeter): number {
  meter?.charge(data.count * ROW_WORK + (data.txs.values.length + data.Ts.values.length) * DISTINCT_TIME_WORK);
  const histories = "xStart" in data ? data : bgNbdHistories(data);
  const { xs, txs, Ts, xStart, weightOfX, weightOfT, weightedXOfT, weight } = histories;
  const withGradient = gradient !== undefined;
  const logAlpha = Math.log(alpha);
  const logA = Math.log(a);
  const logAlphaTx = logOfShifted(txs.values, alpha);
  const logAlphaT = logOfShifted(Ts.values, alpha);
  const inverseTx = inverseOfShifted(txs.values, alpha);
  const inverseT = inverseOfShifted(Ts.values, alpha);
  // −(r + x) ln(α + T), summed per distinct T.
  let alive = 0;
  let weightedLogT = 0;
  let weightedRxOverT = 0;
  for (let t = 0; t < Ts.values.length; t++) {
    const rx = r * weightOfT[t]! + weightedXOfT[t]!;
    alive -= rx * logAlphaT[t]!;
    if (withGradient) {
      weightedLogT += weightOfT[t]! * logAlphaT[t]!;
      weightedRxOverT += rx * inverseT[t]!;
    }
  }
  const constant = r * logAlpha - gammaln(r) - betaln(a, b);
  const psiR = withGradient ? digamma(r) : 0;
  const psiAB = withGradient ? digamma(a + b) : 0;
  const psiB = withGradient ? digamma(b) : 0;
  let byX = 0;
  let gr = -weightedLogT;
  let gAlpha = (histories.totalWeight * r) / alpha - weightedRxOverT;
  let ga = 0;
  let gb = 0;
  const pass: DropoutPass = { xStart, txIndex: txs.index, TIndex: Ts.index, weight, logAlphaTx, logAlphaT, inverseTx, inverseT, sums: new Float64Array(SUMS) };
  const sums = pass.sums;
  sums[PRODUCT] = 1;
  for (let k = 0; k < xs.values.length; k++) {
    const x = xs.values[k]!;
    const weightK = weightOfX[k]!;
    byX += weightK * (gammaln(r + x) + betaln(a, b + x + dropouts) + constant);
    if (withGradient) {
      const psiABX = digamma(a + b + x + dropouts);
      gr += weightK * (digamma(r + x) - psiR + logAlpha);
      ga += weightK * (psiAB - psiABX);
      gb += weightK * (digamma(b + x + dropouts) - psiABX - psiB + psiAB);
    }
    if (x === 0 && dropouts === 0) continue;
    const rx = r + x;
    dropoutTerms(pass, k, logA - Math.log(b + x - 1 + dropouts), rx);
    if (withGradient) {
      gr -= sums[SHARE_LOG_RATIO]!;
      gAlpha -= rx * sums[SHARE_INVERSE]!;
      ga += sums[SHARE]! / a;
      gb -= sums[SHARE] === 0 ? 0 : sums[SHARE]! / (b + x - 1 + dropouts);
    }
  }
  if (withGradient) {
    gradient[0] = gr;
    gradient[1] = gAlpha;
    gradient[2] = ga;
    gradient[3] = gb;
  }
  return byX + alive + sums[POSITIVE]! + (sums[LOGS]! + Math.log(sums[PRODUCT]!));
}

/** Slots of `DropoutPass.sums`: running over every x, then (from `SHARE` on) for the last x passed. */
const POSITIVE = 0;
const LOGS = 1;
const PRODUCT = 2;
const SHARE = 3;
const SHARE_LOG_RATIO = 4;
const SHARE_INVERSE = 5;
const SUMS = 6;

/** What `dropoutTerms` reads, and the sums it carries from one x to the next. */
interface DropoutPass {
  readonly xStart: Uint32Array;
  readonly txIndex: Uint32Array;
  readonly TIndex: Uint32Array;
  readonly weight: Float64Array;
  readonly logAlphaTx: Float64Array;
  readonly logAlphaT: Float64Array;
  readonly inverseTx: Float64Array;
  readonly inverseT: Float64Array;
  readonly sums: Float64Array;
}

/**
 * The pass over the histories of distinct x number `k` (lead ln(a/(b+x−1)) and r + x given):
 * adds max(d, 0) to `POSITIVE` and ln(1 + e^−|d|) to `LOGS` (through the running `PRODUCT`),
 * and leaves the shares' sums of this x in `SHARE`… A function of its own, called once per x,
 * so that even the first fit of a one-shot run soon runs it optimised; and one loop for the
 * value and the gradient, so that a value-only call runs the code the gradient calls made hot
 * (the shares it also sums are not read then).
 */
function dropoutTerms(pass: DropoutPass, k: number, logDrop: number, rx: number): void {
  const { txIndex, TIndex, weight, logAlphaTx, logAlphaT, inverseTx, inverseT, sums } = pass;
  let positive = sums[POSITIVE]!;
  let logs = sums[LOGS]!;
  let product = sums[PRODUCT]!;
  let shareSum = 0;
  let shareLogRatio = 0;
  let shareInverse = 0;
  const end = pass.xStart[k + 1]!;
  for (let i = pass.xStart[k]!; i < end; i++) {
    const j = txIndex[i]!;
    const t = TIndex[i]!;
    const logRatio = logAlphaTx[j]! - logAlphaT[t]!;
    const d = logDrop - rx * logRatio;
    const w = weight[i]!;
    const e = Math.exp(d > 0 ? -d : d);
    const onePlus = 1 + e;
    if (d > 0) positive += w * d;
    if (w === 1) {
      product *= onePlus;
      if (product > FOLD_PRODUCT_AT) {
        logs += Math.log(product);
        product = 1;
      }
    } else logs += w * Math.log(onePlus);
    const share = (w * (d > 0 ? 1 : e)) / onePlus;
    shareSum += share;
    shareLogRatio += share * logRatio;
    shareInverse += share * (inverseTx[j]! - inverseT[t]!);
  }
  sums[POSITIVE] = positive;
  sums[LOGS] = logs;
  sums[PRODUCT] = product;
  sums[SHARE] = shareSum;
  sums[SHARE_LOG_RATIO] = shareLogRatio;
  sums[SHARE_INVERSE] = shareInverse;
}

/** 1 / (shift + v) for each v. */
function inverseOfShifted(values: Float64Array, shift: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = 1 / (shift + values[i]!);
  return out;
}

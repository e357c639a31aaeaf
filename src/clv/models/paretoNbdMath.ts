import type { CompressedHistories } from "./compress";
import type { FitWorkMeter } from "./fitWorkMeter";
import { FIT_SERIES_TERMS, hyp2f1Log, MAX_SERIES_TERMS, type SeriesTermCounter } from "./hyp2f1";
import type { ParetoNbdParams } from "./modelTypes";
import { gammaln, inverseOnePlusExp, logAddExp, logOfShifted, logSubExp } from "./special";

/**
 * ln F(y) for the Pareto/NBD's A₀ = F(tₓ) − F(T) (Fader & Hardie 2005, "A Note on Deriving
 * the Pareto/NBD Model", eqs. 22–23). With α ≥ β,
 *   F(t) = ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+t)) / (α+t)^(r+s+x),
 * and with α < β the roles swap: ₂F₁(r+s+x, r+x; r+s+x+1; (β−α)/(β+t)) / (β+t)^(r+s+x).
 * Both ₂F₁ are taken after Euler's transformation, which makes the first parameter 1 and
 * every term positive: ((α+t)/(β+t))^s ₂F₁(1, r+x; r+s+x+1; z) and
 * ((α+t)/(β+t))^(1−r−x) ₂F₁(1, s+1; r+s+x+1; z) respectively.
 */
function logF({ r, alpha, s, beta }: ParetoNbdParams, x: number, t: number, maxTerms: number, counter?: SeriesTermCounter): number {
  const c = r + s + x + 1;
  const ratio = Math.log(alpha + t) - Math.log(beta + t);
  if (alpha >= beta) {
    const f = hyp2f1Log(1, r + x, c, (alpha - beta) / (alpha + t), maxTerms, counter);
    return s * ratio + f.log - (r + s + x) * Math.log(alpha + t);
  }
  const f = hyp2f1Log(1, s + 1, c, (beta - alpha) / (beta + t), maxTerms, counter);
  return (1 - r - x) * ratio + f.log - (r + s + x) * Math.log(beta + t);
}

/**
 * ln A₀ = ln(F(tₓ) − F(T)), −Infinity when tₓ = T (without evaluating F) or when rounding
 * makes the difference vanish. `maxTerms` bounds each ₂F₁ series (see `hyp2f1Log`); `counter`
 * receives the series terms summed.
 */
function logA0(params: ParetoNbdParams, x: number, tx: number, T: number, maxTerms: number = MAX_SERIES_TERMS, counter?: SeriesTermCounter): number {
  if (tx === T) return Number.NEGATIVE_INFINITY;
  const atTx = logF(params, x, tx, maxTerms, counter);
  const atT = logF(params, x, T, maxTerms, counter);
  return atT >= atTx ? Number.NEGATIVE_INFINITY : logSubExp(atTx, atT);
}

/**
 * One customer's Pareto/NBD log-likelihood:
 *   ln Γ(r+x) − ln Γ(r) + r ln α + s ln β
 *   + ln[ (α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · A₀ ].
 * Inside a fit each ₂F₁ series is bounded by `FIT_SERIES_TERMS`; a row that needs more gives
 * NaN, so the optimizer steps back from that point rather than spend minutes on it.
 */
export function paretoNbdRowLogLikelihood(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = params;
  const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const died = Math.log(s) - Math.log(r + s + x) + logA0(params, x, tx, T, FIT_SERIES_TERMS);
  return gammaln(r + x) - gammaln(r) + r * Math.log(alpha) + s * Math.log(beta) + logAddExp(alive, died);
}

/** Work units of one Pareto/NBD row besides its ₂F₁ (it costs about as much as a BG/NBD row). */
const PARETO_ROW_WORK = 1;
/** Work units of one ₂F₁ series term (≈ 10 ns, a tenth of a BG/NBD row; see `SeriesTermCounter`). */
const SERIES_TERM_WORK = 0.1;
/** Series terms counted between two charges to the meter. */
const TERMS_PER_CHARGE = 20_000;

/**
 * The Pareto/NBD log-likelihood summed over weighted customers: `paretoNbdRowLogLikelihood`
 * with ln Γ(r+x) and ln(r+s+x) once per distinct x, and ln(α+T), ln(β+T) once per distinct T.
 * With a `meter` it charges its rows and series terms to the fit's work budget, and gives
 * NaN (a point the optimizer steps back from) once this one evaluation has cost more than
 * `MAX_EVALUATION_SHARE` of the budget.
 */
export function paretoNbdLogLikelihood([r = 0, alpha = 0, s = 0, beta = 0]: readonly number[], data: CompressedHistories, meter?: FitWorkMeter): number {
  meter?.evaluationStart();
  meter?.charge(data.count * PARETO_ROW_WORK);
  const params = { r, alpha, s, beta };
  const { xs, Ts } = data;
  const logGammaRX = xs.values.map((x) => gammaln(r + x));
  const logRSX = xs.values.map((x) => Math.log(r + s + x));
  const logAlphaT = logOfShifted(Ts.values, alpha);
  const logBetaT = logOfShifted(Ts.values, beta);
  const constant = -gammaln(r) + r * Math.log(alpha) + s * Math.log(beta);
  const logS = Math.log(s);
  const series: SeriesTermCounter = { terms: 0 };
  let total = 0;
  for (let i = 0; i < data.count; i++) {
    const x = data.x[i]!;
    const k = xs.index[i]!;
    const t = Ts.index[i]!;
    const alive = -(r + x) * logAlphaT[t]! - s * logBetaT[t]!;
    const died = logS - logRSX[k]! + logA0(params, x, data.tx[i]!, data.T[i]!, FIT_SERIES_TERMS, series);
    total += data.weight[i]! * (logGammaRX[k]! + constant + logAddExp(alive, died));
    if (meter !== undefined && series.terms >= TERMS_PER_CHARGE) {
      meter.charge(series.terms * SERIES_TERM_WORK);
      series.terms = 0;
      if (meter.overEvaluationLimit()) return Number.NaN;
    }
  }
  meter?.charge(series.terms * SERIES_TERM_WORK);
  return total;
}

/** P(alive | x, tₓ, T) = 1 / (1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A₀), with the product in logs. */
export function paretoNbdProbabilityAlive(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = params;
  const logOdds = Math.log(s) - Math.log(r + s + x) + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T) + logA0(params, x, tx, T);
  return inverseOnePlusExp(logOdds);
}

/** (1 − e^(−k·u))/k, which tends to u as k → 0 (expm1 keeps it exact near 0). */
export function powerIntegral(k: number, u: number): number {
  return k === 0 ? u : -Math.expm1(-k * u) / k;
}

/** E[X(t)] = rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)] (Schmittlein et al. 1987), also at s = 1 (the limit rβ/α · ln((β+t)/β)). */
export function paretoNbdExpectedPurchases({ r, alpha, s, beta }: ParetoNbdParams, t: number): number {
  return ((r * beta) / alpha) * powerIntegral(s - 1, Math.log1p(t / beta));
}

/** E[Y(t) | x, tₓ, T] = (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive) (Fader & Hardie 2005 note, eq. 41). */
export function paretoNbdConditionalExpectedPurchases(params: ParetoNbdParams, x: number, tx: number, T: number, t: number): number {
  const { r, alpha, s, beta } = params;
  const ifAlive = (((r + x) * (beta + T)) / (alpha + T)) * powerIntegral(s - 1, Math.log1p(t / (beta + T)));
  return ifAlive * paretoNbdProbabilityAlive(params, x, tx, T);
}

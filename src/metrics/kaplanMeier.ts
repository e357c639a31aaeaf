/** One step of a Kaplan–Meier curve. */
export interface SurvivalPoint {
  /** Time since the spell began, in the requested unit. */
  readonly t: number;
  /** Spells still running just before t (lasting t or longer). */
  readonly atRisk: number;
  /** Spells that ended (cancel) at t. */
  readonly events: number;
  /** Spells censored (still open at `asOf`) at t. */
  readonly censored: number;
  /** Ŝ(t) = Π_{t_i ≤ t} (1 − d_i / n_i). */
  readonly survival: number;
  /** 95% log-log lower bound; 1 before any event; `null` once Ŝ is 0. */
  readonly lower: number | null;
  /** 95% log-log upper bound; 1 before any event; `null` once Ŝ is 0. */
  readonly upper: number | null;
}

/** Φ⁻¹(0.975), the two-sided 95% normal quantile. */
const Z_975 = 1.959963984540054;

/**
 * Kaplan–Meier product-limit estimate with Greenwood variance and a 95% interval on the
 * log(−log) scale (Kalbfleisch & Prentice, The Statistical Analysis of Failure Time Data, 2nd ed., 2002; R `survival::survfit(conf.type = "log-log")`,
 * Stata `sts list`):
 *   Ŝ(t) = Π (1 − d_i/n_i),  V = Σ d_i / (n_i (n_i − d_i)),
 *   bounds = Ŝ^exp(∓ z·√V / ln Ŝ)  (lower with −, upper with +; ln Ŝ < 0).
 * At tied times events come before censorings (a spell censored at t was at risk at t).
 * One point per distinct time with an event or a censoring.
 *
 * @param durationMs - spell lengths (ms), in any order
 * @param ended - 1 for an ended spell, 0 for a censored one
 * @param unitMs - milliseconds per output time unit
 */
export function kaplanMeier(durationMs: Float64Array, ended: Uint8Array, unitMs: number): SurvivalPoint[] {
  const order = Uint32Array.from(durationMs.keys()).sort((a, b) => durationMs[a]! - durationMs[b]! || ended[b]! - ended[a]!);
  const points: SurvivalPoint[] = [];
  let atRisk = order.length;
  let survival = 1;
  let greenwood = 0;
  for (let i = 0; i < order.length; ) {
    const time = durationMs[order[i]!]!;
    let events = 0;
    let censored = 0;
    for (; i < order.length && durationMs[order[i]!] === time; i++) {
      if (ended[order[i]!] === 1) events++;
      else censored++;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      if (atRisk > events) greenwood += events / (atRisk * (atRisk - events));
    }
    const { lower, upper } = logLogBounds(survival, greenwood);
    points.push({ t: time / unitMs, atRisk, events, censored, survival, lower, upper });
    atRisk -= events + censored;
  }
  return points;
}

function logLogBounds(survival: number, greenwood: number): { lower: number | null; upper: number | null } {
  if (survival <= 0) return { lower: null, upper: null };
  if (survival >= 1) return { lower: 1, upper: 1 };
  const spread = (Z_975 * Math.sqrt(greenwood)) / Math.log(survival);
  return { lower: survival ** Math.exp(-spread), upper: survival ** Math.exp(spread) };
}

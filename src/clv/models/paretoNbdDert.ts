import type { ParetoNbdParams } from "./modelTypes";
import { paretoNbdProbabilityAlive } from "./paretoNbdMath";
import { tricomiUOne } from "./tricomiU";

/**
 * Pareto/NBD DERT with continuous discounting at rate δ per time unit (Fader, Hardie & Lee 2005,
 * "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis", JMR 42, eq. 2 and appendix;
 * BTYD's `pnbd.DERT`):
 *   DERT = ∫₀^∞ e^(−δt) E[purchase rate at T+t | history] dt
 *        = P(alive) · (r+x)/(α+T) · E[1/(μ+δ)],   μ ~ Gamma(s, β+T),
 *        = P(alive) · (r+x)/(α+T) · (β+T) · U(1, 2−s; δ(β+T)),
 * which is the paper's α^r β^s δ^(s−1) Γ(r+x+1) U(s, s; δ(β+T)) / (Γ(r) (α+T)^(r+x+1) L) after
 * Kummer's transformation U(s, s; z) = z^(1−s) U(1, 2−s; z). NaN when U did not converge.
 */
export function paretoNbdDiscountedExpectedResidualTransactions(params: ParetoNbdParams, x: number, tx: number, T: number, discountRate: number): number {
  const alive = paretoNbdProbabilityAlive(params, x, tx, T);
  if (alive === 0) return 0;
  const { r, alpha, s, beta } = params;
  return alive * ((r + x) / (alpha + T)) * (beta + T) * tricomiUOne(s, discountRate * (beta + T));
}

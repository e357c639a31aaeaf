import { describe, expect, it } from "vitest";
import { conditionalExpectedPurchases, expectedPurchases, fitParetoNbd, probabilityAlive, type ParetoNbdModel } from "../../src/index";
import { paretoNbdRowLogLikelihood } from "../../src/clv/models/paretoNbdMath";
import { gammaln } from "../../src/clv/models/special";
import { cdnowSummaryRows } from "./cdnowFixtures";

// Golden: the Pareto/NBD fit on CDNOW reported by Fader, Hardie & Lee (2005), "Counting Your
// Customers the Easy Way", Table/§4: r = 0.55, α = 10.58, s = 0.61, β = 11.67, LL = −9595.0;
// lifetimes' tests use the same fit to three decimals (0.553, 10.578, 0.606, 11.669).
const model = fitParetoNbd(cdnowSummaryRows(), { timeUnit: "week" });
const { r, alpha, s, beta } = model.params;

/** Simpson's rule on [lo, hi] with n (even) intervals. */
function simpson(f: (x: number) => number, lo: number, hi: number, n = 2000): number {
  const h = (hi - lo) / n;
  let sum = f(lo) + f(hi);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(lo + i * h);
  return (sum * h) / 3;
}

describe("fitParetoNbd on CDNOW (golden)", () => {
  it("matches the published parameters and log-likelihood", () => {
    expect(r).toBeCloseTo(0.553, 2);
    expect(alpha).toBeCloseTo(10.578, 1);
    expect(s).toBeCloseTo(0.606, 2);
    expect(beta).toBeCloseTo(11.669, 0);
    expect(model.logLikelihood).toBeCloseTo(-9595.0, 1);
    expect(model).toMatchObject({ model: "pareto-nbd", observations: 2357, timeUnit: "week", warnings: [] });
  });

  it("survives JSON round-trip", () => {
    const parsed = JSON.parse(JSON.stringify(model)) as ParetoNbdModel;
    const c = { frequency: 3, recency: 20, T: 35 };
    expect(probabilityAlive(parsed, c)).toBe(probabilityAlive(model, c));
  });
});

describe("Pareto/NBD likelihood and predictions", () => {
  const params = { r, alpha, s, beta };

  it("the ₂F₁ term A₀ equals the dropout integral ∫ s (α+τ)^−(r+x) (β+τ)^−(s+1) dτ over [tₓ, T], for α > β and α < β", () => {
    for (const p of [params, { r: 0.8, alpha: 20, s: 1.3, beta: 4 }, { r: 0.8, alpha: 4, s: 1.3, beta: 20 }]) {
      const [x, tx, T] = [3, 12.5, 38];
      const head = gammaln(p.r + x) - gammaln(p.r) + p.r * Math.log(p.alpha) + p.s * Math.log(p.beta);
      const alive = Math.pow(p.alpha + T, -(p.r + x)) * Math.pow(p.beta + T, -p.s);
      const died = simpson((tau) => p.s * Math.pow(p.alpha + tau, -(p.r + x)) * Math.pow(p.beta + tau, -(p.s + 1)), tx, T);
      expect(paretoNbdRowLogLikelihood(p, x, tx, T)).toBeCloseTo(head + Math.log(alive + died), 9);
    }
  });

  it("P(alive) is the alive share of the likelihood, and is continuous across α = β", () => {
    const [x, tx, T] = [2, 10, 30];
    const aliveLog = gammaln(r + x) - gammaln(r) + r * Math.log(alpha) + s * Math.log(beta) - (r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
    expect(probabilityAlive(model, { frequency: x, recency: tx, T })).toBeCloseTo(Math.exp(aliveLog - paretoNbdRowLogLikelihood(params, x, tx, T)), 12);
    const at = (al: number): number => probabilityAlive({ ...model, params: { r, alpha: al, s, beta: 5 } }, { frequency: x, recency: tx, T });
    expect(at(5 + 1e-9)).toBeCloseTo(at(5 - 1e-9), 8);
  });

  it("E[X(t)] = rβ/(α(s−1))·[1 − (β/(β+t))^(s−1)], with the limit at s = 1", () => {
    const t = 52;
    expect(expectedPurchases(model, t)).toBeCloseTo(((r * beta) / (alpha * (s - 1))) * (1 - Math.pow(beta / (beta + t), s - 1)), 12);
    const one = { ...model, params: { r, alpha, s: 1, beta } };
    expect(expectedPurchases(one, t)).toBeCloseTo(((r * beta) / alpha) * Math.log((beta + t) / beta), 12);
    expect(conditionalExpectedPurchases(model, { frequency: 0, recency: 0, T: 0 }, t)).toBeCloseTo(expectedPurchases(model, t), 12);
  });

  it("does not overflow or return NaN for very large frequency and long T", () => {
    for (const c of [
      { frequency: 1_000_000, recency: 90_000, T: 100_000 },
      { frequency: 5_000, recency: 0.5, T: 10_000 },
      { frequency: 0, recency: 0, T: 1e9 },
    ]) {
      const p = probabilityAlive(model, c);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(Number.isFinite(conditionalExpectedPurchases(model, c, 52))).toBe(true);
    }
  });
});

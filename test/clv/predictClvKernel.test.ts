import { describe, expect, it } from "vitest";
import {
  customerSummary,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  predictClv,
  type BgNbdModel,
  type GammaGammaModel,
  type ParetoNbdModel,
} from "../../src/index";
import { bgNbdExpectedIfAlive } from "../../src/clv/models/bgNbdPredictions";
import { bgNbdIfAliveForX } from "../../src/clv/models/bgNbdStepSeries";
import { chebyshevInterpolate, chebyshevPoints } from "../../src/clv/models/chebyshevInterpolant";
import { cdnowPurchases, cdnowSpendRows } from "./cdnowFixtures";
import { expectSameAsOracle } from "./oracleComparison";

const base = { logLikelihood: 0, converged: true, iterations: 0, observations: 1, timeUnit: "week" as const, penalizer: 0 };
const gammaGamma: GammaGammaModel = { ...base, model: "gamma-gamma", params: { p: 6.25, q: 3.74, gamma: 15.44 } };

describe("bgNbdIfAliveForX", () => {
  it("gives the bits of bgNbdExpectedIfAlive, in the series range and beyond it", () => {
    const models = [
      { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
      { r: 1.32, alpha: 6.99, a: 0.247, b: 4.61 },
      { r: 0.02, alpha: 300, a: 1 + 1e-9, b: 0.05 },
      { r: 40, alpha: 0.01, a: 25, b: 900 },
    ];
    for (const params of models) {
      for (const x of [0, 1, 7, 150]) {
        const fast = bgNbdIfAliveForX(params, x);
        for (const T of [0, 0.3, 12, 104.3, 1e6]) {
          for (const t of [0, 0.5, 1, 26, 52, 365]) expect(fast(T, t)).toBe(bgNbdExpectedIfAlive(params, x, T, t));
        }
      }
    }
  });
});

describe("chebyshevInterpolate", () => {
  it("reproduces a polynomial of lower degree and each node's value exactly", () => {
    const points = chebyshevPoints(-1, 3, 6);
    expect(points[0]).toBeCloseTo(3, 15);
    expect(points[5]).toBeCloseTo(-1, 15);
    const cubic = (x: number): number => 2 * x ** 3 - x + 0.5;
    const values = Float64Array.from(points, cubic);
    for (const x of [-1, -0.37, 0, 1.5, 2.99, 3]) expect(chebyshevInterpolate(points, values, 0, 1, x)).toBeCloseTo(cubic(x), 12);
    points.forEach((p, j) => expect(chebyshevInterpolate(points, values, 0, 1, p)).toBe(values[j]));
  });
});

describe("predictClv equals the pre-issue-13 implementation (the oracle)", () => {
  const weeks = customerSummary(cdnowPurchases(), { asOf: "1997-09-30", timeUnit: "week" });
  const bgNbd = fitBgNbd(weeks);
  const paretoNbd = fitParetoNbd(weeks);
  const spend = fitGammaGamma(weeks);

  it("on CDNOW with the fitted BG/NBD and Pareto/NBD, weekly, with and without discounting", () => {
    for (const model of [bgNbd, paretoNbd]) {
      expectSameAsOracle(model, spend, weeks, { horizon: 52, discountRate: 0.0018 });
      expectSameAsOracle(model, spend, weeks, { horizon: 39, discountRate: 0, step: 2.5 });
      expectSameAsOracle(model, spend, weeks, { horizon: 10, discountRate: -0.3 });
    }
  });

  it("on CDNOW in days (365 steps) and in calendar months", () => {
    const days = customerSummary(cdnowPurchases(), { asOf: "1997-09-30", timeUnit: "day" });
    const dayModel = fitBgNbd(days);
    expectSameAsOracle(dayModel, fitGammaGamma(days), days, { horizon: 365, discountRate: 0.00026 });
    const months = customerSummary(cdnowPurchases(), { asOf: "1997-09-30", calendar: "month" });
    expectSameAsOracle(fitBgNbd(months), fitGammaGamma(months), months, { horizon: 12, discountRate: 0.008 });
  });

  it("on plain rows: the published CDNOW fit, huge T, frequency 0 and undefined spend (q ≤ 1)", () => {
    const published: BgNbdModel = { ...base, model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
    const rows = cdnowSpendRows().map((row) => ({ ...row, monetaryValue: Number(row.monetaryValue) > 0 ? row.monetaryValue : undefined }));
    expectSameAsOracle(published, gammaGamma, rows, { horizon: 52, discountRate: 0.002 });
    const hugeT = rows.map((row, i) => ({ ...row, T: row.T * (i % 2 === 0 ? 1e9 : 1), recency: row.recency * (i % 2 === 0 ? 1e9 : 1) }));
    expectSameAsOracle(published, gammaGamma, hugeT, { horizon: 52, discountRate: 0.002 });
    const noMean: GammaGammaModel = { ...gammaGamma, params: { p: 6.25, q: 0.8, gamma: 15.44 } };
    expectSameAsOracle(published, noMean, rows, { horizon: 20, discountRate: 0.01 });
    const pareto: ParetoNbdModel = { ...base, model: "pareto-nbd", params: { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 } };
    expectSameAsOracle(pareto, gammaGamma, hugeT, { horizon: 52, discountRate: 0.002 });
  });

  it("throws what the oracle throws: missing spend, a series that does not converge, another time unit", () => {
    const published: BgNbdModel = { ...base, model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
    const rows = cdnowSpendRows().slice(0, 60);
    const missing = rows.map((row, i) => (i % 7 === 3 ? { ...row, frequency: 2, recency: 1, monetaryValue: undefined } : row));
    expectSameAsOracle(published, gammaGamma, missing, { horizon: 52, discountRate: 0.002 });
    // A ridge fit (a, b → ∞, as a plain fit of the generated ledger gives): the series does not converge.
    const ridge: BgNbdModel = { ...base, model: "bg-nbd", params: { r: 1.797, alpha: 10.59, a: 2e5, b: 7e6 } };
    const many = Array.from({ length: 24 }, (_, i) => ({ frequency: 1, recency: 1, T: 100 - 4 * i, monetaryValue: 20 }));
    expectSameAsOracle(ridge, gammaGamma, many, { horizon: 52, discountRate: 0.002 });
    expect(() => predictClv(ridge, gammaGamma, many, { horizon: 52, discountRate: 0.002 })).toThrow(/could not be evaluated/);
    expectSameAsOracle(ridge, gammaGamma, [...missing.slice(0, 5), ...many], { horizon: 52, discountRate: 0.002 });
    const days = customerSummary(cdnowPurchases(), { asOf: "1997-09-30", timeUnit: "day" });
    expectSameAsOracle(published, gammaGamma, days, { horizon: 52, discountRate: 0 });
  });
});

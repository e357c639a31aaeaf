import { describe, expect, it } from "vitest";
import {
  conditionalExpectedPurchases,
  customerSummary,
  expectedPurchases,
  fitBgNbd,
  isModelFitError,
  ModelFitError,
  probabilityAlive,
  purchaseCountProbability,
  RetentionInputError,
  RetentionOptionsError,
  type BgNbdModel,
} from "../../src/index";
import { hyp2f1 } from "../../src/clv/models/hyp2f1";
import { cdnowPurchases, cdnowSummaryRows } from "./cdnowFixtures";

// Golden: Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way: An Alternative to
// the Pareto/NBD Model", Marketing Science 24(2): r = 0.243, α = 4.414, a = 0.793, b = 2.426,
// LL = −9582.4 on the 2,357 CDNOW customers (weeks). lifetimes' tests check the same values.
const rows = cdnowSummaryRows();
const model = fitBgNbd(rows, { timeUnit: "week" });
const { r, alpha, a, b } = model.params;

describe("fitBgNbd on CDNOW (golden)", () => {
  it("matches the published parameters and log-likelihood", () => {
    expect(r).toBeCloseTo(0.243, 3);
    expect(alpha).toBeCloseTo(4.414, 2);
    expect(a).toBeCloseTo(0.793, 3);
    expect(b).toBeCloseTo(2.426, 2);
    expect(model.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(model).toMatchObject({ model: "bg-nbd", converged: true, observations: 2357, timeUnit: "week", penalizer: 0, warnings: [] });
    expect(model.standardErrors!.r).toBeGreaterThan(0);
  });

  it("is immutable and survives JSON round-trip with identical predictions", () => {
    expect(Object.isFrozen(model)).toBe(true);
    expect(Object.isFrozen(model.params)).toBe(true);
    const parsed = JSON.parse(JSON.stringify(model)) as BgNbdModel;
    const c = { frequency: 2, recency: 30.43, T: 38.86 };
    expect(probabilityAlive(parsed, c)).toBe(probabilityAlive(model, c));
    expect(conditionalExpectedPurchases(parsed, c, 39)).toBe(conditionalExpectedPurchases(model, c, 39));
    expect(expectedPurchases(parsed, 52)).toBe(expectedPurchases(model, 52));
  });

  it("fits a customerSummary of the raw CDNOW log to the same optimum, in weeks", () => {
    const fromLog = fitBgNbd(customerSummary(cdnowPurchases(), { asOf: "1997-09-30", timeUnit: "week" }));
    expect(fromLog.timeUnit).toBe("week");
    expect(fromLog.params.r).toBeCloseTo(0.243, 2);
    expect(fromLog.logLikelihood).toBeCloseTo(-9582.4, 0);
  });
});

describe("BG/NBD predictions", () => {
  const customer = { frequency: 2, recency: 30.43, T: 38.86 };

  it("P(alive) = 1/(1 + a/(b+x−1)·((α+T)/(α+tₓ))^(r+x)), and 1 with no repeat purchase", () => {
    const direct = 1 / (1 + (a / (b + 1)) * Math.pow((alpha + 38.86) / (alpha + 30.43), r + 2));
    expect(probabilityAlive(model, customer)).toBeCloseTo(direct, 14);
    expect(probabilityAlive(model, { frequency: 0, recency: 0, T: 38.86 })).toBe(1);
  });

  it("conditionalExpectedPurchases equals FHL eq. 10 evaluated with the untransformed ₂F₁", () => {
    const t = 39;
    const { frequency: x, T } = customer;
    const z = t / (alpha + T + t);
    const bracket = 1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z);
    const direct = ((a + b + x - 1) / (a - 1)) * bracket * probabilityAlive(model, customer);
    expect(conditionalExpectedPurchases(model, customer, t)).toBeCloseTo(direct, 12);
    expect(conditionalExpectedPurchases(model, customer, 0)).toBe(0);
  });

  it("a customer with no history (x = tₓ = T = 0) expects what a new customer expects", () => {
    for (const t of [1, 39, 78, 520]) {
      expect(conditionalExpectedPurchases(model, { frequency: 0, recency: 0, T: 0 }, t)).toBeCloseTo(expectedPurchases(model, t), 12);
    }
  });

  it("P(X(t) = n) sums to 1 and its mean is E[X(t)] (FHL eqs. 8 and 9 agree)", () => {
    for (const t of [39, 78]) {
      let total = 0;
      let mean = 0;
      for (let n = 0; n <= 400; n++) {
        const p = purchaseCountProbability(model, n, t);
        total += p;
        mean += n * p;
      }
      expect(total).toBeCloseTo(1, 10);
      expect(mean).toBeCloseTo(expectedPurchases(model, t), 8);
    }
    expect(purchaseCountProbability(model, 0, 0)).toBe(1);
    expect(purchaseCountProbability(model, 3, 0)).toBe(0);
  });

  it("E[X(t)] grows with t and is 0 at 0", () => {
    expect(expectedPurchases(model, 0)).toBe(0);
    expect(expectedPurchases(model, 39)).toBeLessThan(expectedPurchases(model, 78));
  });

  it("does not overflow or return NaN for very large frequency and very long T (the traps peers hit)", () => {
    const traps = [
      { frequency: 1_000_000, recency: 90_000, T: 100_000 },
      { frequency: 5_000, recency: 0.5, T: 10_000 },
      { frequency: 300, recency: 1e7, T: 1e7 },
      { frequency: 0, recency: 0, T: 1e9 },
      { frequency: 1, recency: 1e-9, T: 1e12 },
    ];
    for (const c of traps) {
      const p = probabilityAlive(model, c);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      for (const t of [1, 52, 1e6]) {
        const e = conditionalExpectedPurchases(model, c, t);
        expect(Number.isFinite(e)).toBe(true);
        expect(e).toBeGreaterThanOrEqual(0);
      }
    }
    expect(probabilityAlive(model, traps[1]!)).toBe(0);
    expect(Number.isFinite(expectedPurchases(model, 1e9))).toBe(true);
  });

  it("works for a = 1 (the removable singularity) and a + b < 1", () => {
    const near = { ...model, params: { r, alpha, a: 1, b } };
    const e = expectedPurchases(near, 39);
    expect(e).toBeGreaterThan(expectedPurchases({ ...model, params: { r, alpha, a: 1.001, b } }, 39));
    expect(e).toBeLessThan(expectedPurchases({ ...model, params: { r, alpha, a: 0.999, b } }, 39));
    const low = { ...model, params: { r, alpha, a: 0.3, b: 0.4 } };
    expect(Number.isFinite(expectedPurchases(low, 39))).toBe(true);
    expect(expectedPurchases(low, 39)).toBeGreaterThan(0);
  });
});

describe("fitBgNbd options and errors", () => {
  it("weights stand for identical rows", () => {
    const small = rows.slice(0, 300);
    const doubled = fitBgNbd([...small, ...small]);
    const weighted = fitBgNbd(small.map((row) => ({ ...row, weight: 2 })));
    expect(weighted.logLikelihood).toBeCloseTo(doubled.logLikelihood, 6);
    expect(weighted.params.r).toBeCloseTo(doubled.params.r, 4);
    expect(weighted.observations).toBe(600);
    expect(weighted.timeUnit).toBe("period");
  });

  it("a penalizer shrinks the parameters and lowers the likelihood", () => {
    const penalized = fitBgNbd(rows, { penalizer: 0.1 });
    const size = (p: typeof model.params): number => p.r ** 2 + p.alpha ** 2 + p.a ** 2 + p.b ** 2;
    expect(size(penalized.params)).toBeLessThan(size(model.params));
    expect(penalized.logLikelihood).toBeLessThan(model.logLikelihood);
    expect(penalized.penalizer).toBe(0.1);
  });

  it("throws ModelFitError with diagnostics on empty input", () => {
    try {
      fitBgNbd([]);
      expect.unreachable();
    } catch (error) {
      expect(isModelFitError(error)).toBe(true);
      expect((error as ModelFitError).diagnostics).toMatchObject({ model: "bg-nbd", reason: "no-data", observations: 0 });
    }
  });

  it("names the bad row and field", () => {
    const bad = [{ frequency: 1, recency: 2, T: 3 }, { frequency: 1, recency: 5, T: 3 }];
    expect(() => fitBgNbd(bad)).toThrow(RetentionInputError);
    expect(() => fitBgNbd(bad)).toThrow(/summaries\[1\]\.recency/);
    expect(() => fitBgNbd([{ frequency: -1, recency: 0, T: 3 }])).toThrow(/summaries\[0\]\.frequency/);
    expect(() => fitBgNbd(rows, { penalizer: -1 })).toThrow(RetentionOptionsError);
  });

  it("refuses a model or customer that is not valid", () => {
    expect(() => probabilityAlive({ ...model, params: { ...model.params, r: Number.NaN } }, { frequency: 0, recency: 0, T: 1 })).toThrow(/params\.r/);
    expect(() => probabilityAlive(model, { frequency: 1, recency: 2, T: 1 })).toThrow(RetentionOptionsError);
    expect(() => expectedPurchases(model, -1)).toThrow(RetentionOptionsError);
    expect(() => purchaseCountProbability(model, 1.5, 1)).toThrow(RetentionOptionsError);
    expect(() => purchaseCountProbability({ ...model, model: "sbg" } as unknown as BgNbdModel, 1, 1)).toThrow(/bg-nbd/);
    expect(() => purchaseCountProbability({ ...model, model: "pareto-nbd" } as unknown as BgNbdModel, 1, 1)).toThrow(/params.s/);
  });
});

import { describe, expect, it } from "vitest";
import {
  conditionalExpectedPurchases,
  discountedExpectedResidualTransactions,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  fitShiftedBetaGeometric,
  logLikelihood,
  probabilityAlive,
  probabilityAliveAt,
  probabilityNoPurchase,
  purchaseCountProbability,
  RetentionOptionsError,
  type BgNbdModel,
  type ParetoNbdModel,
} from "../../src/index";
import { tricomiUOne } from "../../src/clv/models/tricomiU";
import { gammaln } from "../../src/clv/models/special";
import { cdnowSpendRows, cdnowSummaryRows } from "./cdnowFixtures";
import { simulateBgNbd, simulateParetoNbd, type SimulatedCustomer } from "./simulateCustomers";

const base = { logLikelihood: 0, converged: true, iterations: 0, observations: 1, timeUnit: "week" as const, penalizer: 0 };
const bgNbd: BgNbdModel = { ...base, model: "bg-nbd", params: { r: 0.5, alpha: 5, a: 0.8, b: 2.5 } };
const paretoNbd: ParetoNbdModel = { ...base, model: "pareto-nbd", params: { r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 } };
const customers = [
  { frequency: 0, recency: 0, T: 38.86 },
  { frequency: 1, recency: 1.71, T: 38.86 },
  { frequency: 2, recency: 30.43, T: 38.86 },
  { frequency: 26, recency: 30.86, T: 31 },
];

/** Simpson's rule on [lo, hi] with n (even) intervals. */
function simpson(f: (x: number) => number, lo: number, hi: number, n = 4000): number {
  const h = (hi - lo) / n;
  let sum = f(lo) + f(hi);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(lo + i * h);
  return (sum * h) / 3;
}

/**
 * The simulated share with `outcome` lies within 4.5 standard errors of the mean predicted
 * probability (a calibration check: E[outcome] = E[P(outcome | history)] over the customers).
 */
function expectCalibrated(sample: readonly SimulatedCustomer[], predict: (c: SimulatedCustomer) => number, outcome: (c: SimulatedCustomer) => boolean): void {
  let predicted = 0;
  let observed = 0;
  let variance = 0;
  for (const c of sample) {
    const p = predict(c);
    predicted += p;
    variance += p * (1 - p);
    if (outcome(c)) observed++;
  }
  const n = sample.length;
  expect(Math.abs(observed - predicted) / n).toBeLessThan((4.5 * Math.sqrt(variance)) / n + 1e-9);
}

describe("probabilityAliveAt", () => {
  it("is probabilityAlive at t = 0 and falls with t, for BG/NBD and Pareto/NBD", () => {
    for (const model of [bgNbd, paretoNbd]) {
      for (const c of customers) {
        expect(probabilityAliveAt(model, c, 0)).toBe(probabilityAlive(model, c));
        let previous = 1;
        for (const t of [0, 1, 13, 52, 520]) {
          const p = probabilityAliveAt(model, c, t);
          expect(p).toBeLessThanOrEqual(previous);
          previous = p;
        }
      }
    }
    // A BG/NBD customer with no repeat purchase is alive at T but can drop out after the next one.
    expect(probabilityAliveAt(bgNbd, customers[0]!, 52)).toBeLessThan(0.95);
  });

  it("BG/NBD: equals P(alive) · E[((α+T)/(α+T+pt))^(r+x)] over p ~ Beta(a, b+x), by quadrature", () => {
    const { r, alpha, a, b } = bgNbd.params;
    for (const c of customers.slice(1)) {
      const x = c.frequency;
      const t = 20;
      // p = u^(1/a) removes the density's singularity at 0: dp p^(a−1) = du/a.
      const lnB = gammaln(a) + gammaln(b + x) - gammaln(a + b + x);
      const mean = simpson((u) => {
        const p = Math.pow(u, 1 / a);
        return (Math.pow(1 - p, b + x - 1) * Math.pow((alpha + c.T) / (alpha + c.T + p * t), r + x)) / a;
      }, 0, 1, 20000) / Math.exp(lnB);
      expect(probabilityAliveAt(bgNbd, c, t)).toBeCloseTo(probabilityAlive(bgNbd, c) * mean, 6);
    }
  });

  it("Pareto/NBD: equals P(alive) · ((β+T)/(β+T+t))^s", () => {
    const { s, beta } = paretoNbd.params;
    const c = customers[2]!;
    expect(probabilityAliveAt(paretoNbd, c, 26)).toBeCloseTo(probabilityAlive(paretoNbd, c) * Math.pow((beta + c.T) / (beta + c.T + 26), s), 12);
  });

  it("matches seeded simulations of each model (20,000 customers each, also among the one-time buyers)", () => {
    const t = 26;
    const bg = simulateBgNbd(bgNbd.params, 20_000, 10, 40, t, 17);
    expectCalibrated(bg, (c) => probabilityAliveAt(bgNbd, c, t), (c) => c.aliveAfter);
    expectCalibrated(bg.filter((c) => c.frequency === 0), (c) => probabilityAliveAt(bgNbd, c, t), (c) => c.aliveAfter);
    expectCalibrated(bg.filter((c) => c.frequency >= 2), (c) => probabilityAliveAt(bgNbd, c, t), (c) => c.aliveAfter);
    const pnbd = simulateParetoNbd(paretoNbd.params, 20_000, 10, 40, t, 18);
    expectCalibrated(pnbd, (c) => probabilityAliveAt(paretoNbd, c, t), (c) => c.aliveAfter);
    expectCalibrated(pnbd.filter((c) => c.frequency >= 2), (c) => probabilityAliveAt(paretoNbd, c, t), (c) => c.aliveAfter);
  });

  it("refuses other models, a bad customer and a bad t with RetentionOptionsError", () => {
    expect(() => probabilityAliveAt({ ...bgNbd, model: "sbg" } as never, customers[0]!, 1)).toThrow(RetentionOptionsError);
    expect(() => probabilityAliveAt(bgNbd, { frequency: 1, recency: 5, T: 2 }, 1)).toThrow(RetentionOptionsError);
    expect(() => probabilityAliveAt(bgNbd, customers[0]!, -1)).toThrow(RetentionOptionsError);
  });
});

describe("probabilityNoPurchase", () => {
  it("is the conditional PMF at 0; 1 at t = 0; BG/NBD's closed form 1 − P(alive) + P(alive)·((α+T)/(α+T+t))^(r+x)", () => {
    const { r, alpha } = bgNbd.params;
    for (const model of [bgNbd, paretoNbd]) {
      for (const c of customers) {
        expect(probabilityNoPurchase(model, c, 0)).toBe(1);
        expect(probabilityNoPurchase(model, c, 13)).toBeCloseTo(purchaseCountProbability(model, 0, 13, c), 14);
      }
    }
    const c = customers[2]!;
    const alive = probabilityAlive(bgNbd, c);
    expect(probabilityNoPurchase(bgNbd, c, 13)).toBeCloseTo(1 - alive + alive * Math.pow((alpha + c.T) / (alpha + c.T + 13), r + c.frequency), 14);
  });

  it("matches seeded simulations of each model", () => {
    const t = 13;
    const bg = simulateBgNbd(bgNbd.params, 20_000, 10, 40, t, 21);
    expectCalibrated(bg, (c) => probabilityNoPurchase(bgNbd, c, t), (c) => c.later === 0);
    const pnbd = simulateParetoNbd(paretoNbd.params, 20_000, 10, 40, t, 22);
    expectCalibrated(pnbd, (c) => probabilityNoPurchase(paretoNbd, c, t), (c) => c.later === 0);
    expectCalibrated(pnbd.filter((c) => c.frequency >= 1), (c) => probabilityNoPurchase(paretoNbd, c, t), (c) => c.later === 0);
  });
});

describe("purchaseCountProbability: the Pareto/NBD PMF and the conditional form", () => {
  it("the Pareto/NBD PMF sums to 1 and its mean is E[X(t)] (Schmittlein et al. 1987)", () => {
    for (const params of [paretoNbd.params, { r: 0.8, alpha: 20, s: 1.3, beta: 4 }]) {
      const model: ParetoNbdModel = { ...paretoNbd, params };
      let sum = 0;
      let mean = 0;
      for (let n = 0; n < 300; n++) {
        const p = purchaseCountProbability(model, n, 39);
        sum += p;
        mean += n * p;
      }
      expect(sum).toBeCloseTo(1, 10);
      const { r, alpha, s, beta } = params;
      expect(mean).toBeCloseTo(((r * beta) / (alpha * (s - 1))) * (1 - Math.pow(beta / (beta + 39), s - 1)), 8);
    }
  });

  it("the Pareto/NBD PMF equals the double integral over λ and μ of its conditional form, by quadrature", () => {
    const { r, alpha, s, beta } = { r: 0.8, alpha: 20, s: 1.3, beta: 4 };
    const model: ParetoNbdModel = { ...paretoNbd, params: { r, alpha, s, beta } };
    const t = 10;
    const n = 2;
    // Given λ, μ: alive through t with n purchases, or dead at τ < t after n: μλⁿ/(λ+μ)ⁿ⁺¹ · P(Gamma(n+1, λ+μ) ≤ t).
    const given = (l: number, m: number): number => {
      const k = l + m;
      let cdf = 0;
      let term = Math.exp(-k * t);
      for (let i = 0; i <= n; i++) {
        cdf += term;
        term *= (k * t) / (i + 1);
      }
      return Math.exp(-k * t + n * Math.log(l * t) - gammaln(n + 1)) + ((m * Math.pow(l, n)) / Math.pow(k, n + 1)) * (1 - cdf);
    };
    const logDensity = (v: number, shape: number, rate: number): number => shape * Math.log(rate) + shape * Math.log(v) - rate * v - gammaln(shape);
    const lo = -16;
    const hi = 4;
    const cells = 600;
    const h = (hi - lo) / cells;
    let total = 0;
    for (let i = 0; i < cells; i++) {
      const l = Math.exp(lo + (i + 0.5) * h);
      for (let j = 0; j < cells; j++) {
        const m = Math.exp(lo + (j + 0.5) * h);
        total += given(l, m) * Math.exp(logDensity(l, r, alpha) + logDensity(m, s, beta)) * h * h;
      }
    }
    expect(purchaseCountProbability(model, n, t)).toBeCloseTo(total, 6);
  });

  it("the conditional form sums to 1, and at x = tₓ = T = 0 is the unconditional one", () => {
    for (const model of [bgNbd, paretoNbd]) {
      for (const c of customers) {
        let sum = 0;
        for (let n = 0; n < 400; n++) sum += purchaseCountProbability(model, n, 26, c);
        expect(sum).toBeCloseTo(1, 8);
      }
      for (const n of [0, 1, 5]) expect(purchaseCountProbability(model, n, 26, { frequency: 0, recency: 0, T: 0 })).toBeCloseTo(purchaseCountProbability(model, n, 26), 14);
    }
  });

  it("the conditional mean is conditionalExpectedPurchases", () => {
    for (const model of [bgNbd, paretoNbd]) {
      const c = customers[2]!;
      let mean = 0;
      for (let n = 0; n < 400; n++) mean += n * purchaseCountProbability(model, n, 26, c);
      expect(mean).toBeCloseTo(conditionalExpectedPurchases(model, c, 26), 7);
    }
  });

  it("matches seeded simulations of each model, count by count", () => {
    const t = 26;
    const bg = simulateBgNbd(bgNbd.params, 20_000, 10, 40, t, 31);
    const pnbd = simulateParetoNbd(paretoNbd.params, 20_000, 10, 40, t, 32);
    for (const n of [0, 1, 2, 3]) {
      expectCalibrated(bg, (c) => purchaseCountProbability(bgNbd, n, t, c), (c) => c.later === n);
      expectCalibrated(pnbd, (c) => purchaseCountProbability(paretoNbd, n, t, c), (c) => c.later === n);
    }
  });

  it("keeps today's unconditional BG/NBD calls and bounds n for Pareto/NBD", () => {
    expect(purchaseCountProbability(bgNbd, 0, 0)).toBe(1);
    expect(purchaseCountProbability(bgNbd, 3, 0)).toBe(0);
    expect(() => purchaseCountProbability(paretoNbd, 10_001, 1)).toThrow(/0 to 10000/);
    expect(() => purchaseCountProbability(bgNbd, 1, 1, null as never)).toThrow(RetentionOptionsError);
  });
});

describe("logLikelihood at a model's own parameters", () => {
  const rows = cdnowSummaryRows();
  it("BG/NBD and Pareto/NBD on CDNOW: the fits' values, as BTYD's walkthrough prints them (−9582.429, −9594.976)", () => {
    const bg = fitBgNbd(rows, { timeUnit: "week" });
    const ll = logLikelihood(bg, rows);
    expect(ll.logLikelihood).toBeCloseTo(bg.logLikelihood, 9);
    expect(ll.logLikelihood).toBeCloseTo(-9582.429, 2);
    expect(ll).toMatchObject({ model: "bg-nbd", observations: 2357, parameters: 4 });
    expect(ll.aic).toBeCloseTo(8 + 2 * 9582.429, 1);
    expect(ll.bic).toBeCloseTo(4 * Math.log(2357) + 2 * 9582.429, 1);
    const pnbd = fitParetoNbd(rows, { timeUnit: "week" });
    expect(logLikelihood(pnbd, rows).logLikelihood).toBeCloseTo(pnbd.logLikelihood, 9);
    expect(logLikelihood(pnbd, rows).logLikelihood).toBeCloseTo(-9594.976, 1);
    // At the parameters BTYD prints (rounded to 3 decimals) the value is within 0.01 of its optimum.
    const printed: ParetoNbdModel = { ...paretoNbd, params: { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.656 } };
    expect(logLikelihood(printed, rows).logLikelihood).toBeCloseTo(-9594.976, 1);
  });

  it("Gamma-Gamma and sBG: the fits' values on their own rows", () => {
    const spend = cdnowSpendRows();
    const gg = fitGammaGamma(spend);
    expect(logLikelihood(gg, spend)).toMatchObject({ model: "gamma-gamma", observations: 946, parameters: 3 });
    expect(logLikelihood(gg, spend).logLikelihood).toBeCloseTo(gg.logLikelihood, 9);
    const cohort = { alive: [1000, 869, 743, 653, 593, 551, 517, 491] };
    const sbg = fitShiftedBetaGeometric(cohort);
    expect(logLikelihood(sbg, cohort).logLikelihood).toBeCloseTo(sbg.logLikelihood, 12);
    expect(logLikelihood(sbg, { lost: [131, 126, 90, 60, 42, 34, 26], initial: 1000 }).logLikelihood).toBeCloseTo(sbg.logLikelihood, 12);
  });

  it("weights count as repeated rows; no rows give ln L = 0 and bic null; other units and bad rows are refused", () => {
    const one = { frequency: 2, recency: 10, T: 30 };
    expect(logLikelihood(bgNbd, [{ ...one, weight: 3 }]).logLikelihood).toBeCloseTo(logLikelihood(bgNbd, [one, one, one]).logLikelihood, 12);
    expect(logLikelihood(bgNbd, [])).toMatchObject({ logLikelihood: 0, observations: 0, bic: null });
    expect(() => logLikelihood(bgNbd, { customers: [one], timeUnit: "day" })).toThrow(/in weeks but the summary in days/);
    expect(() => logLikelihood({ ...bgNbd, model: "bg-bb" } as never, [one])).toThrow(RetentionOptionsError);
  });
});

describe("discountedExpectedResidualTransactions (Pareto/NBD)", () => {
  const delta = Math.log(1.15) / 52;

  it("is δ ∫ e^(−δt) E[Y(t) | history] dt, by quadrature of conditionalExpectedPurchases", () => {
    for (const c of customers) {
      const horizon = 40 / delta;
      // t = v² clusters the nodes where E[Y(t)] bends most.
      const integral = simpson((v) => 2 * v * delta * Math.exp(-delta * v * v) * conditionalExpectedPurchases(paretoNbd, c, v * v), 0, Math.sqrt(horizon), 6000);
      expect(discountedExpectedResidualTransactions(paretoNbd, c, { discountRate: delta })).toBeCloseTo(integral, 5);
    }
  });

  it("tends to the expected purchases over all time as δ → 0 when s > 1", () => {
    // The gap closes like δ^(s−1): at s = 2.5 and δ = 1e-9 it is below 1e-11.
    const model: ParetoNbdModel = { ...paretoNbd, params: { r: 0.8, alpha: 20, s: 2.5, beta: 4 } };
    const c = customers[2]!;
    const { r, alpha, s, beta } = model.params;
    const allTime = (((r + c.frequency) * (beta + c.T)) / ((alpha + c.T) * (s - 1))) * probabilityAlive(model, c);
    expect(discountedExpectedResidualTransactions(model, c, { discountRate: 1e-9 })).toBeCloseTo(allTime, 5);
  });

  it("Tricomi's U(1, 2−s; z) equals ∫₀^∞ e^(−zv)(1+v)^(−s) dv across both of its methods and at integer s", () => {
    for (const s of [0.1, 0.606, 1, 1.0000005, 1.3, 2, 2.5, 7.2]) {
      for (const z of [1e-3, 0.1, 0.49, 0.5, 2, 100]) {
        const top = Math.log(1 + 60 / z);
        const quadrature = simpson((u) => Math.exp(-z * Math.expm1(u) + (1 - s) * u), 0, top, 100_000);
        expect(Math.abs(tricomiUOne(s, z) / quadrature - 1)).toBeLessThan(1e-8);
      }
    }
  });

  it("matches BTYD's pnbd.DERT and pnbd.pmf formulas evaluated at 30 digits (mpmath's hyperu and hyp2f1; test/fixtures/clv/paretoNbdReference.py)", () => {
    // The parameters and customer of BTYD's pnbd.DERT example (CDNOW, weeks; d = 0.0027).
    const btyd: ParetoNbdModel = { ...paretoNbd, params: { r: 0.5629966, alpha: 12.559037, s: 0.4081095, beta: 10.5148048 } };
    expect(discountedExpectedResidualTransactions(btyd, { frequency: 7, recency: 35, T: 77.86 }, { discountRate: 0.0027 })).toBeCloseTo(1.86418332807133, 11);
    expect(discountedExpectedResidualTransactions(btyd, { frequency: 1, recency: 30, T: 77.86 }, { discountRate: 0.0027 })).toBeCloseTo(2.19915544970496, 11);
    expect(discountedExpectedResidualTransactions(btyd, { frequency: 10, recency: 30, T: 77.86 }, { discountRate: 0.0027 })).toBeCloseTo(0.167927508566053, 11);
    // BTYD's printed CDNOW fit (0.553, 10.58, 0.606, 11.656), 15% a year compounded continuously.
    const printed: ParetoNbdModel = { ...paretoNbd, params: { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.656 } };
    const rate = Math.log(1.15) / 52;
    expect(discountedExpectedResidualTransactions(printed, { frequency: 2, recency: 30.43, T: 38.86 }, { discountRate: rate })).toBeCloseTo(6.50056330410231, 10);
    expect(discountedExpectedResidualTransactions(printed, { frequency: 0, recency: 0, T: 38.86 }, { discountRate: rate })).toBeCloseTo(0.478075313834731, 11);
    expect(purchaseCountProbability(printed, 0, 39)).toBeCloseTo(0.593756127735293, 13);
    expect(purchaseCountProbability(printed, 1, 39)).toBeCloseTo(0.165543380776718, 13);
    expect(purchaseCountProbability(printed, 3, 52)).toBeCloseTo(0.0500911151205277, 13);
    expect(purchaseCountProbability(printed, 10, 2) / 1.88714409861021e-9).toBeCloseTo(1, 8);
    expect(purchaseCountProbability({ ...paretoNbd, params: { r: 0.8, alpha: 4, s: 1.3, beta: 20 } }, 2, 10)).toBeCloseTo(0.115061452226297, 12);
  });

  it("refuses BG/NBD and a missing or non-positive rate", () => {
    const c = customers[1]!;
    expect(() => discountedExpectedResidualTransactions(bgNbd as never, c, { discountRate: delta })).toThrow(/pareto-nbd/);
    expect(() => discountedExpectedResidualTransactions(paretoNbd, c, {} as never)).toThrow(RetentionOptionsError);
    expect(() => discountedExpectedResidualTransactions(paretoNbd, c, { discountRate: 0 })).toThrow(/discount rate/);
  });
});

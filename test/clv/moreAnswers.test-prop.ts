import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  discountedExpectedResidualTransactions,
  logLikelihood,
  probabilityAlive,
  probabilityAliveAt,
  probabilityNoPurchase,
  purchaseCountProbability,
  type BgNbdModel,
  type ParetoNbdModel,
  type TransactionModel,
} from "../../src/index";

const base = { logLikelihood: 0, converged: true, iterations: 0, observations: 1, timeUnit: "week" as const, penalizer: 0 };
const positive = fc.double({ min: 0.05, max: 20, noNaN: true });
const scale = fc.double({ min: 0.1, max: 100, noNaN: true });
const bgNbd = fc.tuple(positive, scale, positive, positive).map(([r, alpha, a, b]): BgNbdModel => Object.freeze({ ...base, model: "bg-nbd" as const, params: Object.freeze({ r, alpha, a, b }) }));
const paretoNbd = fc.tuple(positive, scale, positive, scale).map(([r, alpha, s, beta]): ParetoNbdModel => Object.freeze({ ...base, model: "pareto-nbd" as const, params: Object.freeze({ r, alpha, s, beta }) }));
const model = fc.oneof(bgNbd, paretoNbd);
/** Histories up to frequency 1e6 and T 1e12, frozen. */
const history = fc
  .tuple(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constant(1_000_000)), fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(fc.double({ min: 0, max: 500, noNaN: true }), fc.constant(1e12)))
  .map(([frequency, share, T]) => Object.freeze({ frequency, recency: frequency === 0 ? 0 : share * T, T }));
const horizon = fc.double({ min: 0, max: 1000, noNaN: true });

const isProbability = (p: number): boolean => Number.isFinite(p) && p >= 0 && p <= 1;

describe("more answers: properties", () => {
  it("P(alive at T+t), P(no purchase) and the conditional PMF are probabilities; P(alive at T+t) never rises with t and starts at P(alive)", () => {
    fc.assert(
      fc.property(model, history, horizon, horizon, (m: TransactionModel, c, t1, t2) => {
        const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const atEarly = probabilityAliveAt(m, c, early);
        const atLate = probabilityAliveAt(m, c, late);
        expect(isProbability(atEarly) && isProbability(atLate)).toBe(true);
        expect(atLate).toBeLessThanOrEqual(atEarly + 1e-12);
        expect(atEarly).toBeLessThanOrEqual(probabilityAlive(m, c) + 1e-12);
        expect(isProbability(probabilityNoPurchase(m, c, late))).toBe(true);
        for (const n of [0, 1, 3]) expect(isProbability(purchaseCountProbability(m, n, late, c))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("P(no purchase in (T, T+t]) never rises with t, and the unconditional PMF is a probability", () => {
    fc.assert(
      fc.property(model, history, horizon, horizon, (m: TransactionModel, c, t1, t2) => {
        const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1];
        expect(probabilityNoPurchase(m, c, late)).toBeLessThanOrEqual(probabilityNoPurchase(m, c, early) + 1e-12);
        for (const n of [0, 2]) expect(isProbability(purchaseCountProbability(m, n, late))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("Pareto/NBD DERT is finite and ≥ 0, and falls as the discount rate rises", () => {
    fc.assert(
      fc.property(paretoNbd, history, fc.double({ min: 1e-6, max: 1, noNaN: true }), (m, c, rate) => {
        const low = discountedExpectedResidualTransactions(m, c, { discountRate: rate });
        const high = discountedExpectedResidualTransactions(m, c, { discountRate: rate * 2 });
        expect(Number.isFinite(low) && low >= 0).toBe(true);
        expect(high).toBeLessThanOrEqual(low * (1 + 1e-9) + 1e-300);
      }),
      { numRuns: 200 },
    );
  });

  it("logLikelihood does not depend on row order and leaves frozen rows as they were", () => {
    const row = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.5, max: 80, noNaN: true })).map(([frequency, share, T]) => Object.freeze({ frequency, recency: frequency === 0 ? 0 : share * T, T }));
    fc.assert(
      fc.property(model, fc.array(row, { minLength: 1, maxLength: 30 }), (m: TransactionModel, rows) => {
        const frozen = Object.freeze([...rows]);
        const copy = JSON.stringify(frozen);
        const one = logLikelihood(m, frozen).logLikelihood;
        expect(logLikelihood(m, [...frozen].reverse()).logLikelihood).toBeCloseTo(one, 8);
        expect(Number.isFinite(one)).toBe(true);
        expect(JSON.stringify(frozen)).toBe(copy);
      }),
      { numRuns: 100 },
    );
  });

  it("no NaN at frequency 1e6 and T 1e12 (CDNOW-sized parameters), and frozen inputs stay as they were", () => {
    const bg: BgNbdModel = Object.freeze({ ...base, model: "bg-nbd", params: Object.freeze({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }) });
    const pnbd: ParetoNbdModel = Object.freeze({ ...base, model: "pareto-nbd", params: Object.freeze({ r: 0.553, alpha: 10.58, s: 0.606, beta: 11.656 }) });
    for (const m of [bg, pnbd] as TransactionModel[]) {
      for (const c of [{ frequency: 1e6, recency: 1e12, T: 1e12 }, { frequency: 1e6, recency: 1, T: 1e12 }, { frequency: 0, recency: 0, T: 1e12 }, { frequency: 1e6, recency: 5e11, T: 1e12 }]) {
        const frozen = Object.freeze({ ...c });
        for (const t of [0, 1, 52, 1e12]) {
          expect(isProbability(probabilityAliveAt(m, frozen, t))).toBe(true);
          expect(isProbability(probabilityNoPurchase(m, frozen, t))).toBe(true);
          expect(isProbability(purchaseCountProbability(m, 1, t, frozen))).toBe(true);
        }
        expect(frozen).toEqual(c);
      }
    }
    const dert = discountedExpectedResidualTransactions(pnbd, { frequency: 1e6, recency: 1e12, T: 1e12 }, { discountRate: 0.0027 });
    expect(Number.isFinite(dert) && dert >= 0).toBe(true);
    const rows = Object.freeze([Object.freeze({ frequency: 1e6, recency: 1e12, T: 1e12 }), Object.freeze({ frequency: 0, recency: 0, T: 1e12 })]);
    expect(Number.isFinite(logLikelihood(bg, rows).logLikelihood)).toBe(true);
  });
});

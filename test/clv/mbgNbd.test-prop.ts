import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conditionalExpectedPurchases, expectedPurchases, fitModifiedBgNbd, probabilityAlive, purchaseCountProbability, type ModifiedBgNbdModel } from "../../src/index";
import {
  mbgNbdConditionalPurchaseCountProbability,
  mbgNbdProbabilityAlive,
  mbgNbdProbabilityAliveAt,
  mbgNbdProbabilityNoPurchase,
} from "../../src/clv/models/mbgNbdMath";

const base = { logLikelihood: 0, converged: true, iterations: 0, observations: 1, timeUnit: "week" as const, penalizer: 0 };
const positive = fc.double({ min: 0.01, max: 50, noNaN: true });
const params = fc.record({ r: positive, alpha: positive, a: positive, b: positive });
const history = fc
  .tuple(fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }))
  .map(([frequency, share, T]) => ({ frequency, recency: frequency === 0 ? 0 : share * T, T }));
const horizon = fc.double({ min: 0, max: 1e4, noNaN: true });
const inUnit = (p: number): boolean => p >= 0 && p <= 1;

describe("MBG/NBD properties", () => {
  it("every probability is in [0, 1]; P(alive) < 1 for one-time buyers observed for some time; P(alive at T+t) ≤ P(alive)", () => {
    fc.assert(
      fc.property(params, history, horizon, fc.integer({ min: 0, max: 30 }), (p, { frequency: x, recency: tx, T }, t, n) => {
        const alive = mbgNbdProbabilityAlive(p, x, tx, T);
        expect(inUnit(alive)).toBe(true);
        if (x === 0) expect(alive).toBeLessThan(1);
        const later = mbgNbdProbabilityAliveAt(p, x, tx, T, t);
        expect(inUnit(later)).toBe(true);
        expect(later).toBeLessThanOrEqual(alive);
        expect(inUnit(mbgNbdProbabilityNoPurchase(p, x, tx, T, t))).toBe(true);
        const count = mbgNbdConditionalPurchaseCountProbability(p, n, x, tx, T, t);
        expect(inUnit(count)).toBe(true);
        const model: ModifiedBgNbdModel = { ...base, model: "mbg-nbd", params: p };
        expect(inUnit(probabilityAlive(model, { frequency: x, recency: tx, T }))).toBe(true);
      }),
    );
  });

  it("P(alive at T+t) is non-increasing in t", () => {
    fc.assert(
      fc.property(params, history, horizon, horizon, (p, { frequency: x, recency: tx, T }, t1, t2) => {
        const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const first = mbgNbdProbabilityAliveAt(p, x, tx, T, early);
        const second = mbgNbdProbabilityAliveAt(p, x, tx, T, late);
        expect(second).toBeLessThanOrEqual(first * (1 + 1e-9) + 1e-300);
      }),
    );
  });

  it("no NaN at frequency 1e6 and T 1e12, on CDNOW's parameters and at random ones", () => {
    const cdnow = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
    const model: ModifiedBgNbdModel = { ...base, model: "mbg-nbd", params: cdnow };
    for (const [x, tx, T] of [
      [1e6, 1e12, 1e12],
      [1e6, 1, 1e12],
      [0, 0, 1e12],
      [1e6, 5e11, 1e12],
    ] as const) {
      for (const t of [0, 1, 52, 1e6, 1e12]) {
        for (const value of [
          mbgNbdProbabilityAlive(cdnow, x, tx, T),
          mbgNbdProbabilityAliveAt(cdnow, x, tx, T, t),
          mbgNbdProbabilityNoPurchase(cdnow, x, tx, T, t),
          probabilityAlive(model, { frequency: x, recency: tx, T }),
          conditionalExpectedPurchases(model, { frequency: x, recency: tx, T }, t),
        ]) {
          expect(Number.isNaN(value)).toBe(false);
          expect(value).toBeGreaterThanOrEqual(0);
        }
      }
    }
    expect(Number.isNaN(mbgNbdConditionalPurchaseCountProbability(cdnow, 3, 1e6, 1e12, 1e12, 52))).toBe(false);
    expect(inUnit(purchaseCountProbability(model, 0, 1e12))).toBe(true);
    expect(Number.isFinite(expectedPurchases(model, 1e12))).toBe(true);
    fc.assert(
      fc.property(params, fc.constantFrom(0, 1, 1e6), fc.double({ min: 0, max: 1, noNaN: true }), (p, x, share) => {
        const T = 1e12;
        const tx = x === 0 ? 0 : share * T;
        expect(inUnit(mbgNbdProbabilityAlive(p, x, tx, T))).toBe(true);
        expect(inUnit(mbgNbdProbabilityNoPurchase(p, x, tx, T, 52))).toBe(true);
      }),
    );
  });

  it("the fit does not depend on row order and does not mutate its (frozen) rows", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1, max: 60, noNaN: true })), { minLength: 8, maxLength: 40 }), (cells) => {
        const rows = Object.freeze(cells.map(([x, share, T]) => Object.freeze({ frequency: x, recency: x === 0 ? 0 : share * T, T })));
        const reversed = Object.freeze([...rows].reverse());
        let one: ModifiedBgNbdModel | undefined;
        let two: ModifiedBgNbdModel | undefined;
        try {
          one = fitModifiedBgNbd(rows);
          two = fitModifiedBgNbd(reversed);
        } catch {
          return;
        }
        expect(two.params).toEqual(one.params);
      }),
      { numRuns: 20 },
    );
  });
});

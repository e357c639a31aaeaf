import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  conditionalExpectedPurchases,
  customerSummary,
  expectedPurchases,
  fitBetaGeometricBetaBinomial,
  probabilityAlive,
  purchaseCountProbability,
  type BgBbModel,
} from "../../src/index";
import {
  bgBbDiscountedExpectedResidualTransactions,
  bgBbLogLikelihoodOfHistory,
  bgBbProbabilityAliveAt,
  bgBbProbabilityNoPurchase,
} from "../../src/clv/models/bgBbMath";
import { donationRows } from "./donationsFixtures";

const base = { logLikelihood: 0, converged: true, iterations: 0, observations: 1, timeUnit: "period" as const, penalizer: 0 };
const positive = fc.double({ min: 0.01, max: 50, noNaN: true });
const params = fc.record({ alpha: positive, beta: positive, gamma: positive, delta: positive });

/** A discrete history: x ≤ tₓ ≤ n, tₓ = 0 exactly when x = 0; n up to `maxPeriods`. */
const historyUpTo = (maxPeriods: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: maxPeriods }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([periods, a, b]) => {
      const recency = Math.floor(a * periods);
      const frequency = recency === 0 ? 0 : Math.max(1, Math.floor(b * recency));
      return { frequency, recency, periods };
    });

describe("BG/BB properties", () => {
  it("probabilities in [0, 1], expectations finite and ≥ 0, for any parameters and history", () => {
    fc.assert(
      fc.property(params, historyUpTo(500), fc.integer({ min: 0, max: 50 }), (p, customer, t) => {
        const model: BgBbModel = { ...base, model: "bg-bb", params: p };
        const alive = probabilityAlive(model, customer);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        const none = bgBbProbabilityNoPurchase(p, customer.frequency, customer.recency, customer.periods, t);
        expect(none).toBeGreaterThanOrEqual(0);
        expect(none).toBeLessThanOrEqual(1);
        const expected = conditionalExpectedPurchases(model, customer, t);
        expect(Number.isFinite(expected)).toBe(true);
        expect(expected).toBeGreaterThanOrEqual(0);
        expect(expected).toBeLessThanOrEqual(t + 1e-9);
        const count = purchaseCountProbability(model, Math.min(customer.frequency, t), t);
        expect(count).toBeGreaterThanOrEqual(0);
        expect(count).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it("P(alive at n + t) and P(no purchase in t) never rise with t", () => {
    fc.assert(
      fc.property(params, historyUpTo(200), (p, { frequency: x, recency: tx, periods: n }) => {
        let alive = bgBbProbabilityAliveAt(p, x, tx, n, 0);
        let none = 1;
        for (const t of [1, 2, 5, 10, 100, 1000]) {
          const nextAlive = bgBbProbabilityAliveAt(p, x, tx, n, t);
          const nextNone = bgBbProbabilityNoPurchase(p, x, tx, n, t);
          expect(nextAlive).toBeLessThanOrEqual(alive + 1e-12);
          expect(nextNone).toBeLessThanOrEqual(none + 1e-12);
          expect(nextNone).toBeGreaterThanOrEqual(1 - bgBbProbabilityAliveAt(p, x, tx, n, 0) - 1e-12);
          alive = nextAlive;
          none = nextNone;
        }
      }),
      { numRuns: 150 },
    );
  });

  it("no NaN at frequency 1e6 and periods 1e12", () => {
    fc.assert(
      fc.property(params, fc.constantFrom(0, 1, 1e6), fc.constantFrom(1e6, 1e9, 1e12), (p, x, n) => {
        const model: BgBbModel = { ...base, model: "bg-bb", params: p };
        const tx = x === 0 ? 0 : Math.max(x, n / 2);
        const customer = { frequency: x, recency: tx, periods: n };
        for (const value of [
          probabilityAlive(model, customer),
          conditionalExpectedPurchases(model, customer, 10),
          expectedPurchases(model, n),
          bgBbProbabilityAliveAt(p, x, tx, n, 1e6),
          bgBbProbabilityNoPurchase(p, x, tx, n, 1000),
          bgBbLogLikelihoodOfHistory(p, x, tx, n).log,
        ]) {
          expect(Number.isNaN(value)).toBe(false);
        }
        const dert = bgBbDiscountedExpectedResidualTransactions(p, x, tx, n, 0.1);
        expect(Number.isNaN(dert) || dert >= 0).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("the fit does not depend on row order and does not mutate its (frozen) rows", () => {
    const rows = donationRows().map((row) => Object.freeze(row));
    const frozen = Object.freeze(rows.slice());
    const reference = fitBetaGeometricBetaBinomial(frozen);
    fc.assert(
      fc.property(fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), (shuffled) => {
        const fit = fitBetaGeometricBetaBinomial(Object.freeze(shuffled));
        expect(fit.params.alpha).toBeCloseTo(reference.params.alpha, 10);
        expect(fit.params.delta).toBeCloseTo(reference.params.delta, 10);
        expect(fit.logLikelihood).toBe(reference.logLikelihood);
      }),
      { numRuns: 10 },
    );
    expect(frozen).toEqual(donationRows());
  });

  it("customerSummary with timeUnit 'period': 0 ≤ frequency ≤ recency ≤ periods = T, whatever the order", () => {
    const purchase = fc.record({
      customerId: fc.constantFrom("a", "b", "__proto__", "constructor"),
      at: fc.integer({ min: Date.parse("2018-01-01"), max: Date.parse("2024-12-31") }),
      amount: fc.integer({ min: 1, max: 5000 }).map((cents) => (cents / 100).toFixed(2)),
    });
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 40 }), fc.constantFrom("year", "quarter", "month") as fc.Arbitrary<"year" | "quarter" | "month">, (rows, granularity) => {
        const input = Object.freeze(rows.map((row) => Object.freeze({ ...row })));
        const summary = customerSummary(input, { asOf: "2024-12-31", timeUnit: "period", granularity });
        const reversed = customerSummary(input.slice().reverse(), { asOf: "2024-12-31", timeUnit: "period", granularity });
        expect(reversed.customers.map((c) => [c.customerId, c.frequency, c.recency, c.periods])).toEqual(summary.customers.map((c) => [c.customerId, c.frequency, c.recency, c.periods]));
        for (const c of summary.customers) {
          expect(c.frequency).toBeLessThanOrEqual(c.recency);
          expect(c.recency).toBeLessThanOrEqual(c.periods);
          expect(c.periods).toBe(c.T);
          expect(c.frequency === 0).toBe(c.recency === 0);
        }
      }),
      { numRuns: 100 },
    );
  });
});

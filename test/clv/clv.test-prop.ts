import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  conditionalExpectedPurchases,
  customerSummary,
  probabilityAlive,
  survival,
  type BgNbdModel,
  type ParetoNbdModel,
  type SbgModel,
} from "../../src/index";
import { bgNbdLogLikelihood } from "../../src/clv/models/bgNbdLikelihood";
import { compressHistories } from "../../src/clv/models/compress";
import { readSummaryRows } from "../../src/clv/summaryRows";

const base = { logLikelihood: 0, converged: true, iterations: 0, observations: 1, timeUnit: "week" as const, penalizer: 0 };
const positive = fc.double({ min: 0.01, max: 50, noNaN: true });
const history = fc
  .tuple(fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }))
  .map(([frequency, share, T]) => ({ frequency, recency: frequency === 0 ? 0 : share * T, T }));

const purchase = fc.record({
  customerId: fc.constantFrom("a", "b", "__proto__", "constructor", "c"),
  at: fc.integer({ min: Date.parse("2024-01-01"), max: Date.parse("2024-12-31") }),
  amount: fc.integer({ min: -500, max: 50_000 }).map((cents) => (cents / 100).toFixed(2)),
});

describe("customerSummary properties", () => {
  it("does not depend on row order, never mutates its (frozen) input, and keeps 0 ≤ recency ≤ T", () => {
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 40 }), fc.integer(), (rows, seed) => {
        const frozen = Object.freeze(rows.map((row) => Object.freeze({ ...row })));
        const shuffled = [...frozen].sort((x, y) => ((x.at * 31 + seed) % 97) - ((y.at * 31 + seed) % 97));
        const options = { asOf: "2024-10-01", timeUnit: "week" as const };
        const one = customerSummary(frozen, options);
        expect(JSON.stringify(customerSummary(shuffled, options))).toBe(JSON.stringify(one));
        for (const c of one.customers) {
          expect(c.frequency).toBeGreaterThanOrEqual(0);
          expect(c.recency).toBeGreaterThanOrEqual(0);
          expect(c.recency).toBeLessThanOrEqual(c.T);
          if (c.frequency === 0) expect(c.recency).toBe(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** P(alive) in [0, 1]; expected purchases over 52 units finite and ≥ 0. */
function expectSanePredictions(model: BgNbdModel | ParetoNbdModel, customer: Parameters<typeof probabilityAlive>[1]): void {
  const p = probabilityAlive(model, customer);
  expect(p).toBeGreaterThanOrEqual(0);
  expect(p).toBeLessThanOrEqual(1);
  const e = conditionalExpectedPurchases(model, customer, 52);
  expect(Number.isFinite(e)).toBe(true);
  expect(e).toBeGreaterThanOrEqual(0);
}

describe("model properties", () => {
  it("BG/NBD: P(alive) in [0, 1] and finite, non-negative expectations for any parameters and history", () => {
    fc.assert(
      fc.property(positive, positive, positive, positive, history, (r, alpha, a, b, customer) => {
        const model: BgNbdModel = { ...base, model: "bg-nbd", params: { r, alpha, a, b } };
        expectSanePredictions(model, customer);
      }),
      { numRuns: 150 },
    );
  });

  it("Pareto/NBD: P(alive) in [0, 1] and finite, non-negative expectations", () => {
    fc.assert(
      fc.property(positive, positive, positive, positive, history, (r, alpha, s, beta, customer) => {
        const model: ParetoNbdModel = { ...base, model: "pareto-nbd", params: { r, alpha, s, beta } };
        expectSanePredictions(model, customer);
      }),
      { numRuns: 100 },
    );
  });

  it("sBG: survival starts at 1 and never rises", () => {
    fc.assert(
      fc.property(positive, positive, (alpha, beta) => {
        const model: SbgModel = { ...base, model: "sbg", params: { alpha, beta } };
        let previous = survival(model, 0);
        expect(previous).toBe(1);
        for (let t = 1; t <= 30; t++) {
          const s = survival(model, t);
          expect(s).toBeLessThanOrEqual(previous + 1e-15);
          expect(s).toBeGreaterThanOrEqual(0);
          previous = s;
        }
      }),
      { numRuns: 100 },
    );
  });

  it("the BG/NBD likelihood of summary rows does not depend on their order (compression is order-free)", () => {
    fc.assert(
      fc.property(fc.array(history, { minLength: 1, maxLength: 30 }), (rows) => {
        const ll = (list: typeof rows): number => bgNbdLogLikelihood([0.5, 4, 0.8, 2.4], compressHistories(readSummaryRows(list, "test")));
        expect(ll([...rows].reverse())).toBeCloseTo(ll(rows), 6);
      }),
      { numRuns: 100 },
    );
  });
});

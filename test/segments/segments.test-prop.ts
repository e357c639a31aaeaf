import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loyalCustomers, ltvSegments, rfmScores } from "retention-metrics";
import { allNumbersFinite, instant, purchase, shuffledWith } from "../arbitraries/records";

const purchases = fc.array(purchase, { maxLength: 50 });
const positiveValues = fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 3 }).filter((s) => s.trim().length > 0), fc.integer({ min: 0, max: 1000 })), { maxLength: 40 });

describe("segments: properties", () => {
  it("rfm scores lie in 1..bins and equal values always share a score", () => {
    fc.assert(
      fc.property(purchases, instant, fc.integer({ min: 2, max: 9 }), (rows, asOf, bins) => {
        const scores = rfmScores(rows, { asOf, bins });
        for (const a of scores) {
          for (const key of ["r", "f", "m"] as const) expect(a[key] >= 1 && a[key] <= bins).toBe(true);
          for (const b of scores) {
            if (a.recencyDays === b.recencyDays) expect(a.r).toBe(b.r);
            if (a.frequency === b.frequency) expect(a.f).toBe(b.f);
            if (a.monetary.eq(b.monetary)) expect(a.m).toBe(b.m);
            if (a.recencyDays < b.recencyDays) expect(a.r >= b.r).toBe(true);
          }
        }
        expect(allNumbersFinite(scores)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("ltv tiers: every customer in exactly one tier, shares sum to 1, no NaN", () => {
    fc.assert(
      fc.property(positiveValues, fc.constantFrom("quantile", "pareto") as fc.Arbitrary<"quantile" | "pareto">, (pairs, method) => {
        const values = new Map(pairs);
        const result = ltvSegments(values, { method });
        expect(result.assignments.size).toBe(values.size);
        expect(result.tiers.reduce((s, t) => s + t.customers, 0)).toBe(values.size);
        if (values.size > 0) expect(result.tiers.reduce((s, t) => s + t.shareOfCustomers!, 0)).toBeCloseTo(1, 12);
        if (result.totalValue.gt(0)) {
          expect(result.tiers.reduce((s, t) => s + t.shareOfValue!, 0)).toBeCloseTo(1, 12);
          expect(result.concentration.gini! >= 0 && result.concentration.gini! < 1).toBe(true);
        }
        expect(allNumbersFinite(result)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("row order does not matter; loyal customers are a subset of buyers", () => {
    fc.assert(
      fc.property(purchases, instant, fc.array(fc.integer(), { minLength: 1, maxLength: 60 }), (rows, asOf, keys) => {
        const shuffled = shuffledWith(rows, keys);
        expect(rfmScores(shuffled, { asOf })).toEqual(rfmScores(rows, { asOf }));
        expect(ltvSegments(shuffled, { method: "pareto" })).toEqual(ltvSegments(rows, { method: "pareto" }));
        const loyal = loyalCustomers(rows, { asOf, minOrders: 1 });
        expect(loyal).toEqual(loyalCustomers(shuffled, { asOf, minOrders: 1 }));
        expect(loyal.count <= loyal.topValueCustomers).toBe(true);
        expect(allNumbersFinite(loyal)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitBgNbd, fitGammaGamma, predictClv } from "../../src/index";
import { cdnowSpendRows } from "./cdnowFixtures";

const rows = cdnowSpendRows();
const bgNbd = fitBgNbd(rows, { timeUnit: "week" });
const gammaGamma = fitGammaGamma(rows, { timeUnit: "week" });

/** A customer history: frequency up to 10⁶, T up to 10¹², recency in [0, T] (0 for one-time buyers), a mean spend for repeat customers. */
const customer = fc
  .record({ x: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constant(1e6)), T: fc.oneof(fc.double({ min: 0.5, max: 80, noNaN: true }), fc.constant(1e12)), share: fc.double({ min: 0, max: 1, noNaN: true }), spend: fc.double({ min: 0.5, max: 500, noNaN: true }) })
  .map(({ x, T, share, spend }) => ({ frequency: x, recency: x === 0 ? 0 : share * T, T, monetaryValue: x === 0 ? 0 : spend }));

describe("predictClv intervals (properties)", () => {
  it("bracket every point figure, are never NaN, do not depend on the rows' order and leave the rows as they were", () => {
    fc.assert(
      fc.property(fc.array(customer, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (customers, seed) => {
        const input = Object.freeze(customers.map((c, i) => Object.freeze({ customerId: `c${i}`, ...c })));
        const options = { horizon: 52, discountRate: 0.0018, interval: 0.9, draws: 40, seed };
        const result = predictClv(bgNbd, gammaGamma, input, options);
        const reversed = predictClv(bgNbd, gammaGamma, input.slice().reverse(), options);
        const byId = new Map(reversed.customers.map((row) => [row.customerId, row]));
        for (const row of result.customers) {
          if (row.expectedPurchasesLow === null) {
            expect(result.interval!.reason).not.toBeNull();
            continue;
          }
          expect(Number.isNaN(row.expectedPurchasesLow!) || Number.isNaN(row.expectedPurchasesHigh!)).toBe(false);
          expect(row.expectedPurchasesLow!).toBeLessThanOrEqual(row.expectedPurchases);
          expect(row.expectedPurchasesHigh!).toBeGreaterThanOrEqual(row.expectedPurchases);
          if (row.clv !== null && row.clvLow !== null) expect(row.clvLow!.lte(row.clv) && row.clvHigh!.gte(row.clv)).toBe(true);
          const other = byId.get(row.customerId)!;
          expect([other.expectedPurchasesLow, other.expectedPurchasesHigh, other.clvLow, other.clvHigh]).toEqual([row.expectedPurchasesLow, row.expectedPurchasesHigh, row.clvLow, row.clvHigh]);
        }
        const total = result.interval!.total;
        const again = reversed.interval!.total;
        for (const [a, b] of [[total.expectedPurchasesLow, again.expectedPurchasesLow], [total.expectedPurchasesHigh, again.expectedPurchasesHigh]] as const) {
          if (a === null || b === null) expect(a).toBe(b);
          else expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a)));
        }
      }),
      { numRuns: 40 },
    );
  });
});

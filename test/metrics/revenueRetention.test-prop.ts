import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { revenueRetention } from "retention-metrics";
import { allNumbersFinite, frozen, period, purchase, shuffledWith } from "../arbitraries/records";

describe("revenueRetention (properties)", () => {
  it("bridges exactly, keeps GRR in [0, 1], and ignores row order", () => {
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 40 }), period, fc.array(fc.integer(), { minLength: 1 }), (rows, p, keys) => {
        const result = revenueRetention(rows, p);
        const bridge = result.baseRevenue.plus(result.expansion).minus(result.contraction).minus(result.churnedRevenue).plus(result.churnedRefunds);
        expect(bridge.eq(result.currentRevenue)).toBe(true);
        const c = result.customers;
        expect(c.expanded + c.flat + c.contracted + c.churned).toBe(c.base);
        if (result.grossRevenueRetention === null) expect(result.baseRevenue.isZero()).toBe(true);
        else {
          expect(result.grossRevenueRetention).toBeGreaterThanOrEqual(0);
          expect(result.grossRevenueRetention).toBeLessThanOrEqual(1);
        }
        if (result.quickRatio === null) expect(result.contraction.plus(result.churnedRevenue).isZero()).toBe(true);
        else expect(result.quickRatio * result.contraction.plus(result.churnedRevenue).toNumber()).toBeCloseTo(result.newCustomerRevenue.plus(result.expansion).plus(result.reactivation).toNumber(), 6);
        expect(allNumbersFinite(result)).toBe(true);
        expect(JSON.stringify(revenueRetention(frozen(shuffledWith(rows, keys)), p))).toBe(JSON.stringify(result));
      }),
      { numRuns: 150 },
    );
  });
});

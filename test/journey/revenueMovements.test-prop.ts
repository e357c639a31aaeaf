import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLedger, revenueMovements, revenueRetention, type RevenueMovementsOptions } from "retention-metrics";
import { allNumbersFinite, frozen, instant, purchase, shuffledWith } from "../arbitraries/records";

const options: fc.Arbitrary<RevenueMovementsOptions> = fc
  .record({ granularity: fc.constantFrom("day", "week", "month", "quarter"), start: instant, length: fc.integer({ min: 1, max: 200 * 86_400_000 }) })
  .map(({ granularity, start, length }) => ({ granularity, start: new Date(start), end: new Date(start + length) }));

describe("revenueMovements (properties)", () => {
  it("is revenueRetention with the period before as base, closes each bridge, and ignores row order", () => {
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 40 }), options, fc.array(fc.integer(), { minLength: 1 }), (rows, opts, keys) => {
        const ledger = createLedger(frozen(rows));
        const result = revenueMovements(ledger, opts);
        let baseStart = result.previousPeriod.start;
        for (const p of result.periods) {
          const r = revenueRetention(ledger, { start: p.start, end: p.end, baseWindow: p.start.getTime() - baseStart.getTime() });
          baseStart = p.start;
          expect([p.opening, p.new, p.reactivation, p.expansion, p.contraction, p.churned, p.churnedRefunds].map(String))
            .toEqual([r.baseRevenue, r.newCustomerRevenue, r.reactivation, r.expansion, r.contraction, r.churnedRevenue, r.churnedRefunds].map(String));
          expect(p.quickRatio).toBe(r.quickRatio);
          expect(p.customers).toEqual({ opening: r.customers.base, new: r.newCustomers, expanded: r.customers.expanded, reactivated: r.reactivatedCustomers, flat: r.customers.flat, contracted: r.customers.contracted, churned: r.customers.churned });
          const bridge = p.opening.plus(p.new).plus(p.reactivation).plus(p.expansion).minus(p.contraction).minus(p.churned).plus(p.churnedRefunds);
          expect(bridge.eq(p.closing)).toBe(true);
        }
        expect(allNumbersFinite(result)).toBe(true);
        expect(JSON.stringify(revenueMovements(frozen(shuffledWith(rows, keys)), opts))).toBe(JSON.stringify(result));
      }),
      { numRuns: 200 },
    );
  });
});

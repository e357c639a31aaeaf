import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { averageOrderValue, churnRate, purchaseFrequency, repeatPurchaseRate, retentionRate } from "retention-metrics";
import { allNumbersFinite, event, frozen, period, purchase, shuffledWith } from "../arbitraries/records";

const inRate = (value: number | null) => value === null || (value >= 0 && value <= 1);

describe("retention invariants", () => {
  it("rates lie in [0, 1], counts add up, and row order does not matter", () => {
    fc.assert(
      fc.property(
        fc.array(purchase, { maxLength: 40 }),
        fc.array(event, { maxLength: 15 }),
        period,
        fc.array(fc.integer(), { minLength: 1, maxLength: 40 }),
        (purchases, events, { start, end }, keys) => {
          const input = { purchases: frozen(purchases), events: frozen(events) };
          const result = retentionRate(input, { start, end });
          expect(inRate(result.rate) && inRate(result.churnRate)).toBe(true);
          expect(result.retainedCount + result.lostCount).toBe(result.startCount);
          expect(result.retainedCount + result.reactivatedCount).toBeLessThanOrEqual(result.endCount);
          if (result.rate !== null) expect(result.rate + result.churnRate!).toBeCloseTo(1, 12);
          else expect(result.startCount).toBe(0);
          expect(allNumbersFinite(result)).toBe(true);
          const shuffled = { purchases: shuffledWith(purchases, keys), events: shuffledWith(events, keys) };
          expect(retentionRate(shuffled, { start, end })).toEqual(result);
          expect(churnRate(input, { start, end }).rate).toBe(result.churnRate);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("order metric invariants", () => {
  it("repeat rate in [0, 1], frequency ≥ 1, AOV exact, independent of row order", () => {
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 40 }), period, fc.array(fc.integer(), { minLength: 1 }), (purchases, range, keys) => {
        const rows = frozen(purchases);
        const repeat = repeatPurchaseRate(rows, range);
        expect(inRate(repeat.rate)).toBe(true);
        const frequency = purchaseFrequency(rows, range);
        if (frequency.value !== null) expect(frequency.value).toBeGreaterThanOrEqual(1);
        else expect(frequency.customers).toBe(0);
        const aov = averageOrderValue(rows, range);
        const expectedCents = purchases
          .filter((p) => new Date(p.at as string) >= range.start && new Date(p.at as string) < range.end)
          .reduce((sum, p) => sum + Math.round(Number(p.amount) * 100), 0);
        expect(aov.revenue.times(100).toNumber()).toBe(expectedCents);
        const shuffled = shuffledWith(purchases, keys);
        expect(repeatPurchaseRate(shuffled, range)).toEqual(repeat);
        expect(averageOrderValue(shuffled, range)).toEqual(aov);
        expect(allNumbersFinite([repeat, frequency, aov.orders])).toBe(true);
        expect(aov.value === null || aov.value.isFinite()).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

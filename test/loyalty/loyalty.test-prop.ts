import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, discountProgramCost, frequencyTiers, milestones, volumeDiscount, type FrequencyProgram, type VolumeSchedule } from "retention-metrics";
import { allNumbersFinite, frozen, period, purchase, shuffledWith } from "../arbitraries/records";

/** A valid schedule: mins strictly increasing from 0 (in cents), rates in [0, 0.99]. */
const schedule: fc.Arbitrary<VolumeSchedule> = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 1, max: 100_000 }), { maxLength: 5 }), fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 6, maxLength: 6 }))
  .map(([mins, rates]) =>
    [0, ...mins.sort((a, b) => a - b)].map((min, i) => ({ min: (min / 100).toFixed(2), rate: (rates[i]! / 100).toFixed(2) })),
  );
const amount = fc.integer({ min: 0, max: 200_000 }).map((cents) => (cents / 100).toFixed(2));

const program: FrequencyProgram = {
  window: { days: 60 },
  tiers: [{ name: "member" }, { name: "silver", minOrders: 2, discountRate: 0.05 }, { name: "gold", minOrders: 4, minSpend: 300, discountRate: 0.15 }],
};

describe("volumeDiscount properties", () => {
  it("net ≤ gross, discount ≥ 0, no NaN, in both modes", () => {
    fc.assert(
      fc.property(schedule, amount, fc.constantFrom("all-units" as const, "incremental" as const), (steps, value, mode) => {
        const result = volumeDiscount(value, steps, { mode });
        expect(result.net.lte(result.gross)).toBe(true);
        expect(result.discount.isNegative()).toBe(false);
        expect(result.net.plus(result.discount).eq(result.gross)).toBe(true);
        expect(allNumbersFinite(result)).toBe(true);
        expect([result.gross, result.discount, result.net].every((d) => d.isFinite())).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("the incremental discount never falls as the value rises", () => {
    fc.assert(
      fc.property(schedule, amount, amount, (steps, x, y) => {
        const [low, high] = Number(x) <= Number(y) ? [x, y] : [y, x];
        const a = volumeDiscount(low, steps, { mode: "incremental" }).discount;
        const b = volumeDiscount(high, steps, { mode: "incremental" }).discount;
        expect(a.lte(b)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("discountProgramCost properties", () => {
  it("costs add up, stay within revenue, ignore rows after the period and row order", () => {
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 40 }), period, fc.array(fc.integer(), { minLength: 1 }), (rows, range, keys) => {
        const options = { ...range, margin: 0.4, retentionRate: 0.7, discountRate: 0.1 };
        const result = discountProgramCost(frozen(rows), program, options);
        const sum = result.byTier.reduce((total, tier) => total.plus(tier.discountCost), new Decimal(0));
        expect(sum.eq(result.discountCost)).toBe(true);
        expect(result.byTier.reduce((total, tier) => total + tier.orders, 0)).toBe(result.orders);
        expect(result.discountCost.lte(result.revenue)).toBe(true);
        expect(result.marginAfter.eq(result.marginBefore.minus(result.discountCost))).toBe(true);
        expect(allNumbersFinite(result)).toBe(true);
        const beforeEnd = rows.filter((row) => new Date(row.at as string).getTime() < range.end.getTime());
        expect(JSON.stringify(discountProgramCost(frozen(beforeEnd), program, options))).toBe(JSON.stringify(result));
        expect(JSON.stringify(discountProgramCost(shuffledWith(rows, keys), program, options))).toBe(JSON.stringify(result));
      }),
      { numRuns: 150 },
    );
  });
});

describe("frequencyTiers and milestones properties", () => {
  it("every customer is counted once, no NaN, entries sorted", () => {
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 40 }), period, (rows, range) => {
        const input = frozen(rows);
        const tiers = frequencyTiers(input, program, { asOf: range.end });
        expect(tiers.summary.reduce((total, tier) => total + tier.customers, 0)).toBe(tiers.customerCount);
        expect(allNumbersFinite(tiers)).toBe(true);
        const found = milestones(input, { asOf: range.start, birthdays: [{ customerId: "__proto__", month: 2, day: 29 }] });
        const times = found.entries.map((entry) => entry.date.getTime());
        expect(times.every((t, i) => i === 0 || times[i - 1]! <= t)).toBe(true);
        expect(allNumbersFinite(found)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { programRoi, retentionSpend, type Cost, type CustomerEvent } from "retention-metrics";
import { allNumbersFinite, customerId, frozen, instant, period, purchase, shuffledWith } from "../arbitraries/records";

const cost: fc.Arbitrary<Cost> = fc.record(
  {
    customerId: fc.oneof(customerId, fc.constant("stranger")),
    at: instant,
    amount: fc.integer({ min: 0, max: 50_000 }).map((c) => (c / 100).toFixed(2)),
    program: fc.constantFrom("club", "__proto__", "mail"),
    channel: fc.constantFrom("email", "constructor"),
  },
  { requiredKeys: ["at", "amount"] },
);
const join: fc.Arbitrary<CustomerEvent> = fc.record({ customerId, at: instant, type: fc.constant("program_join") });
const data = fc.record({ purchases: fc.array(purchase, { maxLength: 40 }), events: fc.array(join, { maxLength: 6 }), costs: fc.array(cost, { maxLength: 20 }) });
const keys = fc.array(fc.integer(), { minLength: 1, maxLength: 20 });

const spendOf = (input: Parameters<typeof retentionSpend>[0], p: { start: Date; end: Date }) => JSON.stringify(retentionSpend(input, { ...p, by: "program", margin: "0.4" }));
const roiOf = (input: Parameters<typeof programRoi>[0], p: { start: Date; end: Date }) => JSON.stringify(programRoi(input, { ...p, program: "club", margin: "0.4" }));

describe("retentionSpend and programRoi properties", () => {
  it("never give NaN or Infinity, and keep rates and shares in range", () => {
    fc.assert(
      fc.property(data, period, (input, p) => {
        const spend = retentionSpend(input, { ...p, by: "channel", margin: "0.4" });
        const roi = programRoi(input, { ...p, program: "club", margin: "0.4" });
        expect(allNumbersFinite(spend) && allNumbersFinite(roi)).toBe(true);
        for (const group of [roi.members, roi.baseline]) if (group.retention !== null) expect(group.retention).toBeGreaterThanOrEqual(0), expect(group.retention).toBeLessThanOrEqual(1);
        const shares = spend.groups.reduce((sum, g) => sum + (g.shareOfSpend ?? 0), 0);
        if (!spend.totalSpend.isZero()) expect(shares).toBeCloseTo(1, 12);
      }),
    );
  });

  it("total spend = customer + program-level + unknown-customer spend, and the groups add up to it", () => {
    fc.assert(
      fc.property(data, period, (input, p) => {
        const spend = retentionSpend(input, { ...p, by: "program" });
        expect(spend.customerSpend.plus(spend.programLevelSpend).plus(spend.unknownCustomerSpend).eq(spend.totalSpend)).toBe(true);
        expect(spend.groups.reduce((sum, g) => sum.plus(g.spend), spend.totalSpend.minus(spend.totalSpend)).eq(spend.totalSpend)).toBe(true);
      }),
    );
  });

  it("do not depend on row order and do not modify their input", () => {
    fc.assert(
      fc.property(data, period, keys, (input, p, order) => {
        const rows = { purchases: frozen(input.purchases), events: frozen(input.events), costs: frozen(input.costs) };
        const shuffled = { purchases: shuffledWith(rows.purchases, order), events: shuffledWith(rows.events, order), costs: shuffledWith(rows.costs, order) };
        expect(spendOf(shuffled, p)).toBe(spendOf(rows, p));
        expect(roiOf(shuffled, p)).toBe(roiOf(rows, p));
      }),
    );
  });

  it("treat __proto__ as an ordinary customer and program", () => {
    const input = {
      purchases: [{ customerId: "__proto__", at: "2024-01-05", amount: "10" }, { customerId: "__proto__", at: "2024-02-05", amount: "10" }],
      events: [{ customerId: "__proto__", at: "2024-01-06", type: "program_join" }],
      costs: [{ customerId: "__proto__", at: "2024-02-01", amount: "2", program: "__proto__" }],
    };
    const p = { start: "2024-02-01", end: "2024-03-01" };
    expect(retentionSpend(input, { ...p, by: "program" }).groups.map((g) => g.key)).toEqual(["__proto__"]);
    expect(programRoi(input, { ...p, program: "__proto__", margin: 1 }).cost.onMembers.toString()).toBe("2");
  });
});

import { describe, expect, it } from "vitest";
import { createLedger, RetentionInputError, RetentionOptionsError, revenueRetention, type Purchase } from "retention-metrics";

/*
 * Hand-worked: period February 2024 = [2024-02-01, 2024-03-01); default base window L = 29
 * days, so the base window is [2024-01-03, 2024-02-01).
 *
 *  customer   base window            current (Feb)          class
 *  a          100                    150                    expanded (+50)
 *  b          80                     80                     flat
 *  c          100                    60                     contracted (−40)
 *  d          50                     refund −30             churned (current ≤ 0): lost 50, refunds −30
 *  e          70                     0                      churned: lost 70
 *  __proto__  10.10                  10.10                  flat
 *  f          40 then refund −40 = 0 25                     not base (no positive base revenue) → new
 *  g          —                      30                     new
 *  h          60 on 01-02 (before)   20                     not base, ordered before the base window → reactivation
 *
 * base = 100 + 80 + 100 + 50 + 70 + 10.10 = 410.10; current = 150 + 80 + 60 − 30 + 0 + 10.10 = 270.10
 * expansion 50, contraction 40, churned 50 + 70 = 120, churnedRefunds −30
 * bridge: 410.10 + 50 − 40 − 120 − 30 = 270.10
 * NRR = 270.10 / 410.10; GRR = Σ min(max(cur, 0), base) = 100 + 80 + 60 + 0 + 0 + 10.10 = 250.10 → 250.10 / 410.10
 * newCustomerRevenue = 25 + 30 = 55 (f, g); reactivation = 20 (h). f's order of 01-10 is inside the
 * base window, so f is new, not reactivated (the base window's refund left f no base revenue).
 * Revenue quick ratio = (new 55 + expansion 50 + reactivation 20) ÷ (contraction 40 + churned 120)
 *                     = 125 ÷ 160 = 0.78125
 */
const purchases: Purchase[] = [
  { customerId: "a", at: "2024-01-10", amount: "100" },
  { customerId: "a", at: "2024-02-10", amount: "150" },
  { customerId: "b", at: "2024-01-15", amount: "80" },
  { customerId: "b", at: "2024-02-20", amount: "80" },
  { customerId: "c", at: "2024-01-20", amount: "100" },
  { customerId: "c", at: "2024-02-05", amount: "60" },
  { customerId: "d", at: "2024-01-25", amount: "50" },
  { customerId: "d", at: "2024-02-02", amount: "-30" },
  { customerId: "e", at: "2024-01-05", amount: "70" },
  { customerId: "__proto__", at: "2024-01-08", amount: "10.10" },
  { customerId: "__proto__", at: "2024-02-08", amount: "10.10" },
  { customerId: "f", at: "2024-01-10", amount: "40" },
  { customerId: "f", at: "2024-01-12", amount: "-40" },
  { customerId: "f", at: "2024-02-10", amount: "25" },
  { customerId: "g", at: "2024-02-15", amount: "30" },
  { customerId: "h", at: "2024-01-02", amount: "60" },
  { customerId: "h", at: "2024-02-12", amount: "20" },
];
const frozen = Object.freeze(purchases.map((row) => Object.freeze({ ...row })));
const february = { start: "2024-02-01", end: "2024-03-01" };

describe("revenueRetention", () => {
  it("classifies base customers and bridges revenue exactly (hand-worked, with refunds)", () => {
    const result = revenueRetention(frozen, february);
    expect(result.baseRevenue.toString()).toBe("410.1");
    expect(result.currentRevenue.toString()).toBe("270.1");
    expect(result.expansion.toString()).toBe("50");
    expect(result.contraction.toString()).toBe("40");
    expect(result.churnedRevenue.toString()).toBe("120");
    expect(result.churnedRefunds.toString()).toBe("-30");
    expect(result.newCustomerRevenue.toString()).toBe("55");
    expect(result.reactivation.toString()).toBe("20");
    expect(result.quickRatio).toBe(0.78125);
    expect(result.quickRatioReason).toBeNull();
    expect(result.netRevenueRetention).toBe(27_010 / 41_010);
    expect(result.grossRevenueRetention).toBe(25_010 / 41_010);
    expect(result.customers).toEqual({ base: 6, expanded: 1, flat: 2, contracted: 1, churned: 2 });
    expect(result.newCustomers).toBe(2);
    expect(result.reactivatedCustomers).toBe(1);
    expect(result.basePeriod).toEqual({ start: new Date("2024-01-03T00:00:00Z"), end: new Date("2024-02-01T00:00:00Z") });
    const bridge = result.baseRevenue.plus(result.expansion).minus(result.contraction).minus(result.churnedRevenue).plus(result.churnedRefunds);
    expect(bridge.eq(result.currentRevenue)).toBe(true);
  });

  it("takes a calendar baseWindow", () => {
    // { months: 1 }: base window [2024-01-01, 2024-02-01) now holds h's 60 → h contracted (20 < 60).
    const result = revenueRetention(frozen, { ...february, baseWindow: { months: 1 } });
    expect(result.baseRevenue.toString()).toBe("470.1");
    expect(result.customers).toEqual({ base: 7, expanded: 1, flat: 2, contracted: 2, churned: 2 });
    expect(result.newCustomerRevenue.toString()).toBe("55");
    expect(result.reactivation.toString()).toBe("0");
  });

  it("counts a customer back after a gap longer than the base window as reactivation, not new", () => {
    // x ordered in 2023-11, nothing in the base window [2024-01-01, 2024-02-01), 40 in February.
    const rows = [
      { customerId: "x", at: "2023-11-20", amount: "15" },
      { customerId: "x", at: "2024-02-03", amount: "40" },
      { customerId: "y", at: "2024-02-04", amount: "10" },
    ];
    const result = revenueRetention(rows, { ...february, baseWindow: { months: 1 } });
    expect(result.reactivation.toString()).toBe("40");
    expect(result.reactivatedCustomers).toBe(1);
    expect(result.newCustomerRevenue.toString()).toBe("10");
    expect(result.newCustomers).toBe(1);
    // Nothing lost: contraction + churned = 0.
    expect(result.quickRatio).toBeNull();
    expect(result.quickRatioReason).toMatch(/no revenue was lost/);
  });

  it("does not take a refund before the base window for an order", () => {
    // z's only row before the base window is a refund: not an order, so z is new in February.
    const rows = [
      { customerId: "z", at: "2023-12-20", amount: "-5" },
      { customerId: "z", at: "2024-02-03", amount: "40" },
    ];
    const result = revenueRetention(rows, { ...february, baseWindow: { months: 1 } });
    expect(result.newCustomerRevenue.toString()).toBe("40");
    expect(result.reactivation.toString()).toBe("0");
  });

  it("keeps money exact over many cent amounts", () => {
    const rows: Purchase[] = [];
    for (let i = 0; i < 1000; i++) {
      rows.push({ customerId: `c${i % 7}`, at: "2024-01-15", amount: "0.10" });
      rows.push({ customerId: `c${i % 7}`, at: "2024-02-15", amount: "0.20" });
    }
    const result = revenueRetention(createLedger({ purchases: rows }), february);
    expect(result.baseRevenue.toString()).toBe("100");
    expect(result.currentRevenue.toString()).toBe("200");
    expect(result.netRevenueRetention).toBe(2);
    expect(result.grossRevenueRetention).toBe(1);
  });

  it("gives null rates and zero money for empty input", () => {
    const result = revenueRetention([], february);
    expect(result.netRevenueRetention).toBeNull();
    expect(result.grossRevenueRetention).toBeNull();
    expect(result.baseRevenue.toString()).toBe("0");
    expect(result.customers).toEqual({ base: 0, expanded: 0, flat: 0, contracted: 0, churned: 0 });
    expect(result.reactivation.toString()).toBe("0");
    expect(result.quickRatio).toBeNull();
    expect(result.currency).toBeNull();
  });

  it("rejects bad options and rows with typed errors", () => {
    expect(() => revenueRetention(purchases, { start: "2024-03-01", end: "2024-02-01" })).toThrow(RetentionOptionsError);
    try {
      revenueRetention(purchases, { ...february, baseWindow: 0 });
      expect.unreachable();
    } catch (error) {
      expect((error as RetentionOptionsError).option).toBe("baseWindow");
    }
    expect(() => revenueRetention([{ customerId: "a", at: "2024-01-01", amount: "ten" }], february)).toThrow(RetentionInputError);
  });
});

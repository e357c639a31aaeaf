import { describe, expect, it } from "vitest";
import { historicalClv, RetentionOptionsError } from "../../src/index";

describe("historicalClv", () => {
  const rows = Object.freeze([
    Object.freeze({ customerId: "a", at: "2024-01-01", amount: "100.00", cost: "60.00" }),
    Object.freeze({ customerId: "a", at: "2024-07-01", amount: "50.00" }),
    Object.freeze({ customerId: "a", at: "2024-08-01", amount: "-10.00" }),
    Object.freeze({ customerId: "__proto__", at: "2024-12-31", amount: "0.10", cost: "0.05" }),
    Object.freeze({ customerId: "__proto__", at: "2024-12-31", amount: "0.20", cost: "0.05" }),
    Object.freeze({ customerId: "late", at: "2025-06-01", amount: "5" }),
  ]);

  it("sums revenue exactly and values rows without cost at `margin` (hand-worked)", () => {
    const result = historicalClv(rows, { asOf: "2024-12-31", margin: 0.3 });
    const a = result.customers.find((c) => c.customerId === "a")!;
    // revenue 100 + 50 − 10 = 140; margin (100 − 60) + 0.3 × (50 − 10) = 52
    expect(a.revenue.toString()).toBe("140");
    expect(a.grossMargin!.toString()).toBe("52");
    expect(a.orders).toBe(2);
    // 2024-01-01 → 2024-12-31 is 365 days; 140 / (365/365.25) = 140.0958904…
    expect(a.tenureDays).toBe(365);
    expect(a.revenuePerYear!.toFixed(4)).toBe("140.0959");
    const proto = result.customers.find((c) => c.customerId === "__proto__")!;
    // 0.10 + 0.20 = 0.30 exactly (no float drift); margin 0.05 + 0.15 = 0.20; tenure 0 → per year null
    expect(proto.revenue.toString()).toBe("0.3");
    expect(proto.grossMargin!.toString()).toBe("0.2");
    expect(proto.revenuePerYear).toBeNull();
    expect(result).toMatchObject({ customerCount: 2, orders: 4, rowsWithoutCost: 2 });
    expect(result.revenue.toString()).toBe("140.3");
    expect(result.averageRevenue!.toString()).toBe("70.15");
    expect(result.averageOrders).toBe(2);
  });

  it("leaves the margin null when a row has no cost and no margin is given", () => {
    const result = historicalClv(rows, { asOf: "2024-12-31" });
    expect(result.customers.find((c) => c.customerId === "a")!.grossMargin).toBeNull();
    expect(result.grossMargin).toBeNull();
    expect(result.averageGrossMargin).toBeNull();
  });

  it("gives nulls, not NaN, for empty input", () => {
    expect(historicalClv([], { asOf: "2024-01-01" })).toMatchObject({ customers: [], customerCount: 0, averageRevenue: null, averageOrders: null });
  });

  it("refuses a margin outside [0, 1] and a bad asOf", () => {
    expect(() => historicalClv(rows, { asOf: "2024-12-31", margin: 1.5 })).toThrow(RetentionOptionsError);
    expect(() => historicalClv(rows, { asOf: "tomorrow" })).toThrow(/asOf/);
  });
});

import { describe, expect, it } from "vitest";
import { classifyDefections, loyalCustomers, RetentionOptionsError, type Purchase } from "retention-metrics";

const buy = (customerId: string, at: string, amount: string): Purchase => ({ customerId, at, amount });
const monthly = (id: string, amount: string, months: number[]) => months.map((m) => buy(id, `2024-${String(m).padStart(2, "0")}-01`, amount));

// As of 2024-06-15 (revenue: big 500, lapsed 300, few 120, small 50, tiny 30; total 1000):
// - big: 5 monthly orders, last 06-01 → active;   - lapsed: 3 orders Jan–Mar, monthly gap → defected;
// - few: 2 orders, active but below minOrders;     - small, tiny: outside the top-80 % set.
const purchases = [
  ...monthly("big", "100", [2, 3, 4, 5, 6]),
  ...monthly("lapsed", "100", [1, 2, 3]),
  ...monthly("few", "60", [5, 6]),
  ...monthly("small", "10", [2, 3, 4, 5, 6]),
  ...monthly("tiny", "10", [4, 5, 6]),
];

describe("loyalCustomers", () => {
  it("keeps the top-value set ∩ active ∩ ≥ minOrders, sorted by value", () => {
    const result = loyalCustomers(purchases, { asOf: "2024-06-15" });
    // Pareto set for 80 %: 500 + 300 = 800 ≥ 800 → big and lapsed; lapsed has defected.
    expect(result.topValueCustomers).toBe(2);
    expect(result.customers.map((c) => [c.customerId, c.value.toString(), c.orders, c.shareOfRevenue])).toEqual([["big", "500", 5, 0.5]]);
    expect([result.count, result.totalCustomers, result.shareOfCustomers, result.shareOfRevenue]).toEqual([1, 5, 0.2, 0.5]);
    expect(result.totalRevenue.toString()).toBe("1000");
  });

  it("valueShare and minOrders widen the set", () => {
    // 95 %: 500 + 300 + 120 + 50 = 970 ≥ 950 → four customers; with minOrders 2, few joins big (small has 5 orders too).
    const result = loyalCustomers(purchases, { asOf: "2024-06-15", valueShare: 0.95, minOrders: 2 });
    expect(result.customers.map((c) => c.customerId)).toEqual(["big", "few", "small"]);
  });

  it("reuses a classification the caller already has", () => {
    const asOf = "2024-06-15";
    const classifications = classifyDefections(purchases, { asOf });
    expect(loyalCustomers(purchases, { asOf, classifications })).toEqual(loyalCustomers(purchases, { asOf }));
  });

  it("uses only rows at or before asOf", () => {
    const result = loyalCustomers([...purchases, buy("late", "2024-07-01", "5000")], { asOf: "2024-06-15" });
    expect(result.totalRevenue.toString()).toBe("1000");
  });

  it("handles empty input, __proto__ and frozen rows", () => {
    expect(loyalCustomers([], { asOf: "2024-06-15" })).toMatchObject({ count: 0, totalCustomers: 0, shareOfCustomers: null, shareOfRevenue: null });
    const rows = Object.freeze(monthly("__proto__", "100", [3, 4, 5, 6]).map((r) => Object.freeze(r)));
    expect(loyalCustomers(rows, { asOf: "2024-06-15" }).customers.map((c) => c.customerId)).toEqual(["__proto__"]);
  });

  it("rejects bad options", () => {
    expect(() => loyalCustomers(purchases, {} as never)).toThrow(/asOf/);
    expect(() => loyalCustomers(purchases, { asOf: "2024-06-15", valueShare: 0 })).toThrow(RetentionOptionsError);
    expect(() => loyalCustomers(purchases, { asOf: "2024-06-15", minOrders: 0 })).toThrow(/minOrders/);
  });
});

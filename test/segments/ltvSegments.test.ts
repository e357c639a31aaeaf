import { describe, expect, it } from "vitest";
import { Decimal, JsonMap, ltvSegments, RetentionInputError, RetentionOptionsError, type Purchase } from "retention-metrics";

const buy = (customerId: string, amount: string, cost?: string): Purchase =>
  cost === undefined ? { customerId, at: "2024-01-01", amount } : { customerId, at: "2024-01-01", amount, cost };
const summary = (result: ReturnType<typeof ltvSegments>) => result.tiers.map((t) => [t.name, t.customers, t.value.toString()]);

describe("ltvSegments: pareto", () => {
  it("a heavy head: one customer holds 80 % on their own", () => {
    // Values 900, 50, 30, 20 (total 1000): 900 ≥ 0.8 × 1000, so the head is one customer.
    const result = ltvSegments(new Map([["a", 900], ["b", 50], ["c", 30], ["d", 20]]), { method: "pareto" });
    expect(summary(result)).toEqual([["top", 1, "900"], ["rest", 3, "100"]]);
    expect(result.tiers[0]!.shareOfValue).toBe(0.9);
    expect(result.tiers[0]!.shareOfCustomers).toBe(0.25);
    // Gini on 20, 30, 50, 900: 2(1·20 + 2·30 + 3·50 + 4·900)/(4·1000) − 5/4 = 7660/4000 − 1.25 = 0.665.
    expect(result.concentration.gini).toBeCloseTo(0.665, 12);
    // Top 1 %, 10 %, 20 % of 4 customers is ⌈0.04⌉ = ⌈0.4⌉ = ⌈0.8⌉ = 1 customer.
    expect(result.concentration.top20PctShare).toBe(0.9);
  });

  it("equal values: the smallest set reaching the share, ties cut by customer id", () => {
    // Ten customers of 10: 8 reach 80 %; the first 8 ids are in the head.
    const values = Array.from({ length: 10 }, (_, i) => ({ customerId: `c${i}`, value: "10" }));
    const result = ltvSegments(values, { by: "clv", method: "pareto" });
    expect(summary(result)).toEqual([["top", 8, "80"], ["rest", 2, "20"]]);
    expect(result.assignments.get("c7")).toBe("top");
    expect(result.assignments.get("c8")).toBe("rest");
    expect(result.concentration.gini).toBe(0);
    expect(ltvSegments(values, { by: "clv", method: "pareto", share: 0.81, tiers: ["vip", "others"] }).tiers.map((t) => [t.name, t.customers])).toEqual([
      ["vip", 9],
      ["others", 1],
    ]);
  });
});

describe("ltvSegments: quantile and thresholds", () => {
  it("quantile tiers hold equal counts, ties together", () => {
    const result = ltvSegments([buy("a", "40"), buy("b", "30"), buy("c", "20"), buy("d", "10")], { method: "quantile", tiers: 2 });
    expect(summary(result)).toEqual([["tier 1", 2, "70"], ["tier 2", 2, "30"]]);
    // Ties: values 40, 30, 30, 10 — the 30s share a tier (first of them at position 1 → tier floor(2·1/4) = 0).
    const tied = ltvSegments(new Map([["a", 40], ["b", 30], ["c", 30], ["d", 10]]), { method: "quantile", tiers: ["high", "low"] });
    expect(summary(tied)).toEqual([["high", 3, "100"], ["low", 1, "10"]]);
    expect(tied.tiers[0]!.min!.toString()).toBe("30");
    expect(tied.tiers[0]!.max!.toString()).toBe("40");
  });

  it("thresholds: the tier with the highest min at or below the value; below all, rest", () => {
    const result = ltvSegments(new Map([["a", 500], ["b", 100], ["c", 99.99], ["d", 5]]), {
      method: "thresholds",
      tiers: [{ name: "silver", min: 100 }, { name: "gold", min: "500" }],
    });
    expect(summary(result)).toEqual([["gold", 1, "500"], ["silver", 1, "100"], ["rest", 2, "104.99"]]);
    expect(ltvSegments(new Map([["a", 1]]), { method: "thresholds", tiers: [{ name: "big", min: 10 }] }).tiers[0]).toMatchObject({ customers: 0, min: null, max: null, shareOfValue: 0 });
  });

  it("by margin subtracts cost, and needs it on every row", () => {
    const result = ltvSegments([buy("a", "10.00", "4.25"), buy("b", "3", "1")], { by: "margin", method: "quantile", tiers: 1 });
    expect(result.totalValue.toString()).toBe("7.75");
    expect(() => ltvSegments([buy("a", "10", "4"), buy("b", "3")], { by: "margin", method: "pareto" })).toThrow(/purchases\[1\]\.cost/);
  });
});

describe("ltvSegments: results and inputs", () => {
  it("assignments is a Map that serialises to [customerId, tier] pairs", () => {
    const result = ltvSegments(new Map([["__proto__", 5], ["constructor", 1]]), { method: "pareto" });
    expect(result.assignments).toBeInstanceOf(JsonMap);
    expect(result.assignments.get("__proto__")).toBe("top");
    const json = JSON.parse(JSON.stringify(result));
    expect(json.assignments).toEqual([["__proto__", "top"], ["constructor", "rest"]]);
    expect(new Map(json.assignments).get("constructor")).toBe("rest");
    expect(json.totalValue).toBe("6");
  });

  it("empty input: empty tiers and null shares", () => {
    const result = ltvSegments([], { method: "quantile" });
    expect(result.customers).toBe(0);
    expect(result.tiers.map((t) => [t.customers, t.shareOfCustomers, t.shareOfValue])).toEqual(Array(4).fill([0, null, null]));
    expect(result.concentration).toEqual({ top1PctShare: null, top10PctShare: null, top20PctShare: null, gini: null });
  });

  it("negative values: gini is null, a non-positive total leaves the pareto head empty", () => {
    expect(ltvSegments(new Map([["a", 10], ["b", -2]]), { method: "pareto" }).concentration.gini).toBeNull();
    expect(summary(ltvSegments(new Map([["a", 1], ["b", -2]]), { method: "pareto" }))).toEqual([["top", 0, "0"], ["rest", 2, "-1"]]);
  });

  it("accepts Decimal values, frozen rows and any row order", () => {
    const rows = [buy("a", "40"), buy("b", "30"), buy("a", "-5"), buy("c", "20")];
    const frozen = Object.freeze(rows.map((r) => Object.freeze({ ...r })));
    expect(ltvSegments(frozen, { method: "pareto" })).toEqual(ltvSegments([...rows].reverse(), { method: "pareto" }));
    expect(ltvSegments(new Map([["a", new Decimal("1.5")]]), { method: "pareto" }).totalValue.toString()).toBe("1.5");
  });

  it("rejects bad supplied values with RetentionInputError naming the entry", () => {
    expect(() => ltvSegments([{ customerId: "a", value: 1 }, { customerId: "a", value: 2 }], { by: "clv", method: "pareto" })).toThrow(/values\[1\]\.customerId/);
    expect(() => ltvSegments([{ customerId: "a", value: "x" }], { by: "clv", method: "pareto" })).toThrow(RetentionInputError);
    expect(() => ltvSegments(new Map([["", 1]]), { method: "pareto" })).toThrow(/values\[0\]\.customerId/);
  });

  it("rejects bad options with RetentionOptionsError", () => {
    const values = new Map([["a", 1]]);
    const bad: object[] = [
      { method: "median" },
      { method: "pareto", share: 0 },
      { method: "pareto", share: 1.5 },
      { method: "pareto", tiers: ["only"] },
      { method: "quantile", tiers: 0 },
      { method: "quantile", tiers: ["a", "a"] },
      { method: "thresholds" },
      { method: "thresholds", tiers: [{ name: "x", min: "abc" }] },
      { method: "thresholds", tiers: [{ name: "rest", min: 1 }] },
      { method: "pareto", by: "profit" },
      { method: "pareto", by: "revenue" },
    ];
    for (const options of bad) expect(() => ltvSegments(values, options as never), JSON.stringify(options)).toThrow(RetentionOptionsError);
  });
});

import { describe, expect, it } from "vitest";
import { discountProgramCost, retentionClv, RetentionOptionsError, type FrequencyProgram, type Purchase } from "retention-metrics";

const frozen = <T extends object>(rows: T[]): readonly T[] => Object.freeze(rows.map((row) => Object.freeze({ ...row })));
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

const vip: FrequencyProgram = { window: { days: 365 }, tiers: [{ name: "member" }, { name: "vip", minOrders: 1, discountRate: 0.1 }] };
const purchases: readonly Purchase[] = frozen([
  { customerId: "a", at: "2023-12-01", amount: "100" }, // history: counts for the tier, not replayed
  { customerId: "a", at: "2024-01-10", amount: "100" },
  { customerId: "a", at: "2024-02-10", amount: "200" },
  { customerId: "__proto__", at: "2024-01-05", amount: "50" },
  { customerId: "__proto__", at: "2024-03-01", amount: "-20" }, // refund: not re-priced, not revenue
  { customerId: "a", at: "2025-01-01", amount: "999" }, // at `end`: outside
]);
const period = { start: "2024-01-01", end: "2025-01-01" };

describe("discountProgramCost with a frequency program", () => {
  const result = discountProgramCost(purchases, vip, { ...period, margin: 0.5, retentionRate: 0.6, discountRate: 0.1 });

  it("prices every replayed order at the tier held just before it", () => {
    // a's two 2024 orders each follow an order within 365 days → vip: 0.1 × (100 + 200) = 30.
    // __proto__ had no earlier order → member, no discount.
    expect(result).toMatchObject({ program: "frequency", orders: 3, customers: 2, discountedOrders: 2 });
    expect(json(result.byTier)).toEqual([
      { tier: "member", orders: 1, revenue: "50", discountCost: "0" },
      { tier: "vip", orders: 2, revenue: "300", discountCost: "30" },
      { tier: null, orders: 0, revenue: "0", discountCost: "0" },
    ]);
    expect([result.revenue, result.discountCost, result.marginBefore, result.marginAfter].map(String)).toEqual(["350", "30", "175", "145"]);
  });

  it("computes the break-even three ways", () => {
    // average margin per discounted order = (0.5 × 300 − 30) / 2 = 60; extra orders = 30 / 60 = 0.5
    expect(result.breakEven.averageMarginPerDiscountedOrder!.toString()).toBe("60");
    expect(result.breakEven.extraOrders).toBe(0.5);
    expect(result.breakEven.frequencyLift).toBeCloseTo(0.5 / 3, 15);
    // m0 = 175/2 = 87.5, m1 = 145/2 = 72.5, CLV0 = 87.5·0.6/(1.1 − 0.6) = 105,
    // r* = 105·1.1/(72.5 + 105) = 0.6507042…, lift = 0.0507042…
    expect(result.breakEven.retentionLiftPoints).toBeCloseTo(115.5 / 177.5 - 0.6, 12);
    const restored = retentionClv({ margin: 72.5, retentionRate: 0.6 + result.breakEven.retentionLiftPoints!, discountRate: 0.1 });
    expect(restored.toFixed(6)).toBe("105.000000");
  });

  it("gives retentionLiftPoints null without retention and discount rates", () => {
    const bare = discountProgramCost(purchases, vip, { ...period, margin: 0.5 });
    expect(bare.breakEven.retentionLiftPoints).toBeNull();
    expect(bare.breakEven.extraOrders).toBe(0.5);
  });

  it("gives null break-evens when the discount eats the whole margin", () => {
    const thin = discountProgramCost(purchases, vip, { ...period, margin: 0.05, retentionRate: 0.6, discountRate: 0.1 });
    // 0.05 × 300 − 30 < 0: no number of extra discounted orders pays for the program
    expect(thin.breakEven).toMatchObject({ extraOrders: null, frequencyLift: null, retentionLiftPoints: null });
  });
});

describe("no look-ahead in the replay", () => {
  const program: FrequencyProgram = { tiers: [{ name: "silver", minOrders: 2, discountRate: 0.1 }] };
  const days = frozen(
    ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"].map((at) => ({ customerId: "a", at, amount: "100" })),
  );

  it("never lets an order earn its own tier", () => {
    // orders before each: 0, 1, 2, 3 → only the 3rd and 4th are silver: 0.1 × 200 = 20 (30 with look-ahead)
    const result = discountProgramCost(days, program, { ...period, margin: 0.4 });
    expect(result.discountCost.toString()).toBe("20");
    expect(result.byTier.map((tier) => tier.orders)).toEqual([2, 2]);
  });

  it("is unchanged by anything after the period, and orders at the same instant do not count each other", () => {
    const later = frozen([...days, { customerId: "a", at: "2024-06-01", amount: "900" }]);
    const early = discountProgramCost(days, program, { start: "2024-01-01", end: "2024-01-03T12:00:00Z", margin: 0.4 });
    expect(json(discountProgramCost(later, program, { start: "2024-01-01", end: "2024-01-03T12:00:00Z", margin: 0.4 }))).toEqual(json(early));
    const same = frozen(["a", "b", "c"].map((orderId) => ({ customerId: "a", orderId, at: "2024-05-05T10:00:00Z", amount: "10" })));
    expect(discountProgramCost(same, program, { ...period, margin: 0.4 }).discountCost.isZero()).toBe(true);
  });
});

describe("discountProgramCost with a volume schedule", () => {
  const schedule = [{ min: 0, rate: 0 }, { min: 100, rate: 0.05 }, { min: 200, rate: 0.1 }];

  it("applies the schedule to each order's own amount (all-units by default)", () => {
    // 100 → 5, 200 → 20, 50 → 0
    const result = discountProgramCost(purchases, schedule, { ...period, margin: 0.5 });
    expect(result.program).toBe("volume");
    expect(json(result.byTier)).toEqual([
      { tier: "0", orders: 1, revenue: "50", discountCost: "0" },
      { tier: "100", orders: 1, revenue: "100", discountCost: "5" },
      { tier: "200", orders: 1, revenue: "200", discountCost: "20" },
    ]);
    expect(result.discountedOrders).toBe(2);
  });

  it("slices each order in incremental mode", () => {
    // 100 → 0 (empty slice), 200 → 0.05 × 100 = 5, 50 → 0
    const result = discountProgramCost(purchases, schedule, { ...period, margin: 0.5, mode: "incremental" });
    expect(result.discountCost.toString()).toBe("5");
    expect(result.discountedOrders).toBe(1);
  });

  it("sums the rows of a multi-row order before choosing the tier", () => {
    const rows = frozen([
      { customerId: "x", orderId: "o1", at: "2024-04-01T10:00:00Z", amount: "60" },
      { customerId: "x", orderId: "o1", at: "2024-04-01T10:00:00Z", amount: "60" },
    ]);
    // one order of 120 → 5% → 6
    const result = discountProgramCost(rows, schedule, { ...period, margin: 0.5 });
    expect([result.orders, result.revenue.toString(), result.discountCost.toString()]).toEqual([1, "120", "6"]);
  });
});

describe("discountProgramCost edge cases", () => {
  it("answers empty input with zero orders and null ratios", () => {
    const empty = discountProgramCost([], vip, { ...period, margin: 0.5, retentionRate: 0.6, discountRate: 0.1 });
    expect(empty).toMatchObject({ orders: 0, customers: 0, discountedOrders: 0 });
    expect(empty.breakEven).toMatchObject({ extraOrders: 0, frequencyLift: null, retentionLiftPoints: null, averageMarginPerDiscountedOrder: null });
  });

  it("rejects bad options", () => {
    expect(() => discountProgramCost(purchases, vip, { ...period, margin: 1.5 })).toThrow(RetentionOptionsError);
    expect(() => discountProgramCost(purchases, vip, { start: period.end, end: period.start, margin: 0.5 })).toThrow(/end/);
    expect(() => discountProgramCost(purchases, vip, { ...period, margin: 0.5, retentionRate: 1 })).toThrow(/retentionRate/);
    expect(() => discountProgramCost(purchases, [{ min: 5, rate: 0 }], { ...period, margin: 0.5 })).toThrow(/schedule\[0\]\.min/);
  });
});

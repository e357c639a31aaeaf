import { describe, expect, it } from "vitest";
import { RetentionOptionsError, volumeDiscount, type VolumeSchedule } from "retention-metrics";

const schedule: VolumeSchedule = Object.freeze([
  Object.freeze({ min: 0, rate: 0 }),
  Object.freeze({ min: 100, rate: "0.05" }),
  Object.freeze({ min: 500, rate: 0.1 }),
]);

const plain = (value: ReturnType<typeof volumeDiscount>) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

describe("volumeDiscount, all-units, at every tier boundary", () => {
  it.each([
    // value, tier, rate, discount, net: discount = value × rate of the tier reached
    ["0", 0, 0, "0", "0"],
    ["99.99", 0, 0, "0", "99.99"],
    ["100", 1, 0.05, "5", "95"], // 100 × 0.05
    ["499.99", 1, 0.05, "25", "474.99"], // 499.99 × 0.05 = 24.9995 → 25.00 (2 digits)
    ["500", 2, 0.1, "50", "450"], // 500 × 0.10
    ["600", 2, 0.1, "60", "540"],
  ])("value %s", (value, tier, rate, discount, net) => {
    const result = volumeDiscount(value, schedule);
    expect(result.tier).toBe(tier);
    expect(result.rate).toBe(rate);
    expect(result.gross.eq(value)).toBe(true);
    expect(result.discount.toString()).toBe(discount);
    expect(result.net.toString()).toBe(net);
    expect(result.mode).toBe("all-units");
  });

  it("reports the next tier and what is still needed", () => {
    expect(plain(volumeDiscount("99.99", schedule)).nextTier).toEqual({ min: "100", rate: 0.05, needed: "0.01" });
    expect(plain(volumeDiscount(100, schedule)).nextTier).toEqual({ min: "500", rate: 0.1, needed: "400" });
    expect(volumeDiscount(500, schedule).nextTier).toBeNull();
  });

  it("gives a null effective rate for an empty order instead of 0/0", () => {
    const result = volumeDiscount(0, schedule);
    expect(result.effectiveRate).toBeNull();
    expect(volumeDiscount(250, schedule).effectiveRate).toBe(0.05);
  });
});

describe("volumeDiscount, incremental (tax brackets), at every tier boundary", () => {
  it.each([
    ["0", 0, "0"],
    ["99.99", 0, "0"],
    ["100", 1, "0"], // the slice above 100 is empty
    ["499.99", 1, "20"], // 0.05 × 399.99 = 19.9995 → 20.00
    ["500", 2, "20"], // 0.05 × 400 + 0.10 × 0
    ["600", 2, "30"], // 0.05 × 400 + 0.10 × 100 = 20 + 10
  ])("value %s", (value, tier, discount) => {
    const result = volumeDiscount(value, schedule, { mode: "incremental" });
    expect(result.tier).toBe(tier);
    expect(result.discount.toString()).toBe(discount);
    expect(result.net.toString()).toBe(result.gross.minus(discount).toString());
  });

  it("has an effective rate below the top rate", () => {
    expect(volumeDiscount(600, schedule, { mode: "incremental" }).effectiveRate).toBe(0.05); // 30 / 600
  });
});

describe("volumeDiscount rounding", () => {
  it("rounds half-even to cents by default and follows `rounding`", () => {
    // 100.10 × 0.05 = 5.005: half-even keeps 5.00, half-up gives 5.01
    expect(volumeDiscount("100.10", schedule).discount.toFixed(2)).toBe("5.00");
    expect(volumeDiscount("100.10", schedule, { rounding: "half-up" }).discount.toFixed(2)).toBe("5.01");
    expect(volumeDiscount("100.30", schedule, { rounding: "floor" }).discount.toFixed(2)).toBe("5.01"); // 5.015
  });

  it("rounds to whole units with minorUnitDigits 0 (yen)", () => {
    // 210 × 0.05 = 10.5 → 10 (half-even) or 11 (half-up)
    expect(volumeDiscount(210, schedule, { minorUnitDigits: 0 }).discount.toString()).toBe("10");
    expect(volumeDiscount(210, schedule, { minorUnitDigits: 0, rounding: "half-up" }).discount.toString()).toBe("11");
  });
});

describe("volumeDiscount on quantity", () => {
  const bulk: VolumeSchedule = [{ min: 0, rate: 0 }, { min: 10, rate: 0.1 }];

  it("prices the order with unitPrice", () => {
    // 12 × 2.50 = 30; all-units: 30 × 0.1 = 3; incremental: (12 − 10) × 2.50 × 0.1 = 0.50
    const all = volumeDiscount(12, bulk, { basis: "quantity", unitPrice: "2.50" });
    expect([all.gross.toString(), all.discount.toString(), all.net.toString()]).toEqual(["30", "3", "27"]);
    const inc = volumeDiscount(12, bulk, { basis: "quantity", unitPrice: "2.50", mode: "incremental" });
    expect(inc.discount.toString()).toBe("0.5");
    expect(plain(volumeDiscount(9, bulk, { basis: "quantity", unitPrice: 2 })).nextTier).toEqual({ min: "10", rate: 0.1, needed: "1" });
  });

  it("requires a unitPrice", () => {
    expect(() => volumeDiscount(12, bulk, { basis: "quantity" })).toThrow(/unitPrice/);
  });
});

describe("one-tier schedules", () => {
  it("apply the one rate to everything in both modes", () => {
    const flat = [{ min: 0, rate: 0.1 }];
    for (const mode of ["all-units", "incremental"] as const) {
      const result = volumeDiscount("250", flat, { mode });
      expect([result.tier, result.discount.toString(), result.net.toString(), result.nextTier]).toEqual([0, "25", "225", null]);
    }
    expect(volumeDiscount(40, [{ min: 0, rate: 0 }]).discount.isZero()).toBe(true);
  });
});

describe("rejected schedules and options", () => {
  const rejects = (value: unknown, option: string) => {
    try {
      volumeDiscount(100, value as VolumeSchedule);
    } catch (error) {
      expect(error).toBeInstanceOf(RetentionOptionsError);
      expect((error as RetentionOptionsError).option).toBe(option);
      return;
    }
    throw new Error("expected a RetentionOptionsError");
  };

  it("names the entry and field", () => {
    rejects([], "schedule");
    rejects("0:0.1", "schedule");
    rejects([{ min: 10, rate: 0.1 }], "schedule[0].min");
    rejects([{ min: 0, rate: 0 }, { min: 100, rate: 0.1 }, { min: 100, rate: 0.2 }], "schedule[2].min");
    rejects([{ min: 0, rate: 0 }, { min: 100, rate: 0.1 }, { min: 50, rate: 0.2 }], "schedule[2].min");
    rejects([{ min: 0, rate: 0 }, { min: 100, rate: 1 }], "schedule[1].rate");
    rejects([{ min: 0, rate: -0.1 }], "schedule[0].rate");
    rejects([{ min: 0, rate: 0 }, { min: "abc", rate: 0.1 }], "schedule[1].min");
    rejects([{ min: 0, rate: 0 }, null], "schedule[1]");
    rejects([{ min: 0 }], "schedule[0].rate");
  });

  it("rejects bad values and options", () => {
    expect(() => volumeDiscount(-1, schedule)).toThrow(RetentionOptionsError);
    expect(() => volumeDiscount(Number.NaN, schedule)).toThrow(/value/);
    expect(() => volumeDiscount(1, schedule, { mode: "stepped" as "incremental" })).toThrow(/mode/);
    expect(() => volumeDiscount(1, schedule, { basis: "weight" as "amount" })).toThrow(/basis/);
    expect(() => volumeDiscount(1, schedule, { minorUnitDigits: 1.5 })).toThrow(/minorUnitDigits/);
    expect(() => volumeDiscount(1, schedule, { rounding: "bankers" as "half-even" })).toThrow(/rounding/);
  });
});

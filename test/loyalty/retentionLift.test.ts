import { describe, expect, it } from "vitest";
import { RetentionOptionsError, retentionLiftImpact, retentionLiftTable } from "retention-metrics";

describe("retentionLiftImpact", () => {
  it("matches the docs check: 266.67 → 340.00 (+27.5%)", () => {
    // CLV = m·r/(1+d−r): 100·0.80/0.30 = 266.67; 100·0.85/0.25 = 340.00; 73.33/266.67 = 27.5%
    const impact = retentionLiftImpact({ margin: 100, retentionRate: 0.8, discountRate: 0.1, lift: 0.05 });
    expect([impact.before.toFixed(2), impact.after.toFixed(2), impact.change.toFixed(2)]).toEqual(["266.67", "340.00", "73.33"]);
    expect(impact.changePct).toBeCloseTo(27.5, 10);
    expect([impact.retentionBefore, impact.retentionAfter, impact.liftMode]).toEqual([0.8, 0.85, "points"]);
    // the often-quoted range (Reichheld, Bain & Company): 5 points more retention, 25–95% more profit
    expect(impact.changePct! >= 25 && impact.changePct! <= 95).toBe(true);
  });

  it("reads a relative lift as r · (1 + lift)", () => {
    // 0.80 · 1.05 = 0.84: 100·0.84/0.26 = 323.08
    const impact = retentionLiftImpact({ margin: "100", retentionRate: "0.8", discountRate: "0.1", lift: "0.05", liftMode: "relative" });
    expect(impact.retentionAfter).toBe(0.84);
    expect(impact.after.toFixed(2)).toBe("323.08");
  });

  it("gives changePct null when the CLV before is 0", () => {
    const impact = retentionLiftImpact({ margin: 100, retentionRate: 0, discountRate: 0.1, lift: 0.1 });
    expect(impact.before.isZero()).toBe(true);
    expect(impact.changePct).toBeNull();
  });

  it("rejects lifts that take retention out of [0, 1) and bad inputs", () => {
    expect(() => retentionLiftImpact({ margin: 100, retentionRate: 0.8, discountRate: 0.1, lift: 0.2 })).toThrow(RetentionOptionsError);
    expect(() => retentionLiftImpact({ margin: 100, retentionRate: 0.8, discountRate: 0.1, lift: -0.9 })).toThrow(/lift/);
    expect(() => retentionLiftImpact({ margin: 100, retentionRate: 1.2, discountRate: 0.1, lift: 0 })).toThrow(/retentionRate/);
    expect(() => retentionLiftImpact({ margin: 100, retentionRate: 0.8, discountRate: 0.1, lift: 0, liftMode: "pct" as "points" })).toThrow(/liftMode/);
  });
});

describe("retentionLiftTable", () => {
  it("returns one row per lift, in order", () => {
    // 100·0.81/0.29 = 279.31; 100·0.85/0.25 = 340.00; 100·0.90/0.20 = 450.00
    const rows = retentionLiftTable({ margin: 100, retentionRate: 0.8, discountRate: 0.1, lifts: [0.01, 0.05, 0.1] });
    expect(rows.map((row) => row.after.toFixed(2))).toEqual(["279.31", "340.00", "450.00"]);
    expect(rows.map((row) => row.lift)).toEqual([0.01, 0.05, 0.1]);
    expect(retentionLiftTable({ margin: 100, retentionRate: 0.8, discountRate: 0.1, lifts: [] })).toEqual([]);
  });

  it("names the lift that fails", () => {
    try {
      retentionLiftTable({ margin: 100, retentionRate: 0.8, discountRate: 0.1, lifts: [0.05, 0.3] });
      throw new Error("expected an error");
    } catch (error) {
      expect((error as RetentionOptionsError).option).toBe("lifts[1]");
    }
  });
});

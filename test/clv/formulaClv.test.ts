import { describe, expect, it } from "vitest";
import { retentionClv, RetentionOptionsError, simpleClv } from "../../src/index";

describe("retentionClv", () => {
  it("T = ∞: m·r/(1+d−r) = 100·0.8/0.3 = 266.67 (Gupta & Lehmann 2003)", () => {
    expect(retentionClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1 }).toFixed(2)).toBe("266.67");
  });

  it("includeInitial adds m at t = 0: 100·1.1/0.3 = 366.67 (Berger & Nasr 1998)", () => {
    expect(retentionClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1, includeInitial: true }).toFixed(2)).toBe("366.67");
  });

  it("finite T equals the sum Σ_{t=1..3} 100·0.8ᵗ/1.1ᵗ", () => {
    let sum = 0;
    for (let t = 1; t <= 3; t++) sum += (100 * 0.8 ** t) / 1.1 ** t;
    expect(retentionClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1, periods: 3 }).toNumber()).toBeCloseTo(sum, 10);
  });

  it("refuses a retention rate of 1 and a bad period count", () => {
    expect(() => retentionClv({ margin: 100, retentionRate: 1, discountRate: 0.1 })).toThrow(RetentionOptionsError);
    expect(() => retentionClv({ margin: 100, retentionRate: 0.5, discountRate: 0.1, periods: 1.5 })).toThrow(/periods/);
  });
});

describe("simpleClv", () => {
  it("AOV · f · T · m exactly: 49.99 · 4 · 10 · 0.3 = 599.88", () => {
    expect(simpleClv({ averageOrderValue: "49.99", purchasesPerPeriod: 4, periods: 10, margin: "0.3" }).toString()).toBe("599.88");
  });

  it("refuses negative inputs", () => {
    expect(() => simpleClv({ averageOrderValue: -1, purchasesPerPeriod: 4, periods: 10 })).toThrow(RetentionOptionsError);
  });
});

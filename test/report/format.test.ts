import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/core/money";
import { formatCsvMoney, formatInt, formatMoney, formatNumber, formatPercent } from "../../src/report/format";

describe("the shared number formatter", () => {
  it("groups thousands and fixes decimals the same way for every kind of figure", () => {
    expect(formatNumber(1952.5, 1)).toBe("1,952.5");
    expect(formatNumber(-17144.44, 1)).toBe("−17,144.4");
    expect(formatInt(1234567)).toBe("1,234,567");
    expect(formatPercent(12.345)).toBe("1,234.5%");
    expect(formatMoney(new Decimal("-1234.5"), "USD")).toBe("−USD 1,234.50");
    expect(formatMoney(new Decimal("84714.44"), null)).toBe("84,714.44");
    expect(formatNumber(null)).toBe("n/a");
  });

  it("never prints −0", () => {
    expect(formatNumber(-0.04, 1)).toBe("0.0");
    expect(formatMoney(new Decimal("-0.001"), null)).toBe("0.00");
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 4 }), (x, digits) => {
      const text = formatNumber(x, digits);
      expect(text).not.toMatch(/^−0(\.0*)?$/);
      expect(Number(text.replace(/,/g, "").replace("−", "-"))).toBeCloseTo(Number(x.toFixed(digits)), digits);
    }));
  });

  it("writes CSV money plain, to the money's decimals plus four", () => {
    // 100 ÷ 3 carries 40 significant digits in the library's Decimal.
    expect(new Decimal(100).div(3).toString().length).toBeGreaterThan(30);
    expect(formatCsvMoney(new Decimal(100).div(3), 2)).toBe("33.333333");
    expect(formatCsvMoney(new Decimal("1e21"), 2)).toBe("1000000000000000000000");
    expect(formatCsvMoney(new Decimal("29.5"), 2)).toBe("29.5");
    expect(formatCsvMoney(null, 2)).toBe("");
  });
});

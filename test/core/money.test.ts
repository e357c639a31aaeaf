import fc from "fast-check";
import { Decimal as DecimalJs } from "decimal.js";
import { describe, expect, it } from "vitest";
import { Decimal, decimalPlaces, toPlainDecimalString, toUnits, unitsToDecimal } from "../../src/core/money";

describe("toPlainDecimalString", () => {
  it("accepts decimal strings, finite numbers and Decimals", () => {
    expect(toPlainDecimalString(" 19.99 ")).toBe("19.99");
    expect(toPlainDecimalString("-0.5")).toBe("-0.5");
    expect(toPlainDecimalString(".5")).toBe(".5");
    expect(toPlainDecimalString(12)).toBe("12");
    expect(toPlainDecimalString(new DecimalJs("3.10"))).toBe("3.1");
    expect(toPlainDecimalString(new Decimal("7"))).toBe("7");
  });

  it("expands exponents exactly", () => {
    expect(toPlainDecimalString("1e3")).toBe("1000");
    expect(toPlainDecimalString(1e-7)).toBe("0.0000001");
  });

  it("expands exponent forms as decimal.js toFixed() does, without decimal.js", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("", "-", "+"),
        fc.stringMatching(/^\d{0,6}$/),
        fc.stringMatching(/^\d{0,6}$/),
        fc.boolean(),
        fc.integer({ min: -400, max: 400 }),
        (sign, whole, fraction, dot, exponent) => {
          fc.pre(whole.length + fraction.length > 0);
          const text = `${sign}${whole}${dot || fraction.length > 0 ? "." : ""}${fraction}e${exponent}`;
          expect(toPlainDecimalString(text)).toBe(new DecimalJs(text).toFixed());
        },
      ),
    );
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(toPlainDecimalString(value)).toBe(String(value).includes("e") ? new DecimalJs(value).toFixed() : String(value));
      }),
    );
    expect(toPlainDecimalString("1.50E+2")).toBe("150");
    expect(toPlainDecimalString("-0e5")).toBe("0");
  });

  it("refuses exponents beyond ±1000 and text over 100 characters rather than expanding them", () => {
    expect(toPlainDecimalString("1e1000")).toBe(`1${"0".repeat(1000)}`);
    expect(toPlainDecimalString("1e1001")).toBeNull();
    expect(toPlainDecimalString("1e-1001")).toBeNull();
    expect(toPlainDecimalString("1".repeat(100))).toBe("1".repeat(100));
    expect(toPlainDecimalString("1".repeat(101))).toBeNull();
    expect(toPlainDecimalString(new DecimalJs("1e-1001"))).toBeNull();
  });

  it("rejects what is not a finite amount", () => {
    for (const bad of ["", "abc", "1,50", "NaN", "Infinity", Number.NaN, Number.POSITIVE_INFINITY, null, undefined, {}, new DecimalJs(Number.NaN)]) {
      expect(toPlainDecimalString(bad)).toBeNull();
    }
  });
});

describe("integer units", () => {
  it("counts decimal places without trailing zeros", () => {
    expect(decimalPlaces("10")).toBe(0);
    expect(decimalPlaces("10.50")).toBe(1);
    expect(decimalPlaces("0.125")).toBe(3);
  });

  it("scales to units and back exactly", () => {
    expect(toUnits("19.99", 2)).toBe(1999);
    expect(toUnits("-0.5", 3)).toBe(-500);
    expect(toUnits("7", 2)).toBe(700);
    expect(toUnits("-0", 2)).toBe(0);
    expect(unitsToDecimal(1999, 2).toString()).toBe("19.99");
    expect(unitsToDecimal(-5, 3).toString()).toBe("-0.005");
    expect(unitsToDecimal(12345, 0).toString()).toBe("12345");
    expect(unitsToDecimal(Number.MAX_SAFE_INTEGER, 2).toFixed(2)).toBe("90071992547409.91");
  });

  it("keeps sums of many cents exact (0.1 + 0.2 problem)", () => {
    let units = 0;
    for (let i = 0; i < 1_000_000; i++) units += toUnits("0.10", 2);
    expect(unitsToDecimal(units, 2).toFixed(2)).toBe("100000.00");
  });
});

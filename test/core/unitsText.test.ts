import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, unitsToDecimal } from "../../src/core/money";
import { writeMeanUnitsText, writeUnitsText } from "../../src/core/unitsText";

/** What \`write\` writes into a buffer at position 2, as a string; checks it ends where it says. */
function written(write: (bytes: Uint8Array, at: number) => number): string {
  const bytes = new Uint8Array(64).fill(0xff);
  const end = write(bytes, 2);
  expect(bytes[end]).toBe(0xff);
  return Buffer.from(bytes.subarray(2, end)).toString("latin1");
}
const unitsText = (units: number, scale: number): string => written((bytes, at) => writeUnitsText(bytes, at, units, scale));
const meanUnitsText = (units: number, count: number, scale: number, extraPlaces: number): string => written((bytes, at) => writeMeanUnitsText(bytes, at, units, count, scale, extraPlaces));
import { formatCsvMoney } from "../../src/report/format";

/** The Decimal path the CLI took before (moneyConverter.mean, then formatCsvMoney), the oracle. */
const decimalMean = (units: number, count: number, scale: number): string =>
  formatCsvMoney(count === 0 ? new Decimal(0) : count === 1 ? unitsToDecimal(units, scale) : new Decimal(units).div(count * 10 ** scale), scale);

describe("writeUnitsText", () => {
  it("writes units at a scale as decimal.js toFixed() does", () => {
    expect(unitsText(1990, 2)).toBe("19.9");
    expect(unitsText(-5, 3)).toBe("-0.005");
    expect(unitsText(-0, 2)).toBe("0");
    expect(unitsText(42, 0)).toBe("42");
    expect(unitsText(100, 2)).toBe("1");
    expect(unitsText(Number.MAX_SAFE_INTEGER, 15)).toBe("9.007199254740991");
  });

  it("equals formatCsvMoney of the exact Decimal", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 0, max: 15 }), (units, scale) => {
        expect(unitsText(units, scale)).toBe(formatCsvMoney(unitsToDecimal(units, scale), scale));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("writeMeanUnitsText", () => {
  it("rounds half to even at the scale plus the extra places, exactly", () => {
    // 100.00 / 3 = 33.3333333…: 33.333333 at 2 + 4 places.
    expect(meanUnitsText(10000, 3, 2, 4)).toBe("33.333333");
    // 2.5 → 2 and 3.5 → 4 at 0 places (half to even); −2.5 → −2.
    expect(meanUnitsText(5, 2, 0, 0)).toBe("2");
    expect(meanUnitsText(7, 2, 0, 0)).toBe("4");
    expect(meanUnitsText(-5, 2, 0, 0)).toBe("-2");
    // −0.00001 rounds to zero, written "0" as decimal.js writes it.
    expect(meanUnitsText(-1, 100_000, 0, 4)).toBe("0");
    expect(meanUnitsText(123, 0, 2, 4)).toBe("0");
    // Past the safe range of units × 10^4 the quotient is taken in BigInt.
    expect(meanUnitsText(Number.MAX_SAFE_INTEGER, 7, 2, 4)).toBe(decimalMean(Number.MAX_SAFE_INTEGER, 7, 2));
  });

  it("equals the Decimal division then formatCsvMoney (the summary CSV's money before issue 13)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.maxSafeInteger()),
        fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 100_000 })),
        fc.integer({ min: 0, max: 6 }),
        (units, count, scale) => {
          expect(meanUnitsText(units, count, scale, 4)).toBe(decimalMean(units, count, scale));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("agrees on exact ties, where half to even decides", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 4 }), (q, scale) => {
        // units / 2 with units odd at 0 extra places is always a tie.
        const units = 2 * q + 1;
        expect(meanUnitsText(units, 2, scale, 0)).toBe(new Decimal(units).div(2 * 10 ** scale).toDecimalPlaces(scale).toFixed());
      }),
    );
  });
});

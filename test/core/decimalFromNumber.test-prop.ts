import fc from "fast-check";
import { describe, it } from "vitest";
import { Decimal, decimalFromNumber } from "../../src/core/money";
import { expectSameDecimal } from "./expectSameDecimal";

function expectSameAsConstructor(value: number): void {
  expectSameDecimal(decimalFromNumber(value), new Decimal(value));
}

describe("decimalFromNumber", () => {
  it("equals new Decimal(value) on the edges of decimal.js's number reading", () => {
    const edges = [1e-7, 1.5e-7, 0.000001, 0.0000012, 0.1, 0.5, 0.30000000000000004, 9999999, 9999999.5, 1e7, 10000000.5, 12345678, 123456789.123];
    const far = [1e15, 2 ** 53, 2 ** 53 + 2, 1e21, 1.2345e25, 123456789012345680000, 1e-100, 1.2e-300, 5e-324, Number.MAX_VALUE, Number.MIN_VALUE];
    const constructorPaths = [0, -0, 7, 1234567, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (const value of [...edges, ...far, ...constructorPaths]) {
      expectSameAsConstructor(value);
      expectSameAsConstructor(-value);
    }
  });

  it("equals new Decimal(value) for any double (random bits) and for money-like values", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.double({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e9, max: 1e9 }).map((cents) => cents / 100)), (value) => {
        expectSameAsConstructor(value);
      }),
      { numRuns: 5000 },
    );
  });
});

import fc from "fast-check";
import { describe, it } from "vitest";
import { Decimal, decimalFromSignificant } from "../../src/core/money";
import { expectSameDecimal } from "./expectSameDecimal";

function expectFifteenDigits(value: number): void {
  expectSameDecimal(decimalFromSignificant(value), new Decimal(value.toPrecision(15)));
}

describe("decimalFromSignificant", () => {
  it("equals new Decimal(value.toPrecision(15)) on the edges of its fast path and of rounding", () => {
    const edges = [1e-7, 9.99999999999999e-8, 1e14, 99999999999999.98, 0.1, 0.5, 2 / 3, 1 / 3, 0.30000000000000004, 999999999999999.4];
    // Fifteen digits then a 5: the exact product decides between the two neighbours.
    const halves = [1.000000000000005, 0.1234567890123455, 123456.7890123455, 9.999999999999995, 9.9999999999999995];
    const paths = [0, -0, 1, 7, 1234567, 1e7, 1e21, 5e-324, Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (const value of [...edges, ...halves, ...paths]) {
      expectFifteenDigits(value);
      expectFifteenDigits(-value);
    }
  });

  it("equals new Decimal(value.toPrecision(15)) for any double and for CLV-like values", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.double({ min: 1e-7, max: 1e14, noNaN: true }), fc.integer({ min: 1, max: 1e9 }).map((n) => n / 7)), (value) => {
        expectFifteenDigits(value);
      }),
      { numRuns: 5000 },
    );
  });
});

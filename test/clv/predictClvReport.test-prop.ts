import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/core/money";
import { roundedDecimalSum } from "../../src/report/roundedDecimalSum";

/** What the predicted-CLV section computed before issue 13: a decimal.js running sum, to 2 places, and its mean. */
function decimalJsSum(values: readonly number[]): { total: string; mean: string } {
  let total = new Decimal(0);
  for (const v of values) total = total.plus(v);
  return { total: JSON.stringify(total.toDecimalPlaces(2)), mean: JSON.stringify(total.div(values.length).toDecimalPlaces(2)) };
}

function expectSame(values: readonly number[]): void {
  const { total, mean } = roundedDecimalSum(Float64Array.from(values), values.length);
  expect({ total: JSON.stringify(total), mean: JSON.stringify(mean) }).toEqual(decimalJsSum(values));
}

describe("roundedDecimalSum (the predicted-CLV section's total and average)", () => {
  it("equals decimal.js's running sum to the cent, ties and half-cent boundaries included", () => {
    expectSame([0.005]);
    expectSame([0.015]);
    expectSame([0.1, 0.2, 0.005]);
    expectSame([1.005, 2.015, 0.0049999999999999]);
    expectSame([0, 0, 0]);
    expectSame([-0, 0]);
    expectSame([-0.001, 0.0005]);
    expectSame([1e-320, 5e-324]);
    expectSame([1e20, 1e-3, 0.005]);
    expectSame(Array.from({ length: 2000 }, (_, i) => 0.1 + i * 0.001));
  });

  it("equals it for random values: CLV-like, negative, tiny, huge, and sums on a half cent", () => {
    const value = fc.oneof(
      fc.double({ min: 0, max: 5000, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1e-300, noNaN: true }),
      fc.double({ min: 0, max: 1e18, noNaN: true }),
      fc.integer({ min: 0, max: 1_000_000 }).map((mills) => mills / 1000),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), fc.integer({ min: 0, max: 99 }), (values, cents) => {
        expectSame(values);
        // A last value that puts the decimal sum on (or a hair off) a half cent.
        const sum = decimalJsSum(values);
        if (Number(sum.total.slice(1, -1)) < 1e12) expectSame([...values, (cents + 0.5) / 100]);
      }),
      { numRuns: 400 },
    );
  });
});

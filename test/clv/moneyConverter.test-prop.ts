import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toPlainDecimalString } from "../../src/core/money";
import { moneyConverter } from "../../src/clv/moneyConverter";

describe("moneyConverter.meanNumber", () => {
  it("is the double of the exact Decimal mean, for any units, count and scale (the float division is proved equal where it is used)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -1e6, max: 1e9 }), fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1e17, 9_007_199_254_740_990)),
        fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.constantFrom(3, 7, 49, 2 ** 20, 2 ** 40)),
        fc.integer({ min: 0, max: 18 }),
        (units, count, scale) => {
          const money = moneyConverter(scale);
          expect(money.meanNumber(units, count)).toBe(Number(toPlainDecimalString(money.mean(units, count))));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("agrees on quotients that are hard to round (1/3, 2/3 and their neighbours at every scale)", () => {
    for (let scale = 0; scale <= 6; scale++) {
      const money = moneyConverter(scale);
      for (let units = 1; units <= 2000; units++) {
        for (const count of [3, 6, 7, 9, 11, 13, 99]) expect(money.meanNumber(units, count)).toBe(Number(toPlainDecimalString(money.mean(units, count))));
      }
    }
  });
});

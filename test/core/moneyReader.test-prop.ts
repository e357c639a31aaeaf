import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalPlaces, moneyLimitProblem, MoneyReader, toPlainDecimalString, toUnits } from "../../src/core/plainDecimal";
import { scaledToPlain } from "../../src/input/encodedCells";

/*
 * MoneyReader is the fast path of reading money: whenever it answers, it must give the units
 * and places of the general path (plain decimal string, limit check, toUnits); when it does
 * not answer, the general path still decides.
 */

/** The general path: units and places of a value, or null when it is not money within the limits. */
function general(value: unknown): { units: number; places: number } | null {
  const plain = toPlainDecimalString(value);
  if (plain === null || moneyLimitProblem(plain) !== null) return null;
  const places = decimalPlaces(plain);
  return { units: toUnits(plain, places), places };
}

function fast(value: unknown): { units: number; places: number } | null {
  const money = new MoneyReader();
  return money.read(value) ? { units: money.units, places: money.places } : null;
}

const decimalText = fc
  .tuple(fc.constantFrom("", "-", "+"), fc.stringMatching(/^\d{0,18}$/), fc.constantFrom("", "."), fc.stringMatching(/^\d{0,18}$/))
  .map(([sign, whole, dot, fraction]) => `${sign}${whole}${dot}${dot === "" ? "" : fraction}`);

describe("MoneyReader", () => {
  it("reads worked examples to the units the general path gives", () => {
    expect(fast("19.90")).toEqual({ units: 199, places: 1 });
    expect(fast("-2.50")).toEqual({ units: -25, places: 1 });
    expect(fast(".5")).toEqual({ units: 5, places: 1 });
    expect(fast("+7.")).toEqual({ units: 7, places: 0 });
    expect(fast("-0.00")).toEqual({ units: 0, places: 0 });
    expect(fast("0.000000000000001")).toEqual({ units: 1, places: 15 });
    expect(fast(19.99)).toEqual({ units: 1999, places: 2 });
    expect(fast(1e-7)).toEqual({ units: 1, places: 7 });
    expect(fast(-0)).toEqual({ units: 0, places: 0 });
  });

  it("leaves to the general path what it does not read: whitespace, exponents, Decimals, bad text, values past the limits", () => {
    for (const value of [" 19.99", "1e3", "", "-", ".", "1.2.3", "abc", "0.0000000000000001", "9007199254740992", 0.1 + 0.2, Number.NaN, 1e300, null, {}]) {
      expect(fast(value)).toBeNull();
    }
  });

  it("gives the general path's units and places for any decimal text it reads, and reads every plain decimal within the limits", () => {
    fc.assert(
      fc.property(fc.oneof(decimalText, fc.string({ maxLength: 12 })), (text) => {
        const expected = general(text);
        const got = fast(text);
        if (got !== null) expect(got).toEqual(expected);
        if (expected !== null && text.trim() === text && !/e/i.test(text)) expect(got).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("gives the general path's units and places for any number it reads (shortest round-trip decimal), and reads cents", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100), fc.integer().map((c) => c / 1000)), (value) => {
        const got = fast(value);
        if (got !== null) expect(got).toEqual(general(value));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }), (units, scale) => {
        const value = units / 10 ** scale;
        expect(fast(value)).toEqual(general(value));
      }),
      { numRuns: 3000 },
    );
  });

  it("reads scaled integers (decimal columns) as their plain decimal string reads", () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 20 }), (units, scale) => {
        const money = new MoneyReader();
        const got = money.readScaled(units, scale) ? { units: money.units, places: money.places } : null;
        expect(got).toEqual(general(scaledToPlain(units, scale)));
      }),
      { numRuns: 3000 },
    );
  });
});

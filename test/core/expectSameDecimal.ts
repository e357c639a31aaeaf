import { expect } from "vitest";
import { Decimal } from "../../src/core/money";

/** `actual` is `expected` as a caller sees it: an instance of our Decimal, every property decimal.js sets (in its order), the text, arithmetic and JSON. */
export function expectSameDecimal(actual: Decimal, expected: Decimal): void {
  expect(actual).toBeInstanceOf(Decimal);
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  expect(actual).toStrictEqual(expected);
  expect(actual.toString()).toBe(expected.toString());
  expect(actual.plus(1).toString()).toBe(expected.plus(1).toString());
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

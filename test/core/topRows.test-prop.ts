import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { topRows } from "../../src/core/topRows";

describe("topRows", () => {
  it("lists the first k rows of the order, by insertion or from a full sort", () => {
    const clv = [5, 9, 7, 9, 1];
    const byClv = (a: number, b: number) => clv[b]! - clv[a]! || a - b;
    expect(topRows(5, 2, byClv)).toEqual([1, 3]);
    expect(topRows(5, 0, byClv)).toEqual([]);
    expect(topRows(5, 10, byClv)).toEqual([1, 3, 2, 0, 4]);
    expect(topRows(0, 3, byClv)).toEqual([]);
  });

  it("equals the first k of a stable full sort for any values and k, ties broken by row or left to row order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 400 }), fc.nat({ max: 120 }), fc.boolean(), (values, k, breakTies) => {
        const compare = (a: number, b: number) => values[b]! - values[a]! || (breakTies ? a - b : 0);
        const expected = values.map((_, i) => i).sort(compare).slice(0, k);
        expect(topRows(values.length, k, compare)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

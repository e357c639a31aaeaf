import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { descendingOrder } from "../../src/core/descendingOrder";

describe("descendingOrder", () => {
  it("orders by value descending, equal values by index", () => {
    expect(Array.from(descendingOrder(Float64Array.of(5, 9, 5, -2, 9, 0)))).toEqual([1, 4, 0, 2, 5, 3]);
    expect(Array.from(descendingOrder(new Float64Array(0)))).toEqual([]);
    // Too wide to pack with the index into one double: the radix path.
    expect(Array.from(descendingOrder(Float64Array.of(0, 2 ** 52, 1, 2 ** 52)))).toEqual([1, 3, 2, 0]);
    expect(Array.from(descendingOrder(Float64Array.of(-0, 0, 0.5)))).toEqual([2, 0, 1]);
  });

  it("equals a comparison sort on any whole or fractional amounts", () => {
    const amount = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.constantFrom(2 ** 52, -(2 ** 52), 2 ** 53));
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 300 }), (values) => {
        const expected = values.map((_, i) => i).sort((a, b) => values[b]! - values[a]! || a - b);
        expect(Array.from(descendingOrder(Float64Array.from(values)))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

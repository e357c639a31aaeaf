import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addBuckets } from "../../src/core/calendar";
import { oneYearLater } from "../../src/clv/futureCohorts";

describe("oneYearLater", () => {
  it("is addBuckets(ms, 'year', 1), 29 February included (property)", () => {
    expect(new Date(oneYearLater(Date.UTC(2024, 1, 29, 12))).toISOString()).toBe("2025-02-28T12:00:00.000Z");
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(-5000, 0, 1), max: Date.UTC(5000, 0, 1) }), (ms) => {
        expect(oneYearLater(ms)).toBe(addBuckets(ms, "year", 1));
      }),
      { numRuns: 2000 },
    );
  });
});

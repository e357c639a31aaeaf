import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { survivalCurve } from "retention-metrics";
import { event, frozen, shuffledWith } from "../arbitraries/records";

const asOf = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2025, 6, 1) });

describe("survivalCurve (properties)", () => {
  it("is non-increasing, inside its bounds, accounts for every spell, and ignores row order", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), asOf, fc.array(fc.integer(), { minLength: 1 }), (events, at, keys) => {
        const result = survivalCurve({ events }, { asOf: at, unit: "day" });
        let previous = 1;
        let leaving = 0;
        for (const point of result.points) {
          expect(point.survival).toBeLessThanOrEqual(previous);
          expect(point.survival).toBeGreaterThanOrEqual(0);
          if (point.lower !== null && point.upper !== null) {
            expect(point.lower).toBeLessThanOrEqual(point.survival + 1e-12);
            expect(point.upper).toBeGreaterThanOrEqual(point.survival - 1e-12);
          } else expect(point.survival).toBe(0);
          expect(point.atRisk).toBe(result.spells - leaving);
          leaving += point.events + point.censored;
          previous = point.survival;
        }
        expect(leaving).toBe(result.spells);
        expect(result.cancelled + result.censored).toBe(result.spells);
        expect(JSON.stringify(survivalCurve({ events: frozen(shuffledWith(events, keys)) }, { asOf: at, unit: "day" }))).toBe(JSON.stringify(result));
      }),
      { numRuns: 150 },
    );
  });
});

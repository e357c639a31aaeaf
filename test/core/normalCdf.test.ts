import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalCdf } from "../../src/core/special/normalCdf";
import { normalQuantile } from "../../src/core/special/normalQuantile";

/* Φ(x) from mpmath's ncdf at 40 digits, rounded to 17 significant digits. */
const REFERENCE: readonly (readonly [number, number])[] = [
  [-30, 4.9067139271481870595e-198],
  [-10, 7.619853024160526066e-24],
  [-5, 2.8665157187919391167e-7],
  [-3, 0.0013498980316300945267],
  [-1, 0.15865525393145705141],
  [0, 0.5],
  [0.5, 0.69146246127401310364],
  [2, 0.9772498680518207928],
];

describe("normalCdf", () => {
  it.each(REFERENCE)("Φ(%d) agrees with mpmath to 10⁻¹⁵ relative", (x, expected) => {
    expect(Math.abs(normalCdf(x) - expected) / expected).toBeLessThan(1e-15);
  });

  it("has its limits and rejects NaN", () => {
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(-40)).toBe(0);
    expect(Number.isNaN(normalCdf(Number.NaN))).toBe(true);
  });

  it("inverts normalQuantile and is symmetric", () => {
    fc.assert(fc.property(fc.double({ min: 1e-10, max: 1 - 1e-10, noNaN: true }), (p) => {
      expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 12);
    }));
    fc.assert(fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (x) => {
      expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15);
    }));
  });
});

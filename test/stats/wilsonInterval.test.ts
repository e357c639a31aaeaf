import { describe, expect, it } from "vitest";
import { RetentionInputError, RetentionOptionsError, retentionRate, wilsonInterval } from "retention-metrics";
import { wilsonBounds } from "../../src/stats/wilsonBounds";

const Z95 = 1.959963984540054;

/*
 * Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of
 * seven methods", Statistics in Medicine 17, 857–872, Table I, method 3 (score interval
 * without continuity correction), 95%, to four decimals.
 */
const NEWCOMBE_TABLE_I: readonly (readonly [number, number, number, number])[] = [
  [81, 263, 0.2553, 0.3662],
  [15, 148, 0.0624, 0.1605],
  [0, 20, 0, 0.1611],
  [1, 29, 0.0061, 0.1718],
];

describe("wilsonBounds", () => {
  it.each(NEWCOMBE_TABLE_I)("%i/%i reproduces Newcombe's Table I", (x, n, lower, upper) => {
    const [l, u] = wilsonBounds(x, n, Z95);
    expect(l).toBeCloseTo(lower, 4);
    expect(u).toBeCloseTo(upper, 4);
  });

  it("matches the formula worked by hand", () => {
    // x = 8, n = 10, z² = 3.841459: (16 + 3.841459 ∓ 1.959964·√(3.841459 + 4·8·2/10)) ÷ (2·13.841459)
    // = (19.841459 ∓ 1.959964·3.200228) ÷ 27.682918 = (19.841459 ∓ 6.272331) ÷ 27.682918 = [0.490162, 0.943318].
    const [l, u] = wilsonBounds(8, 10, Z95);
    expect(l).toBeCloseTo(0.490162, 6);
    expect(u).toBeCloseTo(0.943318, 6);
  });

  it("is exactly 0 or 1 at the ends", () => {
    expect(wilsonBounds(0, 7, Z95)[0]).toBe(0);
    expect(wilsonBounds(7, 7, Z95)[1]).toBe(1);
    // 1/1: lower = 1 ÷ (1 + z²) = 0.2065 (the upper of 0/1, mirrored).
    expect(wilsonBounds(1, 1, Z95)[0]).toBeCloseTo(1 / (1 + Z95 * Z95), 12);
  });
});

describe("wilsonInterval", () => {
  it("reads counts and rate results", () => {
    expect(wilsonInterval({ successes: 81, trials: 263 })).toMatchObject({ kind: "proportion", successes: 81, trials: 263, rate: 81 / 263, confidence: 0.95 });
    const retention = retentionRate(
      [
        { customerId: "a", at: "2024-01-10", amount: "5" },
        { customerId: "a", at: "2024-02-10", amount: "5" },
        { customerId: "b", at: "2024-01-20", amount: "9" },
      ],
      { start: "2024-02-01", end: "2024-03-01", activeWindow: { months: 1 } },
    );
    // 1 of 2 retained: (2 + z² ∓ z·√(z² + 2)) ÷ (2(2 + z²)) = [0.0945, 0.9055].
    const result = wilsonInterval(retention);
    expect(result.kind).toBe("retention");
    expect(result.interval![0]).toBeCloseTo(0.0945, 4);
    expect(result.interval![1]).toBeCloseTo(0.9055, 4);
  });

  it("widens with the confidence level and says null without trials", () => {
    const at90 = wilsonInterval({ successes: 81, trials: 263 }, { confidence: 0.9 }).interval!;
    const at99 = wilsonInterval({ successes: 81, trials: 263 }, { confidence: 0.99 }).interval!;
    expect(at99[0]).toBeLessThan(at90[0]);
    expect(at99[1]).toBeGreaterThan(at90[1]);
    expect(wilsonInterval({ successes: 0, trials: 0 })).toEqual({ kind: "proportion", successes: 0, trials: 0, rate: null, interval: null, confidence: 0.95 });
  });

  it("refuses impossible counts and options with typed errors", () => {
    for (const bad of [{ successes: 3, trials: 2 }, { successes: -1, trials: 2 }, { successes: 1.5, trials: 2 }, { successes: "1", trials: 2 }, { trials: 2 }, null, new Map()]) {
      expect(() => wilsonInterval(bad as never)).toThrow(RetentionInputError);
    }
    expect(() => wilsonInterval({ successes: 3, trials: 2 })).toThrow("proportion.successes: expected a whole number from 0 to trials (2), found a number (3)");
    expect(() => wilsonInterval({ successes: 1, trials: 2 }, { confidence: 1 })).toThrow(RetentionOptionsError);
  });
});

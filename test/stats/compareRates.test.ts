import { describe, expect, it } from "vitest";
import { churnRate, compareRates, funnel, repeatPurchaseRate, RetentionInputError, RetentionOptionsError, retentionRate } from "retention-metrics";

/*
 * Newcombe (1998), "Interval estimation for the difference between independent proportions:
 * comparison of eleven methods", Statistics in Medicine 17, 873–890, Table II, method 10
 * (hybrid score interval without continuity correction), 95%, to four decimals. Newcombe's
 * difference is the first proportion minus the second; here the first is b and the second a.
 */
const NEWCOMBE_TABLE_II: readonly (readonly [string, number, number, number, number, number, number])[] = [
  ["a", 56, 70, 48, 80, 0.0524, 0.3339],
  ["b", 9, 10, 3, 10, 0.1705, 0.809],
  ["c", 6, 7, 2, 7, 0.0582, 0.8062],
  ["d", 5, 56, 0, 29, -0.0381, 0.1926],
  ["e", 0, 10, 0, 20, -0.1611, 0.2775],
  ["f", 0, 10, 0, 10, -0.2775, 0.2775],
  ["g", 10, 10, 0, 20, 0.6791, 1],
  ["h", 10, 10, 0, 10, 0.6075, 1],
];

describe("compareRates: Newcombe's interval", () => {
  it.each(NEWCOMBE_TABLE_II)("example (%s) %i/%i − %i/%i reproduces Table II", (_, x1, n1, x2, n2, lower, upper) => {
    const result = compareRates({ successes: x2, trials: n2 }, { successes: x1, trials: n1 });
    expect(result.difference).toBeCloseTo(x1 / n1 - x2 / n2, 12);
    expect(result.interval![0]).toBeCloseTo(lower, 4);
    expect(result.interval![1]).toBeCloseTo(upper, 4);
  });
});

describe("compareRates: the pooled z-test", () => {
  it("matches the test worked by hand (and R's prop.test without continuity correction)", () => {
    // a = 15/50, b = 25/50: p̄ = 40/100 = 0.4; SE = √(0.4 · 0.6 · (1/50 + 1/50)) = √0.0096 = 0.0979796;
    // z = 0.2 / 0.0979796 = 2.041241; p = 2Φ(−2.041241) = 0.0412268.
    // R: prop.test(c(25, 15), c(50, 50), correct = FALSE) gives X-squared = 4.1667 (= z²), p-value = 0.04123.
    const result = compareRates({ successes: 15, trials: 50 }, { successes: 25, trials: 50 });
    expect(result.difference).toBeCloseTo(0.2, 15);
    expect(result.z).toBeCloseTo(2.04124145231932, 12);
    expect(result.pValue).toBeCloseTo(0.0412268333371637, 12);
    expect(result.significant).toBe(true);
    expect(result.reason).toBeNull();
    // At 99% the same change is not significant: p > 0.01.
    expect(compareRates({ successes: 15, trials: 50 }, { successes: 25, trials: 50 }, { confidence: 0.99 }).significant).toBe(false);
  });

  it("gives Newcombe's example (a) its p-value", () => {
    // a = 48/80, b = 56/70: p̄ = 104/150 = 0.693333; SE = √(0.693333 · 0.306667 · (1/80 + 1/70)) = 0.0754668;
    // z = 0.2 / 0.0754668 = 2.650172; p = 0.00804508.
    const result = compareRates({ successes: 48, trials: 80 }, { successes: 56, trials: 70 });
    expect(result.z).toBeCloseTo(2.65017195125853, 12);
    expect(result.pValue).toBeCloseTo(0.00804508136819658, 14);
    expect(result.significant).toBe(true);
  });

  it("calls a small change in large samples noise", () => {
    // 5,000/10,000 vs 5,100/10,000: p̄ = 0.505, SE = √(0.505 · 0.495 · 0.0002) = 0.0070711; z = 1.414284, p = 0.157278.
    const result = compareRates({ successes: 5000, trials: 10000 }, { successes: 5100, trials: 10000 });
    expect(result.pValue).toBeCloseTo(0.157278451156538, 12);
    expect(result.significant).toBe(false);
    expect(result.interval![0]).toBeLessThan(0);
  });

  it("leaves the test undecided when an expected count is below 5", () => {
    // 3/10 vs 7/10: p̄ = 0.5, expected successes and failures 10 · 0.5 = 5 on each side: tested.
    expect(compareRates({ successes: 3, trials: 10 }, { successes: 7, trials: 10 }).significant).toBe(false);
    // 1/8 vs 7/8: p̄ = 0.5, expected 4 < 5: undecided, though z and p are given.
    const small = compareRates({ successes: 1, trials: 8 }, { successes: 7, trials: 8 });
    expect(small.significant).toBeNull();
    expect(small.reason).toBe("samples too small to test: the smallest expected count is 4, below 5 (Cochran's rule for the normal approximation)");
    expect(small.pValue).toBeGreaterThan(0);
    expect(compareRates({ successes: 1, trials: 8 }, { successes: 7, trials: 8 }, { minExpectedCount: 0 }).significant).toBe(true);
  });

  it("calls 100% against 100% no change, not too small: the empty outcome is left out", () => {
    const result = compareRates({ successes: 40, trials: 40 }, { successes: 60, trials: 60 });
    expect(result).toMatchObject({ difference: 0, z: 0, pValue: 1, significant: false, reason: null });
    expect(result.interval![1]).toBeGreaterThan(0);
  });

  it("says null with a reason when a side has no trials", () => {
    expect(compareRates({ successes: 0, trials: 0 }, { successes: 3, trials: 4 })).toMatchObject({
      a: { successes: 0, trials: 0, rate: null },
      b: { rate: 0.75 },
      difference: null,
      interval: null,
      z: null,
      pValue: null,
      significant: null,
      reason: "a has no trials: the rate is undefined",
    });
    expect(compareRates({ successes: 3, trials: 4 }, { successes: 0, trials: 0 }).reason).toBe("b has no trials: the rate is undefined");
    expect(compareRates({ successes: 0, trials: 0 }, { successes: 0, trials: 0 }).reason).toBe("a and b have no trials: the rate is undefined");
  });
});

describe("compareRates: inputs", () => {
  const purchases = [
    { customerId: "a", at: "2024-01-10", amount: "5" },
    { customerId: "a", at: "2024-02-10", amount: "5" },
    { customerId: "a", at: "2024-03-10", amount: "5" },
    { customerId: "b", at: "2024-01-20", amount: "9" },
    { customerId: "c", at: "2024-02-05", amount: "9" },
    { customerId: "c", at: "2024-03-05", amount: "9" },
  ];
  const february = { start: "2024-02-01", end: "2024-03-01", activeWindow: { months: 1 } };
  const march = { start: "2024-03-01", end: "2024-04-01", activeWindow: { months: 1 } };

  it("reads retention, churn and repeat-purchase results by their counts", () => {
    // February: active at start {a, b}, at end {a, c}: retained 1 of 2. March: start {a, c}, end {a, c}: 2 of 2.
    const retention = compareRates(retentionRate(purchases, february), retentionRate(purchases, march));
    expect(retention.a).toEqual({ kind: "retention", successes: 1, trials: 2, rate: 0.5 });
    expect(retention.b).toEqual({ kind: "retention", successes: 2, trials: 2, rate: 1 });
    const churn = compareRates(churnRate(purchases, february), churnRate(purchases, march));
    expect(churn.a).toEqual({ kind: "churn", successes: 1, trials: 2, rate: 0.5 });
    expect(churn.difference).toBe(-0.5);
    expect(churn.pValue).toBe(retention.pValue);
    const repeat = compareRates(repeatPurchaseRate(purchases, { start: "2024-01-01", end: "2024-02-01" }), repeatPurchaseRate(purchases));
    expect(repeat.a).toEqual({ kind: "repeatPurchase", successes: 0, trials: 2, rate: 0 });
    expect(repeat.b).toEqual({ kind: "repeatPurchase", successes: 2, trials: 3, rate: 2 / 3 });
  });

  it("reads a funnel's overall conversion, and each segment's, by converted of entered", () => {
    // Orders in January and February: a, b and c place a first order; a and c a second one (funnel "order" → "order:2").
    const steps = ["order", "order:2"];
    const january = funnel(purchases, { steps, start: "2024-01-01", end: "2024-02-01" });
    const february = funnel(purchases, { steps, start: "2024-02-01", end: "2024-03-01" });
    // January enters a and b at their first orders; a's second order (February 10) converts it, b has none: 1 of 2.
    // February enters a (February 10, which is a's second order and so cannot be step 2 as well; a's third is in
    // March, but "order:2" is the second order only) and c (first order February 5, second March 5): 1 of 2.
    const compared = compareRates(january, february);
    expect(compared.a).toEqual({ kind: "conversion", successes: 1, trials: 2, rate: 0.5 });
    expect(compared.b).toEqual({ kind: "conversion", successes: 1, trials: 2, rate: 0.5 });
    const bySegment = funnel(purchases, { steps, start: "2024-01-01", end: "2024-03-01", by: "customerId" }).bySegment!;
    expect(compareRates(bySegment[0]!, bySegment[1]!).a).toEqual({ kind: "conversion", successes: 1, trials: 1, rate: 1 });
  });

  it("compares a result with plain counts, but not a retention with a churn result", () => {
    expect(compareRates(retentionRate(purchases, february), { successes: 1, trials: 4 }).b.kind).toBe("proportion");
    expect(() => compareRates(retentionRate(purchases, february), churnRate(purchases, march))).toThrow("b: compareRates compares like with like: a is a retention result, b a churn result");
  });

  it("refuses what is not a rate result with typed errors naming the side", () => {
    expect(() => compareRates(null as never, { successes: 1, trials: 2 })).toThrow(/^a: compareRates expects a retentionRate/);
    expect(() => compareRates({ successes: 1, trials: 2 }, { rate: 0.5 } as never)).toThrow(RetentionInputError);
    expect(() => compareRates({ successes: 1, trials: 2 }, { successes: 1, trials: Number.NaN })).toThrow("b.trials: expected a whole number ≥ 0, found a number (NaN)");
    expect(() => compareRates({ successes: 1, trials: 2 }, { successes: 1, trials: 2 }, { minExpectedCount: -1 })).toThrow(RetentionOptionsError);
    expect(() => compareRates({ successes: 1, trials: 2 }, { successes: 1, trials: 2 }, { confidence: "0.9" } as never)).toThrow(RetentionOptionsError);
  });

  it("takes __proto__ as a field name for nothing", () => {
    const hostile = JSON.parse('{"__proto__": {"successes": 1, "trials": 1}, "successes": 2, "trials": 3}') as { successes: number; trials: number };
    expect(compareRates(hostile, { successes: 1, trials: 3 }).a).toEqual({ kind: "proportion", successes: 2, trials: 3, rate: 2 / 3 });
  });
});

import { describe, expect, it } from "vitest";
import { cohortRetention, RetentionOptionsError, wilsonInterval } from "retention-metrics";

const purchases = [
  { customerId: "a", at: "2024-01-05", amount: "5" },
  { customerId: "a", at: "2024-02-07", amount: "5" },
  { customerId: "b", at: "2024-01-20", amount: "9" },
];
const options = { granularity: "month", asOf: "2024-03-01" } as const;

describe("cohortRetention's Wilson intervals", () => {
  it("leaves the default output unchanged", () => {
    const plain = cohortRetention(purchases, options);
    expect("interval" in plain).toBe(false);
    expect("intervals" in plain.cohorts[0]!).toBe(false);
  });

  it("gives each cell the Wilson interval of cell ÷ size", () => {
    // Cohort 2024-01: 2 customers, month 0: 2 of 2, month 1: 1 of 2.
    // 1 of 2 at 95%: (2 + z² ∓ z·√(z² + 2)) ÷ (2(2 + z²)) = [0.0945, 0.9055]; 2 of 2: [2 ÷ (2 + z²), 1] = [0.3424, 1].
    const result = cohortRetention(purchases, { ...options, interval: 0.95 });
    expect(result.interval).toBe(0.95);
    const [m0, m1] = result.cohorts[0]!.intervals!;
    expect(m0![0]).toBeCloseTo(0.3424, 4);
    expect(m0![1]).toBe(1);
    expect(m1![0]).toBeCloseTo(0.0945, 4);
    expect(m1![1]).toBeCloseTo(0.9055, 4);
    expect(m1).toEqual(wilsonInterval({ successes: 1, trials: 2 }).interval);
    for (const row of result.cohorts) {
      row.intervals!.forEach(([lower, upper], k) => expect(lower <= row.rates[k]! && row.rates[k]! <= upper).toBe(true));
    }
  });

  it("refuses an impossible level, or intervals on revenue", () => {
    for (const interval of [0, 1, 1.5, "0.95", Number.NaN]) {
      expect(() => cohortRetention(purchases, { ...options, interval: interval as number })).toThrow(RetentionOptionsError);
    }
    expect(() => cohortRetention(purchases, { ...options, measure: "revenue", interval: 0.95 })).toThrow('interval: Wilson intervals are for shares of customers; measure "revenue" has none');
  });
});

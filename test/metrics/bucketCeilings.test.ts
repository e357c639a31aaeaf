import { describe, expect, it } from "vitest";
import { cohortRetention, milestones, npsTrend, retentionSeries, RetentionOptionsError } from "../../src/index";
import { checkBucketCount, MAX_BUCKETS, MAX_COHORT_CELLS } from "../../src/core/bucketIndex";

/*
 * Issue 12 item 7: an option that sets a count of buckets, cells or steps has a ceiling, and
 * past it a RetentionOptionsError naming the option and the count, raised before allocating
 * (each case here answers in milliseconds; before, the first took 3.9 GiB).
 */

const purchases = [
  { customerId: "a", at: "2024-01-05", amount: "5" },
  { customerId: "a", at: "2024-02-07", amount: "5" },
  { customerId: "b", at: "2024-01-20", amount: "9" },
  { customerId: "c", at: "2024-03-02", amount: "4" },
  { customerId: "c", at: "2024-03-09", amount: "4" },
  { customerId: "d", at: "2024-04-30", amount: "1" },
];

/** The RetentionOptionsError `call` throws (fails when it throws anything else or nothing). */
function optionsError(call: () => unknown): RetentionOptionsError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(RetentionOptionsError);
    return error as RetentionOptionsError;
  }
  throw new Error("expected a RetentionOptionsError");
}

const MIN_DATE = -8.64e15;
const MAX_DATE = 8.64e15;

describe("bucket ceilings", { timeout: 5_000 }, () => {
  it("cohortRetention by day up to 9999-12-31 (was 3.9 GiB): asOf, with the count", () => {
    const error = optionsError(() => cohortRetention(purchases, { granularity: "day", asOf: "9999-12-31" }));
    expect(error.option).toBe("asOf");
    expect(error.message).toMatch(/2913169 day offsets.*ceiling of 100000/);
  });

  it("cohortRetention caps the cells of the table too (daily cohorts over 3 years: 1,000,000 cells)", () => {
    const daily = Array.from({ length: 1500 }, (_, i) => ({ customerId: `c${i}`, at: Date.UTC(2020, 0, 1 + i), amount: "1" }));
    const error = optionsError(() => cohortRetention(daily, { granularity: "day", asOf: "2024-06-01" }));
    expect(error.message).toContain(`ceiling of ${MAX_COHORT_CELLS}`);
    expect(cohortRetention(daily, { granularity: "month", asOf: "2024-06-01" }).cohorts).toHaveLength(50);
  });

  it("cohortRetention with extreme dates answers with a result or a RetentionOptionsError, never a RangeError", () => {
    for (const granularity of ["day", "week", "month", "quarter", "year"] as const) {
      for (const at of [MIN_DATE, MAX_DATE - 1, MIN_DATE + 864e6]) {
        for (const asOf of [MAX_DATE, MIN_DATE + 400 * 864e5, at + 1]) {
          try {
            cohortRetention([{ customerId: "a", at, amount: "1" }], { granularity, asOf });
          } catch (error) {
            expect(error).toBeInstanceOf(RetentionOptionsError);
          }
        }
      }
    }
  });

  it("retentionSeries over the full date range (was out of heap): to, with the count", () => {
    const error = optionsError(() => retentionSeries(purchases, { granularity: "day", from: MIN_DATE, to: MAX_DATE }));
    expect(error.option).toBe("to");
    expect(error.message).toContain("200000000 day periods");
    expect(optionsError(() => retentionSeries(purchases, { granularity: "year", from: MIN_DATE, to: MAX_DATE })).message).toContain("year periods");
    expect(optionsError(() => retentionSeries(purchases, { granularity: "month", from: MAX_DATE - 1e9, to: MAX_DATE })).option).toBe("from");
    expect(retentionSeries(purchases, { granularity: "month", from: "2024-01-01", to: "2024-04-01" })).toHaveLength(3);
  });

  it("npsTrend over the full date range", () => {
    const error = optionsError(() => npsTrend([{ at: "2024-01-05", score: 10 }], { granularity: "week", start: MIN_DATE, end: MAX_DATE }));
    expect(error.option).toBe("end");
    expect(error.message).toContain("week buckets");
  });

  it("milestones with a look-ahead over 100 years", () => {
    const error = optionsError(() => milestones(purchases, { asOf: "2024-06-01", within: { years: 100_000 } }));
    expect(error.option).toBe("within");
    expect(milestones(purchases, { asOf: "2024-06-01", within: { years: 100 } }).counts.anniversary).toBeGreaterThan(0);
  });

  it("checkBucketCount passes the ceiling itself and refuses one more, or a count that is not finite", () => {
    expect(() => checkBucketCount("x", MAX_BUCKETS, "buckets")).not.toThrow();
    expect(() => checkBucketCount("x", MAX_BUCKETS + 1, "buckets")).toThrow(/^x: this call would lay out 100001 buckets/);
    expect(() => checkBucketCount("x", Number.NaN, "buckets")).toThrow(/unboundedly many/);
  });
});

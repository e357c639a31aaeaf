import { UTCDate } from "@date-fns/utc";
import { addDays, addMonths, addQuarters, addWeeks, addYears } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addBuckets, bucketKey, type Granularity } from "../../src/core/calendar";

/** date-fns on a UTC date: what `addBuckets` computed before its fixed-length and `Date.UTC` paths. */
function byDateFns(ms: number, granularity: Granularity, count: number): number {
  const date = new UTCDate(ms);
  const add = { day: addDays, week: addWeeks, month: addMonths, quarter: addQuarters, year: addYears }[granularity];
  return add(date, count).getTime();
}

const MAX_DATE_MS = 8.64e15;
const granularities = fc.constantFrom<Granularity>("day", "week", "month", "quarter", "year");

describe("addBuckets", () => {
  it("equals date-fns' add* on a UTC date for any instant and whole count (month ends and leap days included)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_DATE_MS, max: MAX_DATE_MS }), granularities, fc.integer({ min: -200_000, max: 200_000 }), (ms, granularity, count) => {
        expect(addBuckets(ms, granularity, count)).toEqual(byDateFns(ms, granularity, count));
      }),
      { numRuns: 5000 },
    );
  });

  it("moves from the last days of months and the edges of the date range as date-fns does", () => {
    const instants = ["2024-01-31T12:00:00Z", "2024-02-29T00:00:00Z", "2023-03-31T23:59:59.999Z", "1970-01-28T00:00:00Z", "-271821-04-20T00:00:00Z", "+275760-09-13T00:00:00Z"].map((s) => Date.parse(s));
    for (const ms of instants) {
      for (const granularity of ["day", "week", "month", "quarter", "year"] as const) {
        for (const count of [-13, -1, 0, 1, 2, 11, 12, 48]) expect(addBuckets(ms, granularity, count)).toEqual(byDateFns(ms, granularity, count));
      }
    }
  });

  it("walks the 96,359 monthly buckets from 1970-01 to 9999-12", () => {
    let from = Date.UTC(1970, 0, 1);
    let steps = 0;
    while (from < Date.UTC(9999, 11, 1)) {
      from = addBuckets(from, "month", 1);
      steps++;
    }
    expect(steps).toBe(8029 * 12 + 11);
    expect(bucketKey(from, "month")).toBe("9999-12");
  });
});

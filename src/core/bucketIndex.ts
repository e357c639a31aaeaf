import type { Granularity, WeekStartsOn } from "../core/calendar";
import { RetentionOptionsError } from "../input/errors";

const DAY_MS = 86_400_000;

/** Days from 1970-01-01 (a Thursday) to the start of the week that holds it. */
const weekShift = (weekStartsOn: WeekStartsOn): number => (4 - weekStartsOn + 7) % 7;

/**
 * The proleptic Gregorian date of a UTC day number (days since 1970-01-01), by H. Hinnant's
 * `civil_from_days` ("chrono-Compatible Low-Level Date Algorithms", 2013), without a `Date`.
 *
 * @example civilFromDays(19782) //=> { year: 2024, month: 2, day: 29 }
 */
export function civilFromDays(days: number): { readonly year: number; readonly month: number; readonly day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1 };
}

/** Months since 0000-01 (year · 12 + month − 1) of a UTC day number. */
function monthOfDay(day: number): number {
  const { year, month } = civilFromDays(day);
  return year * 12 + month - 1;
}

/**
 * The index of the UTC calendar bucket that holds `ms`: consecutive buckets have
 * consecutive indices, so the offset between two buckets is a subtraction. Pure
 * arithmetic on epoch days (no `Date`, no date-fns), for loops over millions of rows;
 * `bucketIndexStart` maps an index back to its start, which equals date-fns
 * `bucketStart` of any instant in the bucket.
 *
 * @param ms - epoch milliseconds
 * @param granularity - day, week (starting on `weekStartsOn`), month, quarter or year
 * @param weekStartsOn - first day of the week, 0 = Sunday … 6 (default 1, Monday)
 * @returns an integer; day 0 is 1970-01-01, month indices count from year 0
 * @example
 * bucketIndex(Date.UTC(2024, 1, 10), "month") - bucketIndex(Date.UTC(2023, 11, 31), "month")
 * //=> 2
 */
export function bucketIndex(ms: number, granularity: Granularity, weekStartsOn: WeekStartsOn = 1): number {
  const day = Math.floor(ms / DAY_MS);
  switch (granularity) {
    case "day":
      return day;
    case "week":
      return Math.floor((day + weekShift(weekStartsOn)) / 7);
    case "month":
      return monthOfDay(day);
    case "quarter":
      return Math.floor(monthOfDay(day) / 3);
    case "year":
      return Math.floor(monthOfDay(day) / 12);
  }
}

/**
 * Start (epoch ms, UTC) of the bucket with index `index` (the inverse of `bucketIndex`).
 *
 * @example
 * new Date(bucketIndexStart(bucketIndex(Date.UTC(2024, 4, 9), "quarter"), "quarter")).toISOString()
 * //=> "2024-04-01T00:00:00.000Z"
 */
export function bucketIndexStart(index: number, granularity: Granularity, weekStartsOn: WeekStartsOn = 1): number {
  switch (granularity) {
    case "day":
      return index * DAY_MS;
    case "week":
      return (index * 7 - weekShift(weekStartsOn)) * DAY_MS;
    case "month":
      return monthStart(index);
    case "quarter":
      return monthStart(index * 3);
    case "year":
      return monthStart(index * 12);
  }
}

function monthStart(monthIndex: number): number {
  const year = Math.floor(monthIndex / 12);
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex - year * 12, 1);
  return date.getTime();
}

/**
 * The most calendar buckets (periods, offsets, steps) one call may lay out. 100,000 days is
 * 273 years, so no real data reaches it, while a mistyped date (`asOf: 9999-12-31`) would
 * otherwise make a call allocate gigabytes. Documented in docs/cohorts.md, "Limits".
 */
export const MAX_BUCKETS = 100_000;

/** The most cells one cohort table may hold (cohorts × observed offsets): 1,000,000, about four years of daily cohorts. */
export const MAX_COHORT_CELLS = 1_000_000;

/**
 * Throws `RetentionOptionsError` naming `option` when `count` (of `what`, e.g. "daily
 * buckets") exceeds `ceiling`; callers check before they allocate. A count that is not a
 * finite number (a date out of range) counts as over the ceiling.
 *
 * @example
 * checkBucketCount("asOf", 2_900_000, "day offsets")
 * // throws RetentionOptionsError: "asOf: this call would lay out 2900000 day offsets, over the ceiling of 100000; …"
 */
export function checkBucketCount(option: string, count: number, what: string, ceiling: number = MAX_BUCKETS, hint = "narrow the dates or use a coarser granularity"): void {
  if (Number.isFinite(count) && count <= ceiling) return;
  throw new RetentionOptionsError(option, `this call would lay out ${Number.isFinite(count) ? count : "unboundedly many"} ${what}, over the ceiling of ${ceiling}; ${hint}`);
}

import { UTCDateMini as UTCDate } from "@date-fns/utc/date/mini";
import { addMonths } from "date-fns/addMonths";
import { addQuarters } from "date-fns/addQuarters";
import { addYears } from "date-fns/addYears";
import { getWeek } from "date-fns/getWeek";
import { getWeekYear } from "date-fns/getWeekYear";
import { startOfDay } from "date-fns/startOfDay";
import { startOfMonth } from "date-fns/startOfMonth";
import { startOfQuarter } from "date-fns/startOfQuarter";
import { startOfWeek } from "date-fns/startOfWeek";
import { startOfYear } from "date-fns/startOfYear";
import { RetentionOptionsError } from "../input/errors";
import { printValue } from "../input/describeValue";

/** Calendar buckets, all in UTC. */
export type Granularity = "day" | "week" | "month" | "quarter" | "year";

/** First day of the week: 0 = Sunday … 6 = Saturday (default 1, Monday, as ISO 8601). */
export type WeekStartsOn = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const GRANULARITIES: readonly Granularity[] = ["day", "week", "month", "quarter", "year"];

/** Throws `RetentionOptionsError`, naming `option`, unless `value` is one of `allowed`. */
export function checkGranularity<G extends Granularity>(value: unknown, allowed: readonly G[], fn: string, option = "granularity"): G {
  if (!allowed.includes(value as G)) {
    throw new RetentionOptionsError(option, `${fn} expects one of ${allowed.join(", ")}, found ${printValue(value)}`);
  }
  return value as G;
}

/** Throws `RetentionOptionsError` unless `value` is a whole day of the week, 0–6. */
export function checkWeekStartsOn(value: unknown): WeekStartsOn {
  if (value === undefined) return 1;
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 6) {
    throw new RetentionOptionsError("weekStartsOn", `expected an integer from 0 (Sunday) to 6, found ${printValue(value)}`);
  }
  return value as WeekStartsOn;
}

/** Start (epoch ms, UTC) of the bucket that holds `ms`. */
export function bucketStart(ms: number, granularity: Granularity, weekStartsOn: WeekStartsOn = 1): number {
  const date = new UTCDate(ms);
  switch (granularity) {
    case "day":
      return startOfDay(date).getTime();
    case "week":
      return startOfWeek(date, { weekStartsOn }).getTime();
    case "month":
      return startOfMonth(date).getTime();
    case "quarter":
      return startOfQuarter(date).getTime();
    case "year":
      return startOfYear(date).getTime();
  }
}

const DAY_MS = 86_400_000;
/** The largest distance from the epoch a `Date` can hold (ECMAScript time values). */
const MAX_DATE_MS = 8.64e15;

/**
 * The instant `count` buckets after `ms` (calendar arithmetic in UTC, as date-fns' `addDays` …
 * `addYears` on a UTC date). Days and weeks have no daylight saving in UTC, so they are fixed
 * lengths; months, quarters and years on a day of the month that every month has (1–28) are
 * `Date.UTC` with the month moved, which is what `addMonths` gives there. Only a day 29–31,
 * where the month may be shorter, goes through date-fns' clamping. A trend over 96,000 months
 * then costs no date object per bucket.
 */
export function addBuckets(ms: number, granularity: Granularity, count: number): number {
  if (granularity === "day" || granularity === "week") {
    const moved = ms + count * (granularity === "day" ? DAY_MS : 7 * DAY_MS);
    return Math.abs(moved) <= MAX_DATE_MS ? moved : Number.NaN;
  }
  const months = granularity === "month" ? count : granularity === "quarter" ? 3 * count : 12 * count;
  const date = new Date(ms);
  if (date.getUTCDate() <= 28 && Number.isInteger(months)) {
    const moved = new Date(ms);
    moved.setUTCMonth(date.getUTCMonth() + months);
    return moved.getTime();
  }
  const utc = new UTCDate(ms);
  return (granularity === "month" ? addMonths(utc, count) : granularity === "quarter" ? addQuarters(utc, count) : addYears(utc, count)).getTime();
}

const pad = (value: number, width = 2): string => String(value).padStart(width, "0");

/**
 * The label of the bucket starting at `start`: `2024-01-15`, `2024-W03` (ISO week-numbering
 * year and week when weeks start on Monday), `2024-01`, `2024-Q1` or `2024`.
 */
export function bucketKey(start: number, granularity: Granularity, weekStartsOn: WeekStartsOn = 1): string {
  const date = granularity === "week" ? new UTCDate(start) : new Date(start);
  const year = date.getUTCFullYear();
  switch (granularity) {
    case "day":
      return `${year}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    case "week": {
      const options = { weekStartsOn, firstWeekContainsDate: 4 } as const;
      return `${getWeekYear(date, options)}-W${pad(getWeek(date, options))}`;
    }
    case "month":
      return `${year}-${pad(date.getUTCMonth() + 1)}`;
    case "quarter":
      return `${year}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
    case "year":
      return String(year);
  }
}

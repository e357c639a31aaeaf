import { bucketIndex } from "../core/bucketIndex";
import { checkGranularity, checkWeekStartsOn, GRANULARITIES, type Granularity, type WeekStartsOn } from "../core/calendar";
import { RetentionOptionsError } from "../input/errors";
import type { TimeUnit } from "./models/modelTypes";
import { printValue } from "../input/describeValue";

const DAY_MS = 86_400_000;

/** How summaries turn instants into transaction keys and elapsed time. */
export interface TimeAxis {
  readonly timeUnit: TimeUnit;
  readonly calendar: Granularity | null;
  /** The transaction a purchase at `ms` belongs to: its UTC day, or its calendar bucket. */
  readonly key: (ms: number) => number;
  /** Time between two transaction keys, in `timeUnit`. */
  readonly span: (fromKey: number, toKey: number) => number;
  /** Time from a transaction key to the instant `endMs`, in `timeUnit`. */
  readonly toEnd: (fromKey: number, endMs: number) => number;
}

/** Options that choose the time axis of a summary. */
export interface TimeAxisOptions {
  /** Unit of elapsed time when `calendar` is not given: `day` or `week` (7 days exactly); default `day` (as lifetimes' `freq="D"`). */
  readonly timeUnit?: "day" | "week" | undefined;
  /** Count whole calendar buckets instead (as lifetimes' `freq='W'` / `freq='M'`); the unit is then the bucket. */
  readonly calendar?: Granularity | undefined;
  /** First day of a calendar week, 0 = Sunday … 6; default 1 (Monday, as pandas' weekly periods). */
  readonly weekStartsOn?: WeekStartsOn | undefined;
}

/**
 * Reads `timeUnit` / `calendar` / `weekStartsOn`. By default a transaction is a UTC day,
 * its time is that day's midnight, and times are elapsed days or weeks (7 days exactly) up to
 * the instant of `asOf`. With `calendar`, a transaction is a calendar bucket and times are
 * whole buckets (`bucketIndex`: consecutive buckets have consecutive indices).
 *
 * @throws {RetentionOptionsError} when an option is unknown, or `timeUnit` contradicts `calendar`
 */
export function readTimeAxis(options: TimeAxisOptions, fn: string): TimeAxis {
  const { calendar, timeUnit } = options;
  if (calendar !== undefined) {
    checkGranularity(calendar, GRANULARITIES, fn, "calendar");
    if (timeUnit !== undefined && timeUnit !== calendar) {
      throw new RetentionOptionsError("timeUnit", `${fn}: with calendar "${calendar}" times count whole ${calendar}s; drop timeUnit or set it to "${calendar}"`);
    }
    const weekStartsOn = checkWeekStartsOn(options.weekStartsOn);
    const key = (ms: number): number => bucketIndex(ms, calendar, weekStartsOn);
    return { timeUnit: calendar, calendar, key, span: (from, to) => to - from, toEnd: (from, endMs) => key(endMs) - from };
  }
  const unit = timeUnit ?? "day";
  if (unit !== "day" && unit !== "week") throw new RetentionOptionsError("timeUnit", `${fn} expects "day" or "week" (or a calendar), found ${printValue(unit)}`);
  const days = unit === "week" ? 7 : 1;
  return {
    timeUnit: unit,
    calendar: null,
    key: (ms) => Math.floor(ms / DAY_MS),
    span: (from, to) => (to - from) / days,
    toEnd: (from, endMs) => (endMs - from * DAY_MS) / (DAY_MS * days),
  };
}

/** Options of a discrete-time summary: each calendar `granularity` bucket is one transaction opportunity. */
export interface PeriodAxisOptions {
  readonly timeUnit: "period";
  /** The calendar bucket that makes one opportunity: day, week, month, quarter or year (UTC). */
  readonly granularity: Granularity;
  /** First day of a week when granularity is "week", 0 = Sunday … 6; default 1 (Monday). */
  readonly weekStartsOn?: WeekStartsOn | undefined;
}

/**
 * The axis of a discrete-time summary (`timeUnit: "period"`): a transaction is a calendar
 * bucket of `granularity` with a purchase, and times are whole buckets (`bucketIndex`), so
 * recency is the opportunity of the last transaction counted from the first (birth) bucket and
 * T, the opportunities, is the bucket holding asOf counted from it.
 *
 * @throws {RetentionOptionsError} when `granularity` is missing or unknown, or `calendar` is also given
 */
export function readPeriodAxis(options: PeriodAxisOptions & { readonly calendar?: unknown }, fn: string): TimeAxis {
  if (options.calendar !== undefined) {
    throw new RetentionOptionsError("calendar", `${fn}: with timeUnit "period" the opportunity is set by granularity; drop calendar`);
  }
  const granularity = checkGranularity(options.granularity, GRANULARITIES, fn, "granularity");
  const weekStartsOn = checkWeekStartsOn(options.weekStartsOn);
  const key = (ms: number): number => bucketIndex(ms, granularity, weekStartsOn);
  return { timeUnit: "period", calendar: granularity, key, span: (from, to) => to - from, toEnd: (from, endMs) => key(endMs) - from };
}

import { add } from "date-fns/add";
import { sub } from "date-fns/sub";
// The mini class: UTCDate adds only formatting, and builds three Intl.DateTimeFormat when imported (tens of ms of every start).
import { UTCDateMini as UTCDate } from "@date-fns/utc/date/mini";
import { RetentionOptionsError } from "../input/errors";

/** A point in time: a `Date`, an ISO-8601 string (UTC unless it carries an offset), or epoch milliseconds. */
export type DateInput = Date | string | number;

/**
 * A calendar length of time, applied in UTC: months and years follow the calendar (adding
 * one month to Jan 31 gives the last day of February), the other fields are exact. Each field
 * is a number; absent fields count as 0. The same shape as date-fns' `Duration`, declared
 * here so the library's published types import nothing from date-fns.
 *
 * @example
 * const quarter: Duration = { months: 3 };
 */
export interface Duration {
  readonly years?: number;
  readonly months?: number;
  readonly weeks?: number;
  readonly days?: number;
  readonly hours?: number;
  readonly minutes?: number;
  readonly seconds?: number;
}

/** A length of time: a `Duration` (calendar-aware, applied in UTC) or milliseconds. */
export type DurationInput = Duration | number;

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Days in `month` (1–12) of `year`, in the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return 30 + ((month + (month >> 3)) & 1);
}

/** Largest UTC offset accepted, ±18:00 (the range of `java.time.ZoneOffset` and of real zones, which stop at ±14:00). */
const MAX_OFFSET_MINUTES = 18 * 60;

/**
 * Parses an ISO-8601 date or date-time into epoch milliseconds, or `null` when it is not
 * one. A string without an offset is read as UTC (date-fns `parseISO` would read it in the
 * machine's local zone, which would make results depend on where the code runs). Offsets
 * beyond ±18:00, or with minutes over 59, are not offsets and make the string invalid.
 */
export function parseIsoToEpochMs(text: string): number | null {
  const fast = parseCommonIso(text);
  if (fast !== null) return fast;
  const m = ISO.exec(text.trim());
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month) || hour > 24 || minute > 59 || second > 59) return null;
  if (hour === 24 && (minute !== 0 || second !== 0 || millis !== 0)) return null;
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone !== undefined && zone.toUpperCase() !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const offsetHours = Number(digits.slice(0, 2));
    const minutesPart = Number(digits.slice(2) || "0");
    if (minutesPart > 59 || offsetHours * 60 + minutesPart > MAX_OFFSET_MINUTES) return null;
    offsetMinutes = sign * (offsetHours * 60 + minutesPart);
  }
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, millis);
  return utc.getTime() - offsetMinutes * 60_000;
}

const DAY_MS = 86_400_000;

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil), for whole
 * `year`, `month` (1–12) and `day`. Only the era needs a floored division: the year of the era
 * (0–399) and the day of the year's numerator are never negative, so their quotients are
 * truncated as small integers (`| 0`, `>> 2`), which the engine computes without a float
 * division (0.66 of the time of `Math.floor` throughout, on 2M dates).
 *
 * @example
 * daysFromCivil(2000, 3, 1) //=> 11017
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = (((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) | 0) + day - 1;
  const dayOfEra = yearOfEra * 365 + (yearOfEra >> 2) - ((yearOfEra / 100) | 0) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The number the two ASCII digits at `at` of `text` write, or -1 when one is not a digit (`at + 1` must be inside `text`). */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >>> 0 > 9 || ones >>> 0 > 9 ? -1 : tens * 10 + ones;
}

/**
 * The two shapes that make up most exports, `YYYY-MM-DD` and `YYYY-MM-DDTHH:MM:SS[.sss]Z`
 * (what `Date#toISOString` writes), read without a regular expression; `null` for anything
 * else, which then takes the general path. Digits are read two at a time and checked together,
 * the separators last: about 0.7 of the time of a digit-by-digit loop on a million
 * `toISOString()` strings.
 */
function parseCommonIso(text: string): number | null {
  const length = text.length;
  if (length !== 10 && length !== 20 && length !== 24) return null;
  const century = twoDigits(text, 0);
  const yearOfCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if ((century | yearOfCentury) < 0 || month < 1 || month > 12 || day < 1 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = century * 100 + yearOfCentury;
  if (day > daysInMonth(year, month)) return null;
  const midnight = daysFromCivil(year, month, day) * DAY_MS;
  if (length === 10) return midnight;
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  let millis = 0;
  if (length === 24) {
    const hundredths = twoDigits(text, 20);
    const thousandths = text.charCodeAt(22) - 48;
    millis = hundredths < 0 || thousandths >>> 0 > 9 || text.charCodeAt(19) !== 46 ? -1 : hundredths * 10 + thousandths;
  }
  if ((hour | minute | second | millis) < 0 || hour > 23 || minute > 59 || second > 59) return null;
  if (text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58 || text.charCodeAt(length - 1) !== 90) return null;
  return midnight + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
}

/** Largest magnitude of epoch milliseconds a JavaScript `Date` can hold. */
export const MAX_EPOCH_MS = 8.64e15;

/** Converts a `DateInput` into epoch milliseconds, or `null` when it is not a valid instant. */
export function toEpochMs(value: unknown): number | null {
  if (typeof value === "number") {
    return Number.isFinite(value) && Math.abs(value) <= MAX_EPOCH_MS ? value : null;
  }
  if (typeof value === "string") return parseIsoToEpochMs(value);
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? ms : null;
  }
  return null;
}

/** The instant `duration` before `epochMs`, calendar-aware in UTC for a `Duration`. */
export function subtractDuration(epochMs: number, duration: DurationInput): number {
  return withinDateRange(typeof duration === "number" ? epochMs - duration : sub(new UTCDate(epochMs), duration).getTime());
}

/** The instant `duration` after `epochMs`, calendar-aware in UTC for a `Duration`. */
export function addDuration(epochMs: number, duration: DurationInput): number {
  return withinDateRange(typeof duration === "number" ? epochMs + duration : add(new UTCDate(epochMs), duration).getTime());
}

/**
 * `epochMs` when a `Date` can hold it; a `RetentionOptionsError` naming `option` when a window
 * computed from it reaches past ±8.64e15 ms (about 271,821 BC to AD 275,760).
 */
export function withinDateRange(epochMs: number, option = "period"): number {
  if (Number.isFinite(epochMs) && Math.abs(epochMs) <= MAX_EPOCH_MS) return epochMs;
  throw new RetentionOptionsError(option, "a window reaches past the dates a JavaScript Date can hold (±8.64e15 ms from 1970, about 271,821 BC to AD 275,760)");
}

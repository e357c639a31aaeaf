import { daysFromCivil } from "../core/time";

const DAY_MS = 86_400_000;
const DASH = 45;
const COLON = 58;
const DOT = 46;
const T = 84;
const Z = 90;

/** The number written by `count` ASCII digits at `from`, or -1 when one is not a digit. */
function digitsAt(bytes: Uint8Array, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = bytes[i]! - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Days in `month` (1–12) of `year`, in the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return 30 + ((month + (month >> 3)) & 1);
}

/**
 * Reads the ASCII bytes `[start, end)` as one of the two shapes `parseIsoToEpochMs` reads
 * without a regular expression, `YYYY-MM-DD` and `YYYY-MM-DDTHH:MM:SS[.sss]Z` (what
 * `Date#toISOString` writes), to epoch milliseconds; NaN for anything else, which the caller
 * then reads as text. It accepts exactly the cells of those shapes that `parseIsoToEpochMs`
 * accepts and gives the same milliseconds (the property tests compare them).
 *
 * @example
 * isoBytesToEpochMs(new TextEncoder().encode("1970-01-02"), 0, 10) //=> 86400000
 */
export function isoBytesToEpochMs(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length !== 10 && length !== 20 && length !== 24) return NaN;
  if (bytes[start + 4] !== DASH || bytes[start + 7] !== DASH) return NaN;
  const year = digitsAt(bytes, start, 4);
  const month = digitsAt(bytes, start + 5, 2);
  const day = digitsAt(bytes, start + 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  const midnight = daysFromCivil(year, month, day) * DAY_MS;
  if (length === 10) return midnight;
  if (bytes[start + 10] !== T || bytes[start + 13] !== COLON || bytes[start + 16] !== COLON || bytes[end - 1] !== Z) return NaN;
  const hour = digitsAt(bytes, start + 11, 2);
  const minute = digitsAt(bytes, start + 14, 2);
  const second = digitsAt(bytes, start + 17, 2);
  const millis = length === 24 ? (bytes[start + 19] === DOT ? digitsAt(bytes, start + 20, 3) : -1) : 0;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || millis < 0) return NaN;
  return midnight + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
}

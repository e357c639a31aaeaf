import { daysFromCivil, daysInMonth } from "../core/time";

const DAY_MS = 86_400_000;
const DASH = 45;
const COLON = 58;
const DOT = 46;
const T = 84;
const Z = 90;

/** The number written by the two ASCII digits at `i`, or -1 when one is not a digit. */
function twoDigits(bytes: Uint8Array, i: number): number {
  const high = bytes[i]! - 48;
  const low = bytes[i + 1]! - 48;
  return high >>> 0 > 9 || low >>> 0 > 9 ? -1 : high * 10 + low;
}

/** The milliseconds written by the three ASCII digits at `i`, or -1 when one is not a digit. */
function millisAt(bytes: Uint8Array, i: number): number {
  const hundreds = bytes[i]! - 48;
  const rest = twoDigits(bytes, i + 1);
  return hundreds >>> 0 > 9 || rest < 0 ? -1 : hundreds * 100 + rest;
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
  const century = twoDigits(bytes, start);
  const yearOfCentury = twoDigits(bytes, start + 2);
  const month = twoDigits(bytes, start + 5);
  const day = twoDigits(bytes, start + 8);
  if (century < 0 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1) return NaN;
  const year = century * 100 + yearOfCentury;
  if (day > daysInMonth(year, month)) return NaN;
  const midnight = daysFromCivil(year, month, day) * DAY_MS;
  if (length === 10) return midnight;
  if (bytes[start + 10] !== T || bytes[start + 13] !== COLON || bytes[start + 16] !== COLON || bytes[end - 1] !== Z) return NaN;
  const hour = twoDigits(bytes, start + 11);
  const minute = twoDigits(bytes, start + 14);
  const second = twoDigits(bytes, start + 17);
  const millis = length === 24 ? (bytes[start + 19] === DOT ? millisAt(bytes, start + 20) : -1) : 0;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || millis < 0) return NaN;
  return midnight + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
}

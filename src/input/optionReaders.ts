import type { DurationInput } from "../core/time";
import { describeValue, isPlainObject } from "./describeValue";
import { RetentionOptionsError } from "./errors";

/*
 * The one rule for options (docs/input.md, "Options"): a numeric option is a `number` in a
 * stated range (a numeric string is refused, never coerced); a count is a safe integer; a
 * switch is `true` or `false`; a duration is milliseconds or a `Duration` of whole,
 * non-negative parts; a nested options object is a plain object. Money and exact rates, which
 * the library holds as Decimals, are read by `decimalOption`/`moneyOption` (clv/readMoneyOption)
 * and may be decimal strings, as amounts may. Anything else is a `RetentionOptionsError`
 * naming the option.
 */

/** A closed or open interval; open ends are excluded. */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly minOpen?: boolean;
  readonly maxOpen?: boolean;
}

const rangeText = (range: NumberRange): string =>
  `${range.minOpen === true ? "(" : "["}${range.min}, ${range.max}${range.maxOpen === true ? ")" : "]"}`;

/**
 * A number option in `range`; `fallback` when it is `undefined`.
 *
 * @example
 * numberOption("confidence", undefined, { min: 0, max: 1, minOpen: true, maxOpen: true }, 0.95) //=> 0.95
 * numberOption("confidence", "0.9", { min: 0, max: 1 }, 0.95) // throws RetentionOptionsError: confidence: expected a number in [0, 1], found a string ("0.9")
 */
export function numberOption(name: string, value: unknown, range: NumberRange, fallback: number): number {
  if (value === undefined) return fallback;
  const inRange =
    typeof value === "number" &&
    Number.isFinite(value) &&
    (range.minOpen === true ? value > range.min : value >= range.min) &&
    (range.maxOpen === true ? value < range.max : value <= range.max);
  if (!inRange) throw new RetentionOptionsError(name, `expected a number in ${rangeText(range)}, found ${describeValue(value)}`);
  return value;
}

/**
 * A whole-number option from `min` to `max` (inclusive); `fallback` when it is `undefined`.
 *
 * @example
 * integerOption("top", 5, { min: 0, max: 1000 }, 10) //=> 5
 * integerOption("top", -1, { min: 0, max: 1000 }, 10) // throws "top: expected a whole number from 0 to 1000, found a number (-1)"
 */
export function integerOption(name: string, value: unknown, range: { readonly min: number; readonly max: number }, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(Number.isSafeInteger(value) && (value as number) >= range.min && (value as number) <= range.max)) {
    throw new RetentionOptionsError(name, `expected a whole number from ${range.min} to ${range.max}, found ${describeValue(value)}`);
  }
  return value as number;
}

/**
 * A `true`/`false` option; `fallback` when it is `undefined`.
 *
 * @example
 * booleanOption("includeInitial", undefined, false) //=> false
 * booleanOption("includeInitial", "yes", false) // throws "includeInitial: expected true or false, found a string (\"yes\")"
 */
export function booleanOption(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") throw new RetentionOptionsError(name, `expected true or false, found ${describeValue(value)}`);
  return value;
}

/**
 * A nested options object (`kpiReport`'s `cohorts`): a plain object, `{}` when `undefined`.
 *
 * @example
 * nestedOptions("cohorts", "x") // throws "cohorts: expected an options object, found a string (\"x\")"
 */
export function nestedOptions<T extends object>(name: string, value: T | undefined): T {
  if (value === undefined) return {} as T;
  if (!isPlainObject(value)) throw new RetentionOptionsError(name, `expected an options object, found ${describeValue(value)}`);
  return value;
}

const DURATION_FIELDS = new Set(["years", "months", "weeks", "days", "hours", "minutes", "seconds"]);

/**
 * A duration option: finite milliseconds, or a `Duration` whose fields are among years, months,
 * weeks, days, hours, minutes and seconds, each a whole number ≥ 0 (so signs cannot be mixed and
 * date-fns never truncates a fraction). Whether it must be positive is the caller's check.
 *
 * @example
 * durationOption("activeWindow", { months: 1 }) //=> { months: 1 }
 * durationOption("activeWindow", { months: 1.5 }) // throws "activeWindow: expected ..., found months a number (1.5)"
 */
export function durationOption(name: string, value: unknown): DurationInput {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RetentionOptionsError(name, `expected finite milliseconds, found ${describeValue(value)}`);
    return value;
  }
  const expected = "expected milliseconds or a duration such as { months: 1 } whose fields (years, months, weeks, days, hours, minutes, seconds) are whole numbers ≥ 0";
  if (!isPlainObject(value)) throw new RetentionOptionsError(name, `${expected}, found ${describeValue(value)}`);
  for (const key of Object.keys(value)) {
    const part = (value as Record<string, unknown>)[key];
    if (!DURATION_FIELDS.has(key)) throw new RetentionOptionsError(name, `${expected}, found the field ${JSON.stringify(key)}`);
    if (part !== undefined && !(Number.isSafeInteger(part) && (part as number) >= 0)) {
      throw new RetentionOptionsError(name, `${expected}, found ${key} ${describeValue(part)}`);
    }
  }
  return value as DurationInput;
}

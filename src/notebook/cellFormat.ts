/*
 * The cells of the notebook tables: each reads one field of a result, checks it is what the
 * library returns there, and formats it as the reports do. A field of the wrong type, or a
 * number that is not finite, is a `RetentionInputError` naming the field, never "NaN" in a cell.
 */
import { Decimal } from "../core/money";
import { describeValue } from "../input/describeValue";
import { shapeError } from "../input/errors";
import { formatDate, formatDecimal, formatInt, formatNumber, formatPercent } from "../report/format";

/** Where a field sits in the displayed result: the result's kind, then keys and indexes. */
export type FieldPath = readonly (string | number)[];

function wrong(path: FieldPath, expected: string, value: unknown): never {
  throw shapeError(path, "invalid_result", `display expects ${expected}, found ${describeValue(value)}`);
}

/** The field `key` of `value`, which must be an object. */
export function field(value: unknown, key: string, path: FieldPath): unknown {
  if (typeof value !== "object" || value === null) wrong(path, "an object", value);
  return (value as Record<string, unknown>)[key];
}

/** `value` as an array. */
export function list(value: unknown, path: FieldPath): readonly unknown[] {
  if (!Array.isArray(value)) wrong(path, "an array", value);
  return value;
}

/** A count: a whole number ≥ 0. */
export function count(value: unknown, path: FieldPath): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) wrong(path, "a whole number ≥ 0", value);
  return value;
}

/** A finite number, or null when `nullable`. */
export function finite(value: unknown, path: FieldPath, nullable = false): number | null {
  if (nullable && value === null) return null;
  if (typeof value !== "number" || !Number.isFinite(value)) wrong(path, nullable ? "a finite number or null" : "a finite number", value);
  return value;
}

/** Text. */
export function text(value: unknown, path: FieldPath): string {
  if (typeof value !== "string") wrong(path, "a string", value);
  return value;
}

/** A count cell: 1,234. */
export const countCell = (value: unknown, path: FieldPath): string => formatInt(count(value, path));

/** A number cell with `digits` decimals; "n/a" for null when `nullable`. */
export const numberCell = (value: unknown, path: FieldPath, digits = 2, nullable = false): string => formatNumber(finite(value, path, nullable), digits);

/** A rate cell as a percentage: 22.2%; "n/a" for null. */
export const rateCell = (value: unknown, path: FieldPath): string => formatPercent(finite(value, path, true));

/**
 * A money cell: a `Decimal` (or the decimal string JSON makes of one, or a finite number)
 * rounded half-even to `places` decimals, thousands grouped: 1,234.50. "n/a" for null.
 */
export function moneyCell(value: unknown, path: FieldPath, places: number): string {
  if (value === null) return "n/a";
  let amount: Decimal | null = null;
  if (Decimal.isDecimal(value)) amount = new Decimal(value as Decimal);
  else if (typeof value === "string" && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value)) amount = new Decimal(value);
  else if (typeof value === "number" && Number.isFinite(value)) amount = new Decimal(value);
  if (amount === null || !amount.isFinite()) wrong(path, "an amount of money (a Decimal)", value);
  return formatDecimal(amount, places);
}

/** A date cell: a valid `Date` (or the ISO text JSON makes of one) as 2024-01-31, with the time when it is not midnight UTC. */
export function dateCell(value: unknown, path: FieldPath): string {
  const date = value instanceof Date ? value : typeof value === "string" && /^\d{4}-\d\d-\d\dT/.test(value) ? new Date(value) : null;
  if (date === null || !Number.isFinite(date.getTime())) wrong(path, "a date", value);
  const iso = date.toISOString();
  return iso.slice(11) === "00:00:00.000Z" ? formatDate(date) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/*
 * Plain decimal strings: the text form money takes between input and the integer units the
 * ledger sums. Nothing here imports decimal.js, so code that only reads amounts (the ledger
 * builder, NPS) does not pull it into a browser bundle.
 */

import { keepHiddenClass } from "./keepHiddenClass";

/** A decimal string with no exponent, as produced by `toPlainDecimalString`. */
const PLAIN_DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$|^([+-]?)\.(\d+)$/;

/** A decimal string with an exponent: sign, integer digits, fraction digits, exponent. */
const EXPONENT_DECIMAL = /^([+-]?)(\d*)\.?(\d*)e([+-]?\d+)$/i;

/**
 * Longest money text read, in characters (whitespace included): longer text is refused before
 * it is parsed, so no cell can make reading it slow.
 */
export const MAX_MONEY_TEXT_LENGTH = 100;

/**
 * Largest exponent read (`1e1000`, `5e-1000`, or a Decimal's exponent): larger ones are refused
 * before they are expanded, which keeps every plain decimal string short.
 */
export const MAX_MONEY_EXPONENT = 1000;

/**
 * Most decimal places an amount may have. The ledger stores money as integer counts of the
 * finest place used (see `toUnits`), which must stay safe integers.
 */
export const MAX_MONEY_SCALE = 15;

/**
 * Writes `sign · 0.digits × 10^pointAt` without an exponent, the way decimal.js `toFixed()`
 * does: no leading zeros before the point, no trailing zeros after it, "0" for zero.
 */
export function placePoint(negative: boolean, digits: string, pointAt: number): string {
  const first = digits.search(/[1-9]/);
  if (first < 0) return "0";
  let last = digits.length;
  while (digits.charCodeAt(last - 1) === 48) last--;
  const significant = digits.slice(first, last);
  const exponent = pointAt - first;
  let text: string;
  if (exponent <= 0) text = `0.${"0".repeat(-exponent)}${significant}`;
  else if (exponent >= significant.length) text = significant + "0".repeat(exponent - significant.length);
  else text = `${significant.slice(0, exponent)}.${significant.slice(exponent)}`;
  return negative ? `-${text}` : text;
}

/** Expands `1.5e3` → `1500`, `-2E-3` → `-0.002`; `null` when the text is not such a number. */
function expandExponent(text: string): string | null {
  const m = EXPONENT_DECIMAL.exec(text);
  if (m === null) return null;
  const whole = m[2] ?? "";
  const fraction = m[3] ?? "";
  if (whole.length + fraction.length === 0) return null;
  const exponent = Number(m[4]);
  if (!(Math.abs(exponent) <= MAX_MONEY_EXPONENT)) return null;
  return placePoint(m[1] === "-", whole + fraction, whole.length + exponent);
}

/** A decimal.js instance: `e` is its exponent, `d` its digits in base 1e7 (null when not finite). */
interface DecimalLike {
  readonly e: number;
  readonly d: readonly number[] | null;
  isFinite(): boolean;
  toFixed(): string;
}

/** True for a decimal.js instance (of any copy of decimal.js), recognised by its tag. */
function isDecimalLike(value: unknown): value is DecimalLike {
  return typeof value === "object" && value !== null && (value as { toStringTag?: unknown }).toStringTag === "[object Decimal]";
}

/** A finite Decimal's plain text, or `null` when writing it out would break the text or exponent limit. */
function decimalToPlain(value: DecimalLike): string | null {
  if (!value.isFinite()) return null;
  const digitGroups = Array.isArray(value.d) ? value.d.length : 0;
  if (!(Math.abs(value.e) <= MAX_MONEY_EXPONENT) || digitGroups * 7 > MAX_MONEY_TEXT_LENGTH) return null;
  return value.toFixed();
}

/**
 * Turns a money input into a plain decimal string (no exponent), or `null` when it is
 * not a finite number. Exponent forms (`"1e3"`, `1e-7`) are expanded exactly, as decimal.js
 * `toFixed()` writes them. Text longer than `MAX_MONEY_TEXT_LENGTH` characters and exponents
 * beyond ±`MAX_MONEY_EXPONENT` are refused before anything is expanded, so the answer takes
 * microseconds whatever the input (`moneyTextRefusal` says why).
 *
 * @example
 * toPlainDecimalString(" 19.99 ") //=> "19.99"
 * toPlainDecimalString(1e-7)      //=> "0.0000001"
 * toPlainDecimalString("abc")     //=> null
 */
export function toPlainDecimalString(value: unknown): string | null {
  if (typeof value === "string") {
    if (value.length > MAX_MONEY_TEXT_LENGTH) return null;
    const trimmed = value.trim();
    if (PLAIN_DECIMAL.test(trimmed)) return trimmed;
    return expandExponent(trimmed);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    const text = String(value);
    return text.includes("e") ? expandExponent(text) : text;
  }
  if (isDecimalLike(value)) return decimalToPlain(value);
  return null;
}

/**
 * Why `toPlainDecimalString` refused a value that is a number in form, for messages:
 * the text or exponent limit it breaks, or `null` when it is simply not a finite amount.
 *
 * @example
 * moneyTextRefusal("1e999999999") //=> "exponents beyond ±1000 are refused"
 * moneyTextRefusal("abc")         //=> null
 */
export function moneyTextRefusal(value: unknown): string | null {
  if (typeof value === "string") {
    if (value.length > MAX_MONEY_TEXT_LENGTH) return `amounts longer than ${MAX_MONEY_TEXT_LENGTH} characters are refused`;
    const m = EXPONENT_DECIMAL.exec(value.trim());
    if (m !== null && (m[2] ?? "").length + (m[3] ?? "").length > 0 && !(Math.abs(Number(m[4])) <= MAX_MONEY_EXPONENT)) {
      return `exponents beyond ±${MAX_MONEY_EXPONENT} are refused`;
    }
    return null;
  }
  if (isDecimalLike(value) && value.isFinite() && decimalToPlain(value) === null) {
    return `Decimals with an exponent beyond ±${MAX_MONEY_EXPONENT} or more than ${MAX_MONEY_TEXT_LENGTH} digits are refused`;
  }
  return null;
}

/**
 * What keeps a plain decimal from being held exactly as integer units, or `null` when it can
 * be: more than `MAX_MONEY_SCALE` decimal places, or a value that is not a safe integer count
 * of its own smallest place (|amount| × 10^places ≤ 2^53 − 1, about 9.007e15).
 *
 * @example
 * moneyLimitProblem("19.99")                //=> null
 * moneyLimitProblem("0.0000000000000000001") //=> "has 19 decimal places; at most 15 are held exactly"
 */
export function moneyLimitProblem(plain: string): string | null {
  const places = decimalPlaces(plain);
  if (places > MAX_MONEY_SCALE) return `has ${places} decimal places; at most ${MAX_MONEY_SCALE} are held exactly`;
  if (Math.abs(toUnits(plain, places)) > Number.MAX_SAFE_INTEGER) {
    return `is too large to hold exactly: |amount| × 10^(decimal places) must be at most ${Number.MAX_SAFE_INTEGER}`;
  }
  return null;
}

/** Number of digits after the point in a plain decimal string, ignoring trailing zeros. */
export function decimalPlaces(plain: string): number {
  const dot = plain.indexOf(".");
  if (dot < 0) return 0;
  let end = plain.length;
  while (end > dot + 1 && plain.charCodeAt(end - 1) === 48) end--;
  return end - dot - 1;
}

/**
 * Converts a plain decimal string into an integer count of `10^-scale` units.
 * Exact while the result is a safe integer; `scale` must be at least `decimalPlaces(plain)`.
 */
export function toUnits(plain: string, scale: number): number {
  const match = PLAIN_DECIMAL.exec(plain);
  if (match === null) throw new Error(`not a plain decimal: ${plain}`);
  const sign = (match[1] ?? match[4]) === "-" ? -1 : 1;
  const whole = match[2] ?? "0";
  const fraction = (match[3] ?? match[5] ?? "").slice(0, scale).padEnd(scale, "0");
  const units = Number(whole + fraction);
  return units === 0 ? 0 : sign * units;
}

/** Units above this are left to the general path by `MoneyReader` for numbers: below it, `Math.round(value · 10^p)` is provably the nearest integer. */
export const NUMBER_UNITS_LIMIT = 2 ** 50;

/**
 * Reads the common money inputs straight to integer units, without making a string: plain
 * decimal text (`"19.99"`, `"-2.50"`, `".5"`, `"+7"`) and finite numbers. After a `read` that
 * returns true, `units` counts `10^-places` and `places` is the number of decimal places
 * without trailing zeros: what `toUnits(plain, decimalPlaces(plain))` gives for the plain
 * decimal `toPlainDecimalString` makes of the same value, within the limits `moneyLimitProblem`
 * sets. It returns false for everything else (whitespace, exponents, Decimals, bad text, values
 * past the limits), which the general path then reads or reports; so it never changes an answer.
 *
 * A number's plain decimal is its shortest round-trip text (`String(value)`), whose decimal
 * places are the fewest `p` with a `p`-place decimal that reads back as the number: `read`
 * tries `p = 0, 1, …` and checks `units / 10^p === value` (one correctly rounded division).
 *
 * @example
 * const money = new MoneyReader();
 * money.read("19.90")   //=> true, with money.units 199 and money.places 1
 * money.read(2.5)       //=> true, with money.units 25 and money.places 1
 * money.read(" 19.90 ") //=> false: the general path trims and reads it
 */
export class MoneyReader {
  units = 0;
  places = 0;

  read(value: unknown): boolean {
    if (typeof value === "string") return this.readText(value);
    if (typeof value === "number") return this.readNumber(value);
    return false;
  }

  /** Reads `units · 10^-scale` (a safe integer and a scale ≥ 0, as a decimal column holds them), trailing zeros dropped. */
  readScaled(units: number, scale: number): boolean {
    if (!Number.isSafeInteger(units) || !(scale >= 0)) return false;
    let places = scale;
    while (places > 0 && units % 10 === 0) {
      units /= 10;
      places--;
    }
    if (places > MAX_MONEY_SCALE) return false;
    this.units = units === 0 ? 0 : units;
    this.places = places;
    return true;
  }

  private readText(text: string): boolean {
    const length = text.length;
    if (length === 0 || length > MAX_MONEY_TEXT_LENGTH) return false;
    const first = text.charCodeAt(0);
    let i = first === 45 || first === 43 ? 1 : 0;
    let units = 0;
    let places = 0;
    let pendingZeros = 0;
    let digitCount = 0;
    let inFraction = false;
    for (; i < length; i++) {
      const code = text.charCodeAt(i);
      const digit = code - 48;
      if (digit >= 0 && digit <= 9) {
        digitCount++;
        if (!inFraction) units = units * 10 + digit;
        else if (digit === 0) pendingZeros++;
        else {
          for (; pendingZeros > 0; pendingZeros--, places++) units *= 10;
          units = units * 10 + digit;
          places++;
        }
      } else if (code === 46 && !inFraction) inFraction = true;
      else return false;
    }
    if (digitCount === 0 || places > MAX_MONEY_SCALE || units > Number.MAX_SAFE_INTEGER) return false;
    this.units = first === 45 && units !== 0 ? -units : units;
    this.places = places;
    return true;
  }

  private readNumber(value: number): boolean {
    if (!Number.isFinite(value)) return false;
    let power = 1;
    for (let places = 0; places <= MAX_MONEY_SCALE; places++, power *= 10) {
      const units = Math.round(value * power);
      if (Math.abs(units) > NUMBER_UNITS_LIMIT) return false;
      if (units / power === value) {
        this.units = units === 0 ? 0 : units;
        this.places = places;
        return true;
      }
    }
    return false;
  }
}

keepHiddenClass(new MoneyReader());

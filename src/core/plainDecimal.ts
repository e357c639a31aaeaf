/*
 * Plain decimal strings: the text form money takes between input and the integer units the
 * ledger sums. Nothing here imports decimal.js, so code that only reads amounts (the ledger
 * builder, NPS) does not pull it into a browser bundle.
 */

/** A decimal string with no exponent, as produced by `toPlainDecimalString`. */
const PLAIN_DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$|^([+-]?)\.(\d+)$/;

/** A decimal string with an exponent: sign, integer digits, fraction digits, exponent. */
const EXPONENT_DECIMAL = /^([+-]?)(\d*)\.?(\d*)e([+-]?\d+)$/i;

/** Largest exponent expanded; decimal.js (which the money is summed with) stops at 9e15. */
const MAX_EXPANDED_EXPONENT = 1_000_000;

/**
 * Writes `sign · 0.digits × 10^pointAt` without an exponent, the way decimal.js `toFixed()`
 * does: no leading zeros before the point, no trailing zeros after it, "0" for zero.
 */
function placePoint(negative: boolean, digits: string, pointAt: number): string {
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
  if (Math.abs(exponent) > MAX_EXPANDED_EXPONENT) return null;
  return placePoint(m[1] === "-", whole + fraction, whole.length + exponent);
}

/** True for a decimal.js instance (of any copy of decimal.js), recognised by its tag. */
function isDecimalLike(value: unknown): value is { isFinite(): boolean; toFixed(): string } {
  return typeof value === "object" && value !== null && (value as { toStringTag?: unknown }).toStringTag === "[object Decimal]";
}

/**
 * Turns a money input into a plain decimal string (no exponent), or `null` when it is
 * not a finite number. Exponent forms (`"1e3"`, `1e-7`) are expanded exactly, as decimal.js
 * `toFixed()` writes them (exponents beyond ±1,000,000 are refused).
 *
 * @example
 * toPlainDecimalString(" 19.99 ") //=> "19.99"
 * toPlainDecimalString(1e-7)      //=> "0.0000001"
 * toPlainDecimalString("abc")     //=> null
 */
export function toPlainDecimalString(value: unknown): string | null {
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (PLAIN_DECIMAL.test(trimmed)) return trimmed;
    return expandExponent(trimmed);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    const text = String(value);
    return text.includes("e") ? expandExponent(text) : text;
  }
  if (isDecimalLike(value)) return value.isFinite() ? value.toFixed() : null;
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

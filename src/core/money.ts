import { Decimal as DecimalJs } from "decimal.js";

/**
 * The library's Decimal: a module-local clone of decimal.js (40 significant digits,
 * half-even rounding), so the caller's global `Decimal.set` never changes our results.
 * Instances serialise to strings in JSON (`toJSON`).
 *
 * Imported by name (`{ Decimal }`), which decimal.js's declarations give as the class in
 * every TypeScript resolver; its default import is typed as the module object under
 * node16/nodenext ESM and Deno.
 */
export const Decimal: typeof DecimalJs = /* @__PURE__ */ DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_EVEN });
export type Decimal = DecimalJs;

/** Money as it comes in: a decimal string, a finite number, or a decimal.js `Decimal`. */
export type MoneyInput = string | number | DecimalJs;

export { decimalPlaces, toPlainDecimalString, toUnits } from "./plainDecimal";

/** Exact zero, shared by results that hold no money (Decimals are immutable). */
export const ZERO: Decimal = /* @__PURE__ */ new Decimal(0);

const POWERS_OF_TEN: Decimal[] = [];

/**
 * An integer count of `10^-scale` units as an exact Decimal amount. The quotient of a safe
 * integer by a power of ten has fewer than 40 significant digits, so the division is exact.
 */
export function unitsToDecimal(units: number, scale: number): Decimal {
  if (units === 0) return ZERO;
  const divisor = (POWERS_OF_TEN[scale] ??= new Decimal(10).pow(scale));
  return new Decimal(units).div(divisor);
}

/**
 * Builds an instance of the library's Decimal from decimal.js's documented representation
 * (API.html, "Instance properties": `d` the digits in base 1e7 words, `e` the decimal exponent,
 * `s` the sign), as its constructor leaves one, without the constructor's string parsing.
 */
const DecimalParts = /* @__PURE__ */ (() => {
  function Parts(this: { constructor: unknown; s: number; e: number; d: number[] }, s: number, e: number, d: number[]): void {
    this.constructor = Decimal;
    this.s = s;
    this.e = e;
    this.d = d;
  }
  Parts.prototype = Decimal.prototype;
  return Parts as unknown as new (s: number, e: number, d: number[]) => Decimal;
})();

/**
 * `new Decimal(value)` for a finite number, built faster (issue 13: `predictClv` makes one per
 * customer). decimal.js reads a number through its shortest round-trip text
 * (`Number.prototype.toString`); this reads the same text's digits straight into the base-1e7
 * words decimal.js would make (the first word holds (e mod 7) + 1 digits, the last is padded
 * with zeros, trailing zero words never occur), so the result is the same Decimal, equal in
 * every property (test/core/decimalFromNumber.test-prop.ts). Zero, small integers, NaN and
 * ±Infinity go to the constructor.
 *
 * @example
 * decimalFromNumber(0.1 + 0.2).toString() //=> "0.30000000000000004", as new Decimal(0.1 + 0.2)
 */
export function decimalFromNumber(value: number): Decimal {
  const magnitude = Math.abs(value);
  if (!(magnitude > 0 && magnitude < Number.POSITIVE_INFINITY) || (magnitude < 1e7 && Number.isInteger(magnitude))) return new Decimal(value);
  const text = magnitude.toString();
  let point = -1;
  let end = text.length;
  let exponent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) point = i;
    else if (c === 101) {
      end = i;
      exponent = Number(text.slice(i + 1));
      break;
    }
  }
  let first = 0;
  while (text.charCodeAt(first) === 48 || text.charCodeAt(first) === 46) first++;
  let last = end - 1;
  while (text.charCodeAt(last) === 48 || text.charCodeAt(last) === 46) last--;
  const integerDigits = point < 0 ? end : point;
  const e = integerDigits - (first - (point >= 0 && first > point ? 1 : 0)) - 1 + exponent;
  // At most 17 significant digits: at most four words.
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  let w3 = 0;
  let count = 0;
  let word = 0;
  let filled = 0;
  let width = (((e % 7) + 7) % 7) + 1;
  for (let i = first; i <= last || filled > 0; i++) {
    const c = i <= last ? text.charCodeAt(i) : 48;
    if (c === 46) continue;
    word = word * 10 + (c - 48);
    if (++filled < width) continue;
    if (count === 0) w0 = word;
    else if (count === 1) w1 = word;
    else if (count === 2) w2 = word;
    else w3 = word;
    count++;
    word = 0;
    filled = 0;
    width = 7;
  }
  const d = count === 1 ? [w0] : count === 2 ? [w0, w1] : count === 3 ? [w0, w1, w2] : [w0, w1, w2, w3];
  return new DecimalParts(value < 0 ? -1 : 1, e, d);
}

const EXACT_POWERS_OF_TEN = /* @__PURE__ */ Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Veltkamp's splitter for doubles, 2^27 + 1. */
const SPLITTER = 134_217_729;

/**
 * `new Decimal(value.toPrecision(15))`, built without text for magnitudes from 1e-7 to 1e14:
 * the value correctly rounded (ties away from zero) to the 15 significant digits every double
 * carries reliably. For model outputs such as a predicted CLV, whose later digits are rounding
 * noise of the arithmetic, and whose shortest round-trip text (`decimalFromNumber`) costs a
 * `Number#toString` each (issue 13). The digits are m = round(|value| · 10^k) with 10^14 ≤ m < 10^15;
 * the product's rounding error is recovered exactly (Dekker's two-product), so a fraction near
 * one half rounds as the exact product does. Other magnitudes, zero, NaN and ±Infinity go
 * through `toPrecision`.
 *
 * @example
 * decimalFromSignificant(2 / 3).toString() //=> "0.666666666666667"
 */
export function decimalFromSignificant(value: number): Decimal {
  const magnitude = Math.abs(value);
  if (!(magnitude >= 1e-7 && magnitude < 1e14)) return new Decimal(value.toPrecision(15));
  let exponent = Math.floor(Math.log10(magnitude));
  let k = 14 - exponent;
  let product = magnitude * EXACT_POWERS_OF_TEN[k]!;
  if (product >= 1e15 || product < 1e14) {
    const shift = product >= 1e15 ? 1 : -1;
    exponent += shift;
    k -= shift;
    product = magnitude * EXACT_POWERS_OF_TEN[k]!;
  }
  const power = EXACT_POWERS_OF_TEN[k]!;
  let split = SPLITTER * magnitude;
  const high = split - (split - magnitude);
  const low = magnitude - high;
  split = SPLITTER * power;
  const powerHigh = split - (split - power);
  const powerLow = power - powerHigh;
  const error = low * powerLow - (product - high * powerHigh - low * powerHigh - high * powerLow);
  let digits = Math.floor(product);
  if (product - digits - 0.5 + error >= 0) digits++;
  let last = -k;
  if (digits === 1e15) {
    digits = 1e14;
    last++;
    exponent++;
  }
  while (digits % 10 === 0) {
    digits /= 10;
    last++;
  }
  // decimal.js's base-1e7 words sit on decimal exponents 7q..7q+6, the last padded with zeros:
  // at most 15 digits and 6 of padding, so at most three words, in an array of exactly that length.
  const pad = ((last % 7) + 7) % 7;
  const lowDigits = EXACT_POWERS_OF_TEN[7 - pad]!;
  // Each word below 1e7 is made a small integer (| 0), so every digit array is one of small integers, as decimal.js's own.
  const lowWord = ((digits % lowDigits) * EXACT_POWERS_OF_TEN[pad]!) | 0;
  const rest = Math.floor(digits / lowDigits);
  const words = rest === 0 ? [lowWord] : rest < 1e7 ? [rest | 0, lowWord] : [Math.floor(rest / 1e7) | 0, rest % 1e7 | 0, lowWord];
  return new DecimalParts(value < 0 ? -1 : 1, exponent, words);
}

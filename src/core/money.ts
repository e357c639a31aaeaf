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

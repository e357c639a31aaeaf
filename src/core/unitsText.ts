/*
 * Integer money units written as plain decimal text without decimal.js, straight into a byte
 * buffer: the writers of large outputs (the CLI's `summary`) write one value per customer this
 * way, with the same text that `formatCsvMoney` gives from a Decimal, and no object or string
 * per value.
 */
import { writeAscii, writeDigits, writePaddedDigits } from "./asciiBytes";
import { placePoint } from "./plainDecimal";

/** 10^0 … 10^22, each exact as a double (the places written never exceed 15 + 4). */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const MINUS = 45;
const POINT = 46;
const ZERO = 48;

/**
 * Writes `units × 10^-scale` as plain decimal text, as decimal.js `toFixed()` writes it: no
 * trailing zeros, no exponent, "0" for zero (never "-0"). Exact for safe-integer `units`
 * (beyond them, the digits of the double). Returns the position after the text.
 *
 * @example writeUnitsText(bytes, 0, 1990, 2) //=> 4, with "19.9" in bytes[0..4]
 * @example writeUnitsText(bytes, 0, -5, 3) //=> 6, with "-0.005" in bytes[0..6]
 */
export function writeUnitsText(bytes: Uint8Array, at: number, units: number, scale: number): number {
  const magnitude = Math.abs(units);
  if (magnitude <= Number.MAX_SAFE_INTEGER) return writeScaled(bytes, at, units < 0, magnitude, scale);
  const digits = String(magnitude);
  return writeAscii(bytes, at, placePoint(units < 0, digits, digits.length - scale));
}

/**
 * Writes `(units × 10^-scale) ÷ count`, rounded half to even at `scale + extraPlaces` places,
 * as plain text (see `writeUnitsText`): what `new Decimal(units).div(count × 10^scale)` at 40
 * significant digits, then `toDecimalPlaces(scale + extraPlaces)` and `toFixed()`, give. The
 * division is exact (integer quotient and remainder, in BigInt past the safe range), and no
 * quotient of a safe integer by a count below 2^32 has a 40th significant digit that could
 * change a half-even decision, so the two agree (a property test checks it). "0" when `count`
 * is 0.
 *
 * @example writeMeanUnitsText(bytes, 0, 10000, 3, 2, 4) //=> 9, with "33.333333" in bytes[0..9]
 * @example writeMeanUnitsText(bytes, 0, 5, 2, 0, 0) //=> 1, with "2" (2.5 to even)
 */
export function writeMeanUnitsText(bytes: Uint8Array, at: number, units: number, count: number, scale: number, extraPlaces: number): number {
  if (count === 0 || units === 0) return writeScaled(bytes, at, false, 0, 0);
  const negative = units < 0;
  const magnitude = Math.abs(units);
  const factor = POWERS_OF_TEN[extraPlaces]!;
  if (magnitude * factor <= Number.MAX_SAFE_INTEGER) return writeScaled(bytes, at, negative, halfEvenQuotient(magnitude * factor, count), scale + extraPlaces);
  const n = BigInt(magnitude) * BigInt(factor);
  const d = BigInt(count);
  let q = n / d;
  const r2 = (n % d) * 2n;
  if (r2 > d || (r2 === d && q % 2n === 1n)) q++;
  if (q === 0n) return writeScaled(bytes, at, false, 0, 0);
  const quotient = q.toString();
  return writeAscii(bytes, at, placePoint(negative, quotient, quotient.length - scale - extraPlaces));
}

/** n ÷ count rounded half to even, for a safe integer n ≥ 0 and a count ≥ 1 (the floating quotient corrected by its remainder). */
function halfEvenQuotient(n: number, count: number): number {
  let q = Math.floor(n / count);
  let r = n - q * count;
  if (r < 0) {
    q--;
    r += count;
  } else if (r >= count) {
    q++;
    r -= count;
  }
  if (2 * r > count || (2 * r === count && q % 2 === 1)) q++;
  return q;
}

/** Writes `±q × 10^-places` for a safe integer q ≥ 0: "0" for 0, else the whole part, and the fraction's digits without trailing zeros. */
function writeScaled(bytes: Uint8Array, at: number, negative: boolean, q: number, places: number): number {
  if (q === 0) {
    bytes[at] = ZERO;
    return at + 1;
  }
  if (negative) bytes[at++] = MINUS;
  const unit = POWERS_OF_TEN[places]!;
  let whole = Math.floor(q / unit);
  if (whole * unit > q) whole--;
  let fraction = q - whole * unit;
  at = writeDigits(bytes, at, whole);
  if (fraction === 0) return at;
  let digits = places;
  while (fraction % 10 === 0) {
    fraction /= 10;
    digits--;
  }
  bytes[at++] = POINT;
  return writePaddedDigits(bytes, at, fraction, digits);
}

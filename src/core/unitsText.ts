/*
 * Integer money units written as plain decimal text without decimal.js: the writers of large
 * outputs (the CLI's `summary`) format one value per customer this way, with the same text
 * that `formatCsvMoney` gives from a Decimal, and no object per value.
 */
import { placePoint } from "./plainDecimal";

/**
 * `units × 10^-scale` as plain decimal text, as decimal.js `toFixed()` writes it: no trailing
 * zeros, no exponent, "0" for zero (never "-0"). Exact for safe-integer `units`.
 *
 * @example unitsText(1990, 2) //=> "19.9"
 * @example unitsText(-5, 3) //=> "-0.005"
 */
export function unitsText(units: number, scale: number): string {
  if (units === 0) return "0";
  const digits = String(Math.abs(units));
  return placePoint(units < 0, digits, digits.length - scale);
}

/**
 * `(units × 10^-scale) ÷ count`, rounded half to even at `scale + extraPlaces` places, as plain
 * text (see `unitsText`): what `new Decimal(units).div(count × 10^scale)` at 40 significant
 * digits, then `toDecimalPlaces(scale + extraPlaces)` and `toFixed()`, give. The division is
 * exact (integer quotient and remainder), and no quotient of a safe integer by a count below
 * 2^32 has a 40th significant digit that could change a half-even decision, so the two agree
 * (a property test checks it). 0 when `count` is 0.
 *
 * @example meanUnitsText(10000, 3, 2, 4) //=> "33.333333"
 * @example meanUnitsText(5, 2, 0, 0) //=> "2" (2.5 to even)
 */
export function meanUnitsText(units: number, count: number, scale: number, extraPlaces: number): string {
  if (count === 0 || units === 0) return "0";
  const negative = units < 0;
  const magnitude = Math.abs(units);
  const factor = 10 ** extraPlaces;
  let quotient: string;
  if (magnitude * factor <= Number.MAX_SAFE_INTEGER) {
    const n = magnitude * factor;
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
    if (q === 0) return "0";
    quotient = String(q);
  } else {
    const n = BigInt(magnitude) * BigInt(factor);
    const d = BigInt(count);
    let q = n / d;
    const r2 = (n % d) * 2n;
    if (r2 > d || (r2 === d && q % 2n === 1n)) q++;
    if (q === 0n) return "0";
    quotient = q.toString();
  }
  return placePoint(negative, quotient, quotient.length - scale - extraPlaces);
}

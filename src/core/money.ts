import DecimalJs from "decimal.js";

/**
 * The library's Decimal: a module-local clone of decimal.js (40 significant digits,
 * half-even rounding), so the caller's global `Decimal.set` never changes our results.
 * Instances serialise to strings in JSON (`toJSON`).
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_EVEN });
export type Decimal = DecimalJs;

/** Money as it comes in: a decimal string, a finite number, or a decimal.js `Decimal`. */
export type MoneyInput = string | number | DecimalJs;

/** A decimal string with no exponent, as produced by `toPlainDecimalString`. */
const PLAIN_DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$|^([+-]?)\.(\d+)$/;

/**
 * Turns a money input into a plain decimal string (no exponent), or `null` when it is
 * not a finite number. Exponent forms (`"1e3"`, `1e-7`) are expanded exactly by decimal.js.
 */
export function toPlainDecimalString(value: unknown): string | null {
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (PLAIN_DECIMAL.test(trimmed)) return trimmed;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i.test(trimmed)) return null;
    return new Decimal(trimmed).toFixed();
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    const text = String(value);
    return text.includes("e") ? new Decimal(value).toFixed() : text;
  }
  if (DecimalJs.isDecimal(value)) {
    const decimal = value as DecimalJs;
    return decimal.isFinite() ? decimal.toFixed() : null;
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

/** Exact zero, shared by results that hold no money (Decimals are immutable). */
export const ZERO = new Decimal(0);

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

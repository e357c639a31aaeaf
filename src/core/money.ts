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

import { decimalPlaces, MAX_MONEY_SCALE, toUnits } from "../core/plainDecimal";
import { rowError } from "./rowError";

/** Money fields of aggregate rows as integer units of one scale, as the ledger holds amounts. */
export interface MoneyUnits {
  /** Decimal places of the units: the most any of the amounts has. */
  readonly scale: number;
  /** The amount of `plain` (one of those read) in `10^-scale` units. */
  units(plain: string): number;
}

/**
 * Reads the plain decimal strings `amounts[i]` of rows `rows[i].<field>` onto one scale, so
 * that sums, comparisons and ratios run on exact integers as the in-memory metrics run them
 * (a ratio of two exact integers is the same double at any common scale). An amount that would
 * need more than 15 places or is not a safe integer at the common scale is a
 * `RetentionInputError` naming its row.
 *
 * @example
 * const money = moneyUnits([["12.5", 0, "revenue"], ["-3", 1, "revenue"]]);
 * [money.scale, money.units("12.5"), money.units("-3")] //=> [1, 125, -30]
 */
export function moneyUnits(amounts: readonly (readonly [plain: string, row: number, field: string])[]): MoneyUnits {
  let scale = 0;
  for (const [plain, row, field] of amounts) {
    const places = decimalPlaces(plain);
    if (places > MAX_MONEY_SCALE) throw rowError(row, field, `has ${places} decimal places; at most ${MAX_MONEY_SCALE} are held exactly`);
    scale = Math.max(scale, places);
  }
  for (const [plain, row, field] of amounts) {
    if (!Number.isSafeInteger(toUnits(plain, scale))) {
      throw rowError(row, field, `is too large to hold exactly: |amount| × 10^${scale} must be at most ${Number.MAX_SAFE_INTEGER}`);
    }
  }
  return { scale, units: (plain) => toUnits(plain, scale) };
}

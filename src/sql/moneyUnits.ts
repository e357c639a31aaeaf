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
 * (a ratio of two exact integers is the same double at any common scale). Several columns
 * passed together share the scale. As on a ledger, the magnitudes must sum to at most 2^53
 * units, so every sum of them stays exact; an amount with more than 15 places, or one that
 * takes the sum past that, is a `RetentionInputError` naming its row.
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
  let magnitude = 0;
  for (const [plain, row, field] of amounts) {
    magnitude += Math.abs(toUnits(plain, scale));
    if (!Number.isSafeInteger(magnitude)) {
      throw rowError(row, field, `takes the amounts past ${Number.MAX_SAFE_INTEGER} units of 10^-${scale}, more than sums stay exact for`);
    }
  }
  return { scale, units: (plain) => toUnits(plain, scale) };
}

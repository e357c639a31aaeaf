import { Decimal, unitsToDecimal } from "../core/money";

/** Turns integer money units into exact Decimals, fast enough to make several per customer. */
export interface MoneyConverter {
  /** units × 10^−scale, exact. */
  readonly amount: (units: number) => Decimal;
  /** units × 10^−scale ÷ count, in one division (0 when count is 0). */
  readonly mean: (units: number, count: number) => Decimal;
}

/** A converter for a ledger's `moneyScale`. */
export function moneyConverter(scale: number): MoneyConverter {
  const factor = 10 ** scale;
  return {
    amount: (units) => unitsToDecimal(units, scale),
    mean: (units, count) => (count === 0 ? new Decimal(0) : count === 1 ? unitsToDecimal(units, scale) : new Decimal(units).div(count * factor)),
  };
}

import { Decimal, toPlainDecimalString, unitsToDecimal } from "../core/money";

/** Turns integer money units into exact Decimals, fast enough to make several per customer. */
export interface MoneyConverter {
  /** units × 10^−scale, exact. */
  readonly amount: (units: number) => Decimal;
  /** units × 10^−scale ÷ count, in one division (0 when count is 0). */
  readonly mean: (units: number, count: number) => Decimal;
  /** `Number(toPlainDecimalString(mean(units, count)))` for a whole count ≥ 1: the same double, mostly without the Decimal. */
  readonly meanNumber: (units: number, count: number) => number;
}

/** A converter for a ledger's `moneyScale`. */
export function moneyConverter(scale: number): MoneyConverter {
  const factor = 10 ** scale;
  const mean = (units: number, count: number): Decimal => (count === 0 ? new Decimal(0) : count === 1 ? unitsToDecimal(units, scale) : new Decimal(units).div(count * factor));
  return {
    amount: (units) => unitsToDecimal(units, scale),
    mean,
    meanNumber: (units, count) => {
      const divisor = count * factor;
      return Number.isSafeInteger(units) && Number.isSafeInteger(divisor) ? units / divisor : Number(toPlainDecimalString(mean(units, count)));
    },
  };
}

/*
 * Why `units / divisor` is the double the Decimal path gives, when units and divisor D are safe
 * integers (|units|, D < 2^53; then so is the factor 10^scale ≤ D, exactly). The Decimal path rounds q = units/D to 40 significant digits
 * (relative error < 5e-40), then `Number` rounds that to the nearest double; the float division
 * rounds q itself to the nearest double (IEEE 754 division is correctly rounded). The two differ
 * only if some midpoint m between adjacent doubles lies between q and its 40-digit rounding, or
 * on it. Near q ∈ [2^E, 2^(E+1)), m = (2k+1)·2^(E−53), so q − m = (units·2^(53−E) − (2k+1)·D) /
 * (D·2^(53−E)): either 0, or at least 1/(D·2^(53−E)), which is ≥ q·2^−54/D > 5e-33·q, far more
 * than the rounding moves q. It is never 0: q = m would need D to hold 2^(53−E), and then
 * |units| = q·D ≥ 2^53.
 */

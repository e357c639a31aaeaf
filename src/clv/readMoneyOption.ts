import { Decimal, toPlainDecimalString, type MoneyInput } from "../core/money";
import { RetentionOptionsError } from "../input/errors";

/** Reads a money or decimal option into a Decimal, or throws `RetentionOptionsError` naming it. */
export function decimalOption(name: string, value: MoneyInput | undefined): Decimal {
  const plain = toPlainDecimalString(value);
  if (plain === null) throw new RetentionOptionsError(name, `expected a finite number, decimal string or Decimal, found ${String(value)}`);
  return new Decimal(plain);
}

/** Reads a rate option that must lie in [min, max] (bounds included unless stated). */
export function rateOption(
  name: string,
  value: MoneyInput | undefined,
  bounds: { min: number; max: number; maxOpen?: boolean; minOpen?: boolean },
): Decimal {
  const rate = decimalOption(name, value);
  const tooLow = bounds.minOpen === true ? rate.lte(bounds.min) : rate.lt(bounds.min);
  const tooHigh = bounds.maxOpen === true ? rate.gte(bounds.max) : rate.gt(bounds.max);
  if (tooLow || tooHigh) {
    const range = `${bounds.minOpen === true ? "(" : "["}${bounds.min}, ${bounds.max}${bounds.maxOpen === true ? ")" : "]"}`;
    throw new RetentionOptionsError(name, `expected a value in ${range}, found ${rate.toString()}`);
  }
  return rate;
}

import { Decimal, toPlainDecimalString, type MoneyInput } from "../core/money";
import { moneyLimitProblem, moneyTextRefusal } from "../core/plainDecimal";
import { RetentionOptionsError } from "../input/errors";
import { describeValue } from "../input/rowIssues";

/**
 * Reads a decimal option (a finite number, a decimal string or a Decimal, as amounts are)
 * into a Decimal, or throws `RetentionOptionsError` naming it. Text over 100 characters and
 * exponents beyond ±1000 are refused before they are expanded, with a message naming the limit.
 *
 * @example
 * decimalOption("discountRate", "0.1").toString() //=> "0.1"
 * decimalOption("margin", "1e999999999") // throws RetentionOptionsError: "... (exponents beyond ±1000 are refused)"
 */
export function decimalOption(name: string, value: MoneyInput | undefined): Decimal {
  const plain = toPlainDecimalString(value);
  if (plain === null) {
    const refusal = moneyTextRefusal(value);
    throw new RetentionOptionsError(name, `expected a finite number, decimal string or Decimal, found ${describeValue(value)}${refusal === null ? "" : ` (${refusal})`}`);
  }
  return new Decimal(plain);
}

/**
 * Reads a money option, with the limits of ledger amounts: at most 15 decimal places and
 * |amount| × 10^(decimal places) ≤ 2^53 − 1 (docs/input.md, Limits).
 *
 * @example
 * moneyOption("averageOrderValue", "19.99").toString() //=> "19.99"
 * moneyOption("averageOrderValue", "1e-400") // throws RetentionOptionsError: "... has 400 decimal places; at most 15 are held exactly"
 */
export function moneyOption(name: string, value: MoneyInput | undefined): Decimal {
  const amount = decimalOption(name, value);
  const problem = moneyLimitProblem(amount.toFixed());
  if (problem !== null) throw new RetentionOptionsError(name, `${amount.toString()} ${problem}`);
  return amount;
}

/**
 * Reads a rate option that must lie in [min, max] (bounds included unless stated).
 *
 * @example
 * rateOption("margin", 0.3, { min: 0, max: 1 }).toString() //=> "0.3"
 */
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

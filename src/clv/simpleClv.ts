import type { Decimal, MoneyInput } from "../core/money";
import { RetentionOptionsError } from "../input/errors";
import { decimalOption, rateOption } from "./readMoneyOption";
import { readOptions } from "../input/readOptions";

/** Inputs of `simpleClv`. */
export interface SimpleClvOptions {
  /** Average order value (money). */
  readonly averageOrderValue: MoneyInput;
  /** Purchases per period (for example 4 a year, or 52 a year for weekly buyers). */
  readonly purchasesPerPeriod: MoneyInput;
  /** Number of periods the customer stays (for example 10 years). */
  readonly periods: MoneyInput;
  /** Optional gross-margin fraction in [0, 1]; default 1 (revenue CLV). */
  readonly margin?: MoneyInput | undefined;
}

/**
 * The back-of-the-envelope CLV: average order value × purchases per period × periods × margin.
 *
 * CLV = AOV · f · T · m, undiscounted (the "simple" formula of most marketing texts, e.g.
 * Kumar & Reinartz, "Customer Relationship Management", ch. 5).
 *
 * @param options - averageOrderValue, purchasesPerPeriod, periods and optional margin
 * @returns the CLV as an exact `Decimal`
 * @throws {RetentionOptionsError} when an input is negative or not a number, or margin is outside [0, 1]
 * @example
 * simpleClv({ averageOrderValue: 50, purchasesPerPeriod: 4, periods: 10 }).toFixed(2)
 * //=> "2000.00"
 */
export function simpleClv(options: SimpleClvOptions): Decimal {
  options = readOptions(options, "simpleClv");
  const value = nonNegative("averageOrderValue", options.averageOrderValue);
  const frequency = nonNegative("purchasesPerPeriod", options.purchasesPerPeriod);
  const periods = nonNegative("periods", options.periods);
  const margin = options.margin === undefined ? 1 : rateOption("margin", options.margin, { min: 0, max: 1 });
  return value.times(frequency).times(periods).times(margin);
}

function nonNegative(name: string, input: MoneyInput): Decimal {
  const value = decimalOption(name, input);
  if (value.isNegative()) throw new RetentionOptionsError(name, `expected a value ≥ 0, found ${value.toString()}`);
  return value;
}

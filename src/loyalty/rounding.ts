import { integerOption } from "../input/optionReaders";
import type DecimalJs from "decimal.js";
import { Decimal } from "../core/money";
import { RetentionOptionsError } from "../input/errors";
import { printValue } from "../input/describeValue";

/** How a discount is rounded to the currency's minor unit (decimal.js rounding modes by name). */
export type RoundingMode = "half-even" | "half-up" | "half-down" | "up" | "down" | "ceil" | "floor";

/** The money-rounding options shared by the loyalty functions. */
export interface MoneyRoundingOptions {
  /** Digits of the currency's minor unit: 2 for USD/EUR (cents), 0 for JPY, 3 for KWD. Default 2. */
  readonly minorUnitDigits?: number | undefined;
  /** Rounding of the discount to the minor unit. Default `"half-even"` (banker's rounding). */
  readonly rounding?: RoundingMode | undefined;
}

/** decimal.js rounding constants by name (Decimal.ROUND_UP = 0 … ROUND_HALF_EVEN = 6), as literals so the map is pure. */
const MODES: ReadonlyMap<string, DecimalJs.Rounding> = /* @__PURE__ */ new Map<string, DecimalJs.Rounding>([
  ["up", 0],
  ["down", 1],
  ["ceil", 2],
  ["floor", 3],
  ["half-up", 4],
  ["half-down", 5],
  ["half-even", 6],
]);

/** A validated rounding: the digits kept and the decimal.js rounding mode. */
export interface MoneyRounding {
  readonly digits: number;
  readonly mode: DecimalJs.Rounding;
}

/** Reads `minorUnitDigits` (an integer in [0, 12]) and `rounding`, or throws `RetentionOptionsError` naming them. */
export function readMoneyRounding(options: MoneyRoundingOptions): MoneyRounding {
  const digits = integerOption("minorUnitDigits", options.minorUnitDigits, { min: 0, max: 12 }, 2);
  const name = options.rounding ?? "half-even";
  const mode = MODES.get(name);
  if (mode === undefined) {
    throw new RetentionOptionsError("rounding", `expected one of ${[...MODES.keys()].join(", ")}, found ${printValue(name)}`);
  }
  return { digits, mode };
}

/** Rounds an amount to the minor unit with the given rounding. */
export function roundMoney(amount: Decimal, rounding: MoneyRounding): Decimal {
  return amount.toDecimalPlaces(rounding.digits, rounding.mode);
}

import { Decimal, type MoneyInput } from "../core/money";
import { RetentionOptionsError } from "../input/errors";
import { decimalOption, rateOption } from "./readMoneyOption";
import { readOptions } from "../input/readOptions";
import { booleanOption } from "../input/optionReaders";
import { printValue } from "../input/describeValue";

/** Inputs of `retentionClv`. */
export interface RetentionClvOptions {
  /** Margin per period per customer (money). */
  readonly margin: MoneyInput;
  /** Share of customers kept from one period to the next, in [0, 1). */
  readonly retentionRate: MoneyInput;
  /** Discount rate per period, > −1 (for example 0.10). */
  readonly discountRate: MoneyInput;
  /** Number of periods T (a positive integer); default `Infinity`, the closed form. */
  readonly periods?: number | undefined;
  /** Add the margin m at t = 0 (a customer who pays up front). Default false. */
  readonly includeInitial?: boolean | undefined;
}

/**
 * Customer lifetime value from a constant margin and retention rate.
 *
 * CLV = Σ_{t=1..T} m·r^t/(1+d)^t; with T = ∞ this is m·r/(1+d−r) (Gupta & Lehmann 2003,
 * "Customers as Assets"). `includeInitial` adds m for t = 0, giving m·(1+d)/(1+d−r), the
 * convention of Berger & Nasr (1998) and of many SaaS calculators.
 *
 * @param options - margin, retention rate, discount rate, optional periods and includeInitial
 * @returns the CLV as a `Decimal` (40 significant digits; round for display)
 * @throws {RetentionOptionsError} when a rate is out of range or `periods` is not a positive integer
 * @example
 * retentionClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1 }).toFixed(2)
 * //=> "266.67"
 */
export function retentionClv(options: RetentionClvOptions): Decimal {
  options = readOptions(options, "retentionClv");
  const m = decimalOption("margin", options.margin);
  const r = rateOption("retentionRate", options.retentionRate, { min: 0, max: 1, maxOpen: true });
  const d = rateOption("discountRate", options.discountRate, { min: -1, max: Number.MAX_SAFE_INTEGER, minOpen: true });
  const periods = options.periods ?? Number.POSITIVE_INFINITY;
  if (periods !== Number.POSITIVE_INFINITY && !(Number.isInteger(periods) && periods > 0)) {
    throw new RetentionOptionsError("periods", `expected a positive integer or Infinity, found ${printValue(periods)}`);
  }
  const q = r.div(d.plus(1));
  if (periods === Number.POSITIVE_INFINITY && q.gte(1)) {
    throw new RetentionOptionsError("discountRate", "the infinite sum diverges unless retentionRate < 1 + discountRate");
  }
  const initial = booleanOption("includeInitial", options.includeInitial, false) ? m : new Decimal(0);
  if (q.isZero()) return initial;
  const sum =
    periods === Number.POSITIVE_INFINITY
      ? m.times(r).div(d.plus(1).minus(r))
      : q.eq(1)
        ? m.times(periods)
        : m.times(q).times(new Decimal(1).minus(q.pow(periods))).div(new Decimal(1).minus(q));
  return sum.plus(initial);
}

import { Decimal, type MoneyInput } from "../core/money";
import { moneyOption } from "../clv/readMoneyOption";
import { RetentionOptionsError } from "../input/errors";
import { readMoneyRounding, roundMoney, type MoneyRoundingOptions } from "./rounding";
import { readVolumeSchedule, scheduleTier, type VolumeMode, type VolumeSchedule } from "./volumeSchedule";
import { readOptions } from "../input/readOptions";
import { printValue } from "../input/describeValue";

/** Options of `volumeDiscount`. */
export interface VolumeDiscountOptions extends MoneyRoundingOptions {
  /** What `value` and the tiers' `min` measure: the order amount (default) or a quantity. */
  readonly basis?: "amount" | "quantity" | undefined;
  /** `"all-units"` (default): the whole order at the tier reached; `"incremental"`: each slice at its tier. */
  readonly mode?: VolumeMode | undefined;
  /** Price of one unit; required with `basis: "quantity"`. */
  readonly unitPrice?: MoneyInput | undefined;
}

/** The discount an order earns under a volume schedule. */
export interface VolumeDiscount {
  /** Index of the highest tier reached (0 is the first tier). */
  readonly tier: number;
  /** That tier's rate. */
  readonly rate: number;
  /** Order amount before the discount (quantity × unitPrice with `basis: "quantity"`). */
  readonly gross: Decimal;
  /** Discount, rounded to the minor unit. */
  readonly discount: Decimal;
  /** gross − discount. */
  readonly net: Decimal;
  /** discount ÷ gross, or `null` when gross is 0. */
  readonly effectiveRate: number | null;
  /** The next tier up and how much more (in the basis unit) reaches it; `null` at the top tier. */
  readonly nextTier: { readonly min: Decimal; readonly rate: number; readonly needed: Decimal } | null;
  readonly basis: "amount" | "quantity";
  readonly mode: VolumeMode;
}

/**
 * Discount of one order under a volume schedule ("the more a client buys, the more he saves").
 *
 * all-units: discount = gross · rate(k), k the highest tier with min_k ≤ v.
 * incremental (tax-bracket style): discount = Σ_i rate_i · (min(v, min_{i+1}) − min_i)⁺ · p,
 * where v is the amount (p = 1) or the quantity (p = unitPrice). The discount is rounded to
 * the minor unit (`minorUnitDigits`, default 2) with `rounding` (default half-even) and never
 * exceeds gross.
 *
 * @param value - the order amount (`basis: "amount"`) or quantity (`basis: "quantity"`), ≥ 0
 * @param schedule - `[{ min, rate }]`, first min 0, mins strictly increasing, rates in [0, 1)
 * @param options - basis, mode, unitPrice, minorUnitDigits, rounding
 * @returns tier, rate, gross, discount, net, effective rate and the next tier
 * @throws {RetentionOptionsError} naming the bad schedule entry (`schedule[2].min`) or option
 * @example
 * const schedule = [{ min: 0, rate: 0 }, { min: 100, rate: 0.05 }, { min: 500, rate: 0.1 }];
 * volumeDiscount(600, schedule, { mode: "incremental" })
 * //=> { tier: 2, rate: 0.1, gross: "600", discount: "30", net: "570", effectiveRate: 0.05, nextTier: null, ... }
 */
export function volumeDiscount(value: MoneyInput, schedule: VolumeSchedule, options: VolumeDiscountOptions = {}): VolumeDiscount {
  options = readOptions(options, "volumeDiscount");
  const steps = readVolumeSchedule(schedule);
  const rounding = readMoneyRounding(options);
  const basis = options.basis ?? "amount";
  const mode = options.mode ?? "all-units";
  if (basis !== "amount" && basis !== "quantity") throw new RetentionOptionsError("basis", `expected "amount" or "quantity", found ${printValue(basis)}`);
  if (mode !== "all-units" && mode !== "incremental") throw new RetentionOptionsError("mode", `expected "all-units" or "incremental", found ${printValue(mode)}`);
  const v = moneyOption("value", value);
  if (v.isNegative()) throw new RetentionOptionsError("value", `expected a value ≥ 0, found ${v.toString()}`);
  let price = new Decimal(1);
  if (basis === "quantity") {
    if (options.unitPrice === undefined) throw new RetentionOptionsError("unitPrice", 'basis "quantity" needs a unitPrice to price the order');
    price = moneyOption("unitPrice", options.unitPrice);
    if (price.isNegative()) throw new RetentionOptionsError("unitPrice", `expected a price ≥ 0, found ${price.toString()}`);
  }
  const gross = v.times(price);
  const tier = scheduleTier(steps, v);
  const reached = steps[tier]!;
  let raw = gross.times(reached.rate);
  if (mode === "incremental") {
    raw = new Decimal(0);
    for (let i = 0; i <= tier; i++) {
      const upper = i === tier ? v : steps[i + 1]!.min;
      raw = raw.plus(upper.minus(steps[i]!.min).times(steps[i]!.rate));
    }
    raw = raw.times(price);
  }
  const rounded = roundMoney(raw, rounding);
  const discount = rounded.gt(gross) ? gross : rounded;
  const next = steps[tier + 1];
  return {
    tier,
    rate: reached.rate.toNumber(),
    gross,
    discount,
    net: gross.minus(discount),
    effectiveRate: gross.isZero() ? null : discount.div(gross).toNumber(),
    nextTier: next === undefined ? null : { min: next.min, rate: next.rate.toNumber(), needed: next.min.minus(v) },
    basis,
    mode,
  };
}

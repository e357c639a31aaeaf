import type { Decimal, MoneyInput } from "../core/money";
import { decimalOption, rateOption } from "../clv/readMoneyOption";
import { retentionClv } from "../clv/retentionClv";
import { RetentionOptionsError } from "../input/errors";
import { readOptions } from "../input/readOptions";
import { printValue } from "../input/describeValue";

/** `"points"`: r + lift (0.05 = five percentage points); `"relative"`: r · (1 + lift) (0.05 = 5% more). */
export type LiftMode = "points" | "relative";

/** The CLV inputs shared by `retentionLiftImpact` and `retentionLiftTable`. */
export interface RetentionLiftBase {
  /** Margin per period per customer (money). */
  readonly margin: MoneyInput;
  /** Retention per period, in [0, 1). */
  readonly retentionRate: MoneyInput;
  /** Discount rate per period (e.g. 0.10). */
  readonly discountRate: MoneyInput;
  /** Default `"points"`. */
  readonly liftMode?: LiftMode | undefined;
}

/** Options of `retentionLiftImpact`. */
export interface RetentionLiftOptions extends RetentionLiftBase {
  /** The rise in retention, read per `liftMode` (0.05 = +5 points or +5%); may be negative. */
  readonly lift: MoneyInput;
}

/** CLV before and after a retention lift. */
export interface RetentionLiftImpact {
  readonly lift: number;
  readonly liftMode: LiftMode;
  readonly retentionBefore: number;
  readonly retentionAfter: number;
  /** retentionClv at the old retention (infinite horizon). */
  readonly before: Decimal;
  /** retentionClv at the new retention. */
  readonly after: Decimal;
  /** after − before. */
  readonly change: Decimal;
  /** 100 · change ÷ before, or `null` when before is 0 or the ratio is too large for a number. */
  readonly changePct: number | null;
}

/** Validated base inputs. */
export interface LiftBase {
  readonly margin: Decimal;
  readonly retentionRate: Decimal;
  readonly discountRate: Decimal;
  readonly liftMode: LiftMode;
  readonly before: Decimal;
}

/** Reads the shared inputs and computes the CLV before any lift. */
export function readLiftBase(options: RetentionLiftBase): LiftBase {
  const margin = decimalOption("margin", options.margin);
  const retentionRate = rateOption("retentionRate", options.retentionRate, { min: 0, max: 1, maxOpen: true });
  const discountRate = decimalOption("discountRate", options.discountRate);
  const liftMode = options.liftMode ?? "points";
  if (liftMode !== "points" && liftMode !== "relative") throw new RetentionOptionsError("liftMode", `expected "points" or "relative", found ${printValue(liftMode)}`);
  return { margin, retentionRate, discountRate, liftMode, before: retentionClv({ margin, retentionRate, discountRate }) };
}

/** The impact of one lift on validated base inputs; `name` labels the lift in errors. */
export function liftImpact(base: LiftBase, liftInput: MoneyInput, name: string): RetentionLiftImpact {
  const lift = decimalOption(name, liftInput);
  const r = base.retentionRate;
  const after = base.liftMode === "points" ? r.plus(lift) : r.times(lift.plus(1));
  if (after.isNegative() || after.gte(1)) {
    throw new RetentionOptionsError(name, `retention ${r.toString()} with a ${base.liftMode} lift of ${lift.toString()} gives ${after.toString()}, outside [0, 1)`);
  }
  const clvAfter = retentionClv({ margin: base.margin, retentionRate: after, discountRate: base.discountRate });
  const change = clvAfter.minus(base.before);
  return {
    lift: lift.toNumber(),
    liftMode: base.liftMode,
    retentionBefore: r.toNumber(),
    retentionAfter: after.toNumber(),
    before: base.before,
    after: clvAfter,
    change,
    changePct: percentChange(change, base.before),
  };
}

/**
 * How much a rise in retention is worth: the CLV under `retentionClv` (infinite horizon,
 * CLV = m·r/(1+d−r), Gupta & Lehmann 2003) before and after the lift. Compare the often-quoted
 * "5% more retention, 25–95% more profit" of Reichheld's work at Bain & Company (first in
 * Reichheld & Sasser 1990, "Zero Defections", Harvard Business Review).
 *
 * @param options - margin, retentionRate, discountRate, lift and liftMode (default `"points"`)
 * @returns CLV before and after, the change and the change in percent
 * @throws {RetentionOptionsError} when an input is out of range or the lifted retention leaves [0, 1)
 * @example
 * const impact = retentionLiftImpact({ margin: 100, retentionRate: 0.8, discountRate: 0.1, lift: 0.05 });
 * [impact.before.toFixed(2), impact.after.toFixed(2), impact.changePct]
 * //=> ["266.67", "340.00", 27.5]
 */
export function retentionLiftImpact(options: RetentionLiftOptions): RetentionLiftImpact {
  options = readOptions(options, "retentionLiftImpact");
  return liftImpact(readLiftBase(options), options.lift, "lift");
}

/** 100 · change / before as a number; `null` when `before` is 0 or the ratio is too large for a number (a retention rate such as 1e-400). */
function percentChange(change: Decimal, before: Decimal): number | null {
  if (before.isZero()) return null;
  const pct = change.div(before).times(100).toNumber();
  return Number.isFinite(pct) ? pct : null;
}

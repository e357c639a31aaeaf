import { Decimal, unitsToDecimal, type MoneyInput } from "../core/money";
import { readPeriod, type Period, type PeriodOptions } from "../core/period";
import { rateOption } from "../clv/readMoneyOption";
import { RetentionOptionsError } from "../input/errors";
import { toLedger, type MetricInput } from "../input/toLedger";
import { readFrequencyProgram, type FrequencyProgram } from "./frequencyProgram";
import { programBreakEven, type BreakEven } from "./programBreakEven";
import { replayFrequency } from "./replayFrequency";
import { slotDiscount } from "./replayTotals";
import { replayVolume } from "./replayVolume";
import { readVolumeSchedule, type VolumeMode, type VolumeSchedule } from "./volumeSchedule";
import { readOptions } from "../input/readOptions";
import { printValue } from "../input/describeValue";

/** Options of `discountProgramCost`. */
export interface DiscountProgramCostOptions extends PeriodOptions {
  /** Gross margin as a fraction of revenue, in [0, 1] (0.3 = 30%). */
  readonly margin: MoneyInput;
  /** How a volume schedule applies to each order; default `"all-units"`. Ignored for a frequency program. */
  readonly mode?: VolumeMode | undefined;
  /** Retention per period, where the period is `[start, end)`; needed for `retentionLiftPoints`. */
  readonly retentionRate?: MoneyInput | undefined;
  /** Discount rate per period (e.g. 0.10); needed for `retentionLiftPoints`. */
  readonly discountRate?: MoneyInput | undefined;
}

/** One tier's share of the replay. */
export interface ProgramTierCost {
  /** Frequency tier name (`null`: no tier); for a volume schedule, the tier's `min` as a string. */
  readonly tier: string | null;
  readonly orders: number;
  readonly revenue: Decimal;
  readonly discountCost: Decimal;
}

/** What a program would have cost over a period, and what it must earn back. */
export interface DiscountProgramCost {
  readonly period: Period;
  readonly program: "frequency" | "volume";
  readonly orders: number;
  /** Customers with at least one order in the period. */
  readonly customers: number;
  /** Orders that received a positive discount rate. */
  readonly discountedOrders: number;
  /** Order amounts before discount (refund rows are not orders and are left out). */
  readonly revenue: Decimal;
  /** Exact sum of the discounts (not rounded per order). */
  readonly discountCost: Decimal;
  readonly byTier: readonly ProgramTierCost[];
  readonly margin: number;
  /** margin · revenue. */
  readonly marginBefore: Decimal;
  /** marginBefore − discountCost. */
  readonly marginAfter: Decimal;
  readonly breakEven: BreakEven;
}

/**
 * Replays the orders opened in `[start, end)` as if a discount program had been in force, and
 * prices it. A frequency program gives each order the rate of the tier its customer held just
 * before it (trailing window `[t − window, t)`: an order never earns its own tier); a volume
 * schedule (an array) discounts each order on its own amount. marginBefore = margin · revenue,
 * marginAfter = marginBefore − discountCost; break-even as in `programBreakEven` (extra orders at
 * the average margin per discounted order, frequency lift, retention lift under `retentionClv`).
 *
 * @param input - purchases, `{ purchases, events }`, or a prepared `Ledger`
 * @param programOrSchedule - a `FrequencyProgram` or a volume schedule `[{ min, rate }]`
 * @param options - `[start, end)`, `margin`, and optional `mode`, `retentionRate`, `discountRate`
 * @returns orders, revenue, discount cost (overall and by tier), margins and break-even
 * @throws {RetentionInputError} when a row is invalid
 * @throws {RetentionOptionsError} naming a bad program field, period, margin or rate
 * @example
 * discountProgramCost([
 *   { customerId: "a", at: "2023-12-01", amount: "100" },
 *   { customerId: "a", at: "2024-01-10", amount: "100" },
 *   { customerId: "a", at: "2024-02-10", amount: "200" },
 *   { customerId: "b", at: "2024-01-05", amount: "50" },
 * ], { tiers: [{ name: "member" }, { name: "vip", minOrders: 1, discountRate: 0.1 }] },
 *   { start: "2024-01-01", end: "2025-01-01", margin: 0.5, retentionRate: 0.6, discountRate: 0.1 })
 * //=> { orders: 3, revenue: "350", discountCost: "30", marginBefore: "175", marginAfter: "145",
 * //     breakEven: { extraOrders: 0.5, frequencyLift: 0.1666…, retentionLiftPoints: 0.0507…, ... }, ... }
 */
export function discountProgramCost(input: MetricInput, programOrSchedule: FrequencyProgram | VolumeSchedule, options: DiscountProgramCostOptions): DiscountProgramCost {
  options = readOptions(options, "discountProgramCost");
  const ledger = toLedger(input);
  const { start, end } = readPeriod(options, "discountProgramCost");
  const margin = rateOption("margin", options.margin, { min: 0, max: 1 });
  const retentionRate = options.retentionRate === undefined ? null : rateOption("retentionRate", options.retentionRate, { min: 0, max: 1, maxOpen: true });
  const discountRate = options.discountRate === undefined ? null : rateOption("discountRate", options.discountRate, { min: 0, max: Number.MAX_SAFE_INTEGER });
  const mode = options.mode ?? "all-units";
  if (mode !== "all-units" && mode !== "incremental") throw new RetentionOptionsError("mode", `expected "all-units" or "incremental", found ${printValue(mode)}`);
  const isVolume = Array.isArray(programOrSchedule);
  const totals = isVolume
    ? replayVolume(ledger, readVolumeSchedule(programOrSchedule), mode, start, end)
    : replayFrequency(ledger, readFrequencyProgram(programOrSchedule as FrequencyProgram), start, end);
  const scale = ledger.moneyScale;
  const byTier = totals.slotNames.map((tier, slot) => ({
    tier,
    orders: totals.orders[slot]!,
    revenue: unitsToDecimal(totals.revenueUnits[slot]!, scale),
    discountCost: slotDiscount(totals, slot),
  }));
  const orders = byTier.reduce((sum, tier) => sum + tier.orders, 0);
  const revenue = unitsToDecimal(totals.revenueUnits.reduce((sum, units) => sum + units, 0), scale);
  const discountCost = byTier.reduce((sum, tier) => sum.plus(tier.discountCost), new Decimal(0));
  const marginBefore = revenue.times(margin);
  const marginAfter = marginBefore.minus(discountCost);
  const breakEven = programBreakEven({
    orders,
    customers: totals.customers,
    discountedOrders: totals.discountedOrders,
    discountedRevenue: unitsToDecimal(totals.discountedRevenueUnits, scale),
    discountCost,
    margin,
    marginBefore,
    marginAfter,
    retentionRate,
    discountRate,
  });
  return {
    period: { start: new Date(start), end: new Date(end) },
    program: isVolume ? "volume" : "frequency",
    orders,
    customers: totals.customers,
    discountedOrders: totals.discountedOrders,
    revenue,
    discountCost,
    byTier,
    margin: margin.toNumber(),
    marginBefore,
    marginAfter,
    breakEven,
  };
}

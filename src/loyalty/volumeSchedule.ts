import { Decimal, type MoneyInput } from "../core/money";
import { decimalOption, moneyOption } from "../clv/readMoneyOption";
import { RetentionOptionsError } from "../input/errors";
import { printValue } from "../input/describeValue";

/** One step of a volume-discount schedule: from `min` (amount or quantity) up, the `rate` applies. */
export interface VolumeTier {
  /** Where the tier starts, in the basis unit (money for `amount`, units for `quantity`). */
  readonly min: MoneyInput;
  /** Discount rate in [0, 1). */
  readonly rate: MoneyInput;
}

/** A volume-discount schedule: `min` strictly increasing from 0. */
export type VolumeSchedule = readonly VolumeTier[];

/** How a schedule applies: the whole order at the tier reached, or each slice at its own tier. */
export type VolumeMode = "all-units" | "incremental";

/** A validated schedule entry. */
export interface ScheduleStep {
  readonly min: Decimal;
  readonly rate: Decimal;
}

/**
 * Validates a schedule: a non-empty array, the first `min` 0, every `min` strictly above the
 * one before, every `rate` in [0, 1). Throws `RetentionOptionsError` whose option names the
 * entry and field, e.g. `schedule[2].min`.
 */
export function readVolumeSchedule(schedule: unknown, name = "schedule"): readonly ScheduleStep[] {
  if (!Array.isArray(schedule) || schedule.length === 0) {
    throw new RetentionOptionsError(name, "expected a non-empty array of { min, rate }");
  }
  const steps: ScheduleStep[] = [];
  for (let i = 0; i < schedule.length; i++) {
    const entry: unknown = schedule[i];
    if (typeof entry !== "object" || entry === null) {
      throw new RetentionOptionsError(`${name}[${i}]`, `expected an object { min, rate }, found ${printValue(entry)}`);
    }
    const { min: minInput, rate: rateInput } = entry as { min?: unknown; rate?: unknown };
    const min = moneyOption(`${name}[${i}].min`, minInput as MoneyInput);
    const rate = decimalOption(`${name}[${i}].rate`, rateInput as MoneyInput);
    const previous = steps[i - 1];
    if (previous === undefined && !min.isZero()) {
      throw new RetentionOptionsError(`${name}[0].min`, `expected the first tier to start at 0, found ${min.toString()}`);
    }
    if (previous !== undefined && !min.gt(previous.min)) {
      throw new RetentionOptionsError(
        `${name}[${i}].min`,
        `expected a min above ${name}[${i - 1}].min = ${previous.min.toString()} (strictly increasing), found ${min.toString()}`,
      );
    }
    if (rate.isNegative() || rate.gte(1)) {
      throw new RetentionOptionsError(`${name}[${i}].rate`, `expected a rate in [0, 1), found ${rate.toString()}`);
    }
    steps.push({ min, rate });
  }
  return steps;
}

/** Index of the highest tier whose `min` is at most `value` (the first tier starts at 0). */
export function scheduleTier(steps: readonly ScheduleStep[], value: Decimal): number {
  let tier = 0;
  while (tier + 1 < steps.length && steps[tier + 1]!.min.lte(value)) tier++;
  return tier;
}

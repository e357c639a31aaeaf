import { Decimal, type MoneyInput } from "../core/money";
import { decimalOption, moneyOption } from "../clv/readMoneyOption";
import type { DurationInput } from "../core/time";
import { RetentionOptionsError } from "../input/errors";
import { readTrailingWindow, type TrailingWindow } from "./trailingWindow";
import { printValue } from "../input/describeValue";

/** One tier of a frequency program; a tier with neither threshold is met by everyone. */
export interface FrequencyTier {
  readonly name: string;
  /** Orders needed in the trailing window (an integer ≥ 0). */
  readonly minOrders?: number | undefined;
  /** Net spend needed in the trailing window (money ≥ 0). */
  readonly minSpend?: MoneyInput | undefined;
  /** Discount this tier gives on every order, in [0, 1). Default 0. */
  readonly discountRate?: MoneyInput | undefined;
}

/** A frequency program: tiers from lowest to highest, judged over a trailing window. */
export interface FrequencyProgram {
  /** Trailing window (date-fns `Duration` applied in UTC, or milliseconds). Default `{ days: 365 }`. */
  readonly window?: DurationInput | undefined;
  readonly tiers: readonly FrequencyTier[];
}

/** A validated tier. */
export interface ProgramTier {
  readonly name: string;
  readonly minOrders: number;
  readonly minSpend: Decimal | null;
  readonly rate: Decimal;
}

/** A validated program. */
export interface ReadProgram {
  readonly tiers: readonly ProgramTier[];
  readonly window: TrailingWindow;
}

function readTier(entry: unknown, i: number, names: Set<string>): ProgramTier {
  const at = `program.tiers[${i}]`;
  if (typeof entry !== "object" || entry === null) throw new RetentionOptionsError(at, `expected { name, minOrders?, minSpend?, discountRate? }, found ${printValue(entry)}`);
  const tier = entry as FrequencyTier;
  if (typeof tier.name !== "string" || tier.name.length === 0) throw new RetentionOptionsError(`${at}.name`, `expected a non-empty name, found ${printValue(tier.name)}`);
  if (names.has(tier.name)) throw new RetentionOptionsError(`${at}.name`, `expected unique tier names, found "${tier.name}" twice`);
  names.add(tier.name);
  const minOrders = tier.minOrders ?? 0;
  if (!Number.isInteger(minOrders) || minOrders < 0) throw new RetentionOptionsError(`${at}.minOrders`, `expected an integer ≥ 0, found ${printValue(minOrders)}`);
  const minSpend = tier.minSpend === undefined ? null : moneyOption(`${at}.minSpend`, tier.minSpend);
  if (minSpend !== null && minSpend.isNegative()) throw new RetentionOptionsError(`${at}.minSpend`, `expected an amount ≥ 0, found ${minSpend.toString()}`);
  const rate = tier.discountRate === undefined ? new Decimal(0) : decimalOption(`${at}.discountRate`, tier.discountRate);
  if (rate.isNegative() || rate.gte(1)) throw new RetentionOptionsError(`${at}.discountRate`, `expected a rate in [0, 1), found ${rate.toString()}`);
  return { name: tier.name, minOrders, minSpend, rate };
}

/**
 * Validates a frequency program: at least one tier, unique non-empty names, thresholds that
 * never fall from one tier to the next (so meeting a tier means meeting every tier below),
 * rates in [0, 1) and a positive window. Errors name the field, e.g. `program.tiers[1].minOrders`.
 */
export function readFrequencyProgram(program: FrequencyProgram): ReadProgram {
  if (typeof program !== "object" || program === null || !Array.isArray(program.tiers) || program.tiers.length === 0) {
    throw new RetentionOptionsError("program.tiers", "expected a program { window?, tiers: [{ name, minOrders?, minSpend?, discountRate? }, ...] } with at least one tier");
  }
  const names = new Set<string>();
  const tiers: ProgramTier[] = [];
  program.tiers.forEach((entry, i) => {
    const tier = readTier(entry, i, names);
    const previous = tiers[i - 1];
    if (previous !== undefined && tier.minOrders < previous.minOrders) {
      throw new RetentionOptionsError(`program.tiers[${i}].minOrders`, `expected at least the ${previous.minOrders} orders of the tier below, found ${tier.minOrders}`);
    }
    const below = previous?.minSpend ?? new Decimal(0);
    if (previous !== undefined && (tier.minSpend ?? new Decimal(0)).lt(below)) {
      throw new RetentionOptionsError(`program.tiers[${i}].minSpend`, `expected at least the ${below.toString()} spend of the tier below, found ${(tier.minSpend ?? new Decimal(0)).toString()}`);
    }
    tiers.push(tier);
  });
  return { tiers, window: readTrailingWindow(program.window ?? { days: 365 }, "program.window") };
}

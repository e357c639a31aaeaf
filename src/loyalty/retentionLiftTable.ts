import type { MoneyInput } from "../core/money";
import { RetentionOptionsError } from "../input/errors";
import { liftImpact, readLiftBase, type RetentionLiftBase, type RetentionLiftImpact } from "./retentionLiftImpact";
import { readOptions } from "../input/readOptions";
import { printValue } from "../input/describeValue";

/** Options of `retentionLiftTable`. */
export interface RetentionLiftTableOptions extends RetentionLiftBase {
  /** The lifts to evaluate, read per `liftMode`, e.g. `[0.01, 0.02, 0.05, 0.1]`. */
  readonly lifts: readonly MoneyInput[];
}

/**
 * `retentionLiftImpact` for a list of lifts, in the order given: one row per lift, ready to
 * plot CLV (or its change in percent) against the lift.
 *
 * @param options - margin, retentionRate, discountRate, liftMode and `lifts`
 * @returns one `RetentionLiftImpact` per lift
 * @throws {RetentionOptionsError} when an input is out of range; a lift that takes retention out of [0, 1) is named `lifts[i]`
 * @example
 * retentionLiftTable({ margin: 100, retentionRate: 0.8, discountRate: 0.1, lifts: [0.01, 0.05] })
 *   .map((row) => row.after.toFixed(2))
 * //=> ["279.31", "340.00"]
 */
export function retentionLiftTable(options: RetentionLiftTableOptions): readonly RetentionLiftImpact[] {
  options = readOptions(options, "retentionLiftTable");
  if (!Array.isArray(options.lifts)) throw new RetentionOptionsError("lifts", `expected an array of lifts, found ${printValue(options.lifts)}`);
  const base = readLiftBase(options);
  return options.lifts.map((lift, i) => liftImpact(base, lift, `lifts[${i}]`));
}

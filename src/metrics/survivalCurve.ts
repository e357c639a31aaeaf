import { dateOption } from "../core/period";
import type { DateInput } from "../core/time";
import { RetentionOptionsError } from "../input/errors";
import { toLedger, type MetricInput } from "../input/toLedger";
import { contractSpells } from "./contractSpells";
import { kaplanMeier, type SurvivalPoint } from "./kaplanMeier";
import { readOptions } from "../input/readOptions";
import { printValue } from "../input/describeValue";

/** Time unit of a survival curve. */
export type SurvivalUnit = "day" | "week" | "month";

/** Milliseconds per unit: a day is 86,400,000 ms, a week 7 days, a month 365.2425 / 12 = 30.436875 days. */
export const SURVIVAL_UNIT_MS: Readonly<Record<SurvivalUnit, number>> = Object.freeze({
  day: 86_400_000,
  week: 604_800_000,
  month: 2_629_746_000,
});

/** Options of `survivalCurve`. */
export interface SurvivalCurveOptions {
  /** End of observation: spells still open here are censored; later events are not read. */
  readonly asOf: DateInput;
  /** Unit of `t` and `medianLifetime`: day, week, or month (the average Gregorian month, 30.436875 days). */
  readonly unit: SurvivalUnit;
}

/** A Kaplan–Meier curve of contract lifetimes. */
export interface SurvivalCurve {
  readonly points: readonly SurvivalPoint[];
  /** First t with Ŝ(t) ≤ 0.5, or `null` when survival never falls to 0.5. */
  readonly medianLifetime: number | null;
  /** Spells read: `cancelled` + `censored`. */
  readonly spells: number;
  readonly cancelled: number;
  readonly censored: number;
  /** Contract events that fit no spell (a second start while one is open, a cancel with none open). */
  readonly ignoredEvents: number;
  readonly unit: SurvivalUnit;
  readonly asOf: Date;
}

/**
 * Kaplan–Meier survival of contracts: how long a spell from signup (or reactivate) to cancel
 * lasts. A spell open at `asOf` is censored there. Greenwood variance, 95% interval on the
 * log-log scale: Ŝ^exp(∓ 1.96 √(Σ d/(n(n−d))) / ln Ŝ), as R `survfit(conf.type = "log-log")`
 * and Stata `sts list`. See docs/cohorts.md.
 *
 * @param input - `{ events }` (with signup, reactivate and cancel) or a prepared `Ledger`
 * @param options - `asOf` and `unit`
 * @returns the curve's points, its median (`null` when Ŝ stays above 0.5) and the spell counts
 * @throws {RetentionInputError} when a row is invalid
 * @throws {RetentionOptionsError} on a missing or invalid asOf or unit
 * @example
 * survivalCurve({ events: [{ customerId: "a", at: "2024-01-01", type: "signup" },
 *                          { customerId: "a", at: "2024-01-11", type: "cancel" },
 *                          { customerId: "b", at: "2024-01-01", type: "signup" }] },
 *               { asOf: "2024-01-31", unit: "day" })
 * //=> { points: [{ t: 10, atRisk: 2, events: 1, censored: 0, survival: 0.5, lower: 0.006, upper: 0.91 },
 * //              { t: 30, atRisk: 1, events: 0, censored: 1, survival: 0.5, ... }], medianLifetime: 10, spells: 2, ... }
 */
export function survivalCurve(input: MetricInput, options: SurvivalCurveOptions): SurvivalCurve {
  options = readOptions(options, "survivalCurve");
  const ledger = toLedger(input);
  if (options?.asOf === undefined) throw new RetentionOptionsError("asOf", "survivalCurve needs asOf (the end of observation)");
  const asOf = dateOption("asOf", options.asOf);
  const unit = options.unit;
  if (unit !== "day" && unit !== "week" && unit !== "month") {
    throw new RetentionOptionsError("unit", `expected "day", "week" or "month", found ${printValue(unit)}`);
  }
  const spells = contractSpells(ledger, asOf);
  const points = kaplanMeier(spells.durationMs, spells.ended, SURVIVAL_UNIT_MS[unit]);
  let cancelled = 0;
  for (let i = 0; i < spells.count; i++) cancelled += spells.ended[i]!;
  const median = points.find((point) => point.survival <= 0.5 + 1e-12);
  return {
    points,
    medianLifetime: median === undefined ? null : median.t,
    spells: spells.count,
    cancelled,
    censored: spells.count - cancelled,
    ignoredEvents: spells.ignoredEvents,
    unit,
    asOf: new Date(asOf),
  };
}

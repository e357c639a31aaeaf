import { dateOption } from "../core/period";
import { RetentionOptionsError } from "../input/errors";
import type { ClassifyDefectionsOptions, DefectionRule, ResolvedDefectionThresholds } from "./types";
import { printValue } from "../input/describeValue";

/** The defaults of the default rules (see docs/defections.md). */
export const DEFAULT_DEFECTION_THRESHOLDS: ResolvedDefectionThresholds = Object.freeze({
  atRiskAfter: 1.5,
  defectedAfter: 3,
  minGapDays: 7,
  missedAppointmentGrace: 30,
});

/** `classifyDefections` options, checked, with defaults filled in. */
export interface ReadDefectionOptions {
  readonly asOf: number;
  readonly rules: readonly DefectionRule[];
  readonly thresholds: ResolvedDefectionThresholds;
}

/** Reads and checks the options of `classifyDefections`, throwing `RetentionOptionsError` naming the bad one. */
export function readDefectionOptions(options: ClassifyDefectionsOptions | undefined, fn: string): ReadDefectionOptions {
  if (options === undefined || options === null || options.asOf === undefined) {
    throw new RetentionOptionsError("asOf", `${fn} needs { asOf }`);
  }
  const asOf = dateOption("asOf", options.asOf);
  const given = options.thresholds ?? {};
  const atRiskAfter = positive("thresholds.atRiskAfter", given.atRiskAfter, DEFAULT_DEFECTION_THRESHOLDS.atRiskAfter);
  const defectedAfter = positive("thresholds.defectedAfter", given.defectedAfter, DEFAULT_DEFECTION_THRESHOLDS.defectedAfter);
  if (defectedAfter < atRiskAfter) {
    throw new RetentionOptionsError(
      "thresholds.defectedAfter",
      `expected defectedAfter ≥ atRiskAfter, found ${defectedAfter} < ${atRiskAfter}`,
    );
  }
  const minGapDays = nonNegative("thresholds.minGapDays", given.minGapDays, DEFAULT_DEFECTION_THRESHOLDS.minGapDays);
  const grace = nonNegative(
    "thresholds.missedAppointmentGrace",
    given.missedAppointmentGrace,
    DEFAULT_DEFECTION_THRESHOLDS.missedAppointmentGrace,
  );
  const rules = options.rules ?? [];
  if (!Array.isArray(rules)) throw new RetentionOptionsError("rules", `expected an array of functions, found ${typeof rules}`);
  rules.forEach((rule, i) => {
    if (typeof rule !== "function") throw new RetentionOptionsError(`rules[${i}]`, `expected a function, found ${typeof rule}`);
  });
  return { asOf, rules, thresholds: { atRiskAfter, defectedAfter, minGapDays, missedAppointmentGrace: grace } };
}

function positive(name: string, value: unknown, fallback: number): number {
  const read = value === undefined ? fallback : value;
  if (typeof read !== "number" || !Number.isFinite(read) || read <= 0) {
    throw new RetentionOptionsError(name, `expected a finite number > 0, found ${printValue(read)}`);
  }
  return read;
}

function nonNegative(name: string, value: unknown, fallback: number): number {
  const read = value === undefined ? fallback : value;
  if (typeof read !== "number" || !Number.isFinite(read) || read < 0) {
    throw new RetentionOptionsError(name, `expected a finite number ≥ 0, found ${printValue(read)}`);
  }
  return read;
}

import { GRANULARITIES, checkGranularity, checkWeekStartsOn, type Granularity, type WeekStartsOn } from "../core/calendar";
import { dateOption } from "../core/period";
import type { DateInput } from "../core/time";
import { RetentionOptionsError } from "../input/errors";
import { printValue } from "../input/describeValue";
import { numberOption } from "../input/optionReaders";
import { MAX_CONFIDENCE } from "../nps/npsFromCounts";

/** What a cohort cell holds: returning customers, or revenue. */
export type CohortMeasure = "customers" | "revenue";

/** `return-on`: an order in bucket c + k ("N-day" retention); `return-on-or-after`: in any bucket ≥ c + k ("unbounded"). */
export type CohortMode = "return-on" | "return-on-or-after";

/** Options of `cohortRetention`. */
export interface CohortRetentionOptions {
  /** Cohort and offset bucket: day, week, month, quarter or year (UTC). */
  readonly granularity: Granularity;
  /** Only buckets that have ended at or before `asOf` appear; activity at or after it is ignored. */
  readonly asOf: DateInput;
  /** `customers` (default) or `revenue`. */
  readonly measure?: CohortMeasure | undefined;
  /** For `customers`: `return-on` (default) or `return-on-or-after`. `revenue` allows only `return-on`. */
  readonly mode?: CohortMode | undefined;
  /** Keep the cohorts whose bucket starts at or after `from`… */
  readonly from?: DateInput | undefined;
  /** …and before `to`. */
  readonly to?: DateInput | undefined;
  /** First day of the week for weekly buckets (default 1, Monday: ISO weeks). */
  readonly weekStartsOn?: WeekStartsOn | undefined;
  /**
   * A confidence level in (0, 0.999999], such as 0.95: each row then carries `intervals`, the
   * Wilson score interval of each rate. Customers only. Default: no intervals.
   */
  readonly interval?: number | undefined;
}

/** The options read and checked. */
export interface ReadCohortOptions {
  readonly granularity: Granularity;
  readonly asOf: number;
  readonly measure: CohortMeasure;
  readonly mode: CohortMode;
  readonly from: number;
  readonly to: number;
  readonly weekStartsOn: WeekStartsOn;
  /** The confidence level of the cells' Wilson intervals, or `null` for none. */
  readonly interval: number | null;
}

/** Reads `CohortRetentionOptions`, throwing `RetentionOptionsError` naming the bad option. */
export function readCohortOptions(options: CohortRetentionOptions | undefined): ReadCohortOptions {
  const granularity = checkGranularity(options?.granularity, GRANULARITIES, "cohortRetention");
  if (options?.asOf === undefined) throw new RetentionOptionsError("asOf", "cohortRetention needs asOf (the end of observation)");
  const asOf = dateOption("asOf", options.asOf);
  const measure = options.measure ?? "customers";
  if (measure !== "customers" && measure !== "revenue") {
    throw new RetentionOptionsError("measure", `expected "customers" or "revenue", found ${printValue(measure)}`);
  }
  const mode = options.mode ?? "return-on";
  if (mode !== "return-on" && mode !== "return-on-or-after") {
    throw new RetentionOptionsError("mode", `expected "return-on" or "return-on-or-after", found ${printValue(mode)}`);
  }
  if (measure === "revenue" && mode !== "return-on") {
    throw new RetentionOptionsError("mode", `measure "revenue" counts revenue in each bucket; only mode "return-on" applies, found ${mode}`);
  }
  const from = options.from === undefined ? Number.NEGATIVE_INFINITY : dateOption("from", options.from);
  const to = options.to === undefined ? Number.POSITIVE_INFINITY : dateOption("to", options.to);
  if (!(from < to)) throw new RetentionOptionsError("to", "expected from before to");
  const interval = options.interval === undefined ? null : numberOption("interval", options.interval, { min: 0, max: MAX_CONFIDENCE, minOpen: true }, 0.95);
  if (interval !== null && measure === "revenue") {
    throw new RetentionOptionsError("interval", "Wilson intervals are for shares of customers; measure \"revenue\" has none");
  }
  return { granularity, asOf, measure, mode, from, to, weekStartsOn: checkWeekStartsOn(options.weekStartsOn), interval };
}

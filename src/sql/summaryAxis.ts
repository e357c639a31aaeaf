import { checkWeekStartsOn, type Granularity, type WeekStartsOn } from "../core/calendar";
import { readPeriodAxis, readTimeAxis, type PeriodAxisOptions, type TimeAxis, type TimeAxisOptions } from "../clv/timeAxis";
import { RetentionOptionsError } from "../input/errors";

/** Option keys of the time axis of a SQL customer summary, as `customerSummary` reads them. */
export const SUMMARY_TIME_KEYS = ["timeUnit", "calendar", "granularity", "weekStartsOn"] as const;

/** The time axis of a SQL customer summary, and the bucket its query groups purchases by. */
export interface SqlSummaryAxis {
  readonly axis: TimeAxis;
  /** True for the discrete-time summary (`timeUnit: "period"`). */
  readonly discrete: boolean;
  /** The bucket of one transaction: a UTC day, or the calendar bucket. */
  readonly bucket: Granularity;
  readonly weekStartsOn: WeekStartsOn;
}

/**
 * Reads the time options of a SQL customer summary exactly as `customerSummary` does: elapsed
 * `day`s (default) or `week`s, whole `calendar` buckets, or the discrete-time summary
 * (`timeUnit: "period"` with `granularity`), with `weekStartsOn` for weeks.
 *
 * @example
 * readSummaryAxis({ calendar: "month" }, "customerSummarySql").bucket //=> "month"
 * readSummaryAxis({ timeUnit: "month" }, "customerSummarySql") // throws RetentionOptionsError("timeUnit", …)
 */
export function readSummaryAxis(options: TimeAxisOptions | PeriodAxisOptions, fn: string): SqlSummaryAxis {
  const discrete = options.timeUnit === "period";
  if (!discrete && (options as { granularity?: unknown }).granularity !== undefined) {
    throw new RetentionOptionsError("granularity", `${fn}: granularity sets the opportunity of a discrete-time summary; add timeUnit: "period" (or use calendar for whole buckets of a continuous-time summary)`);
  }
  const axis = discrete ? readPeriodAxis(options as PeriodAxisOptions, fn) : readTimeAxis(options as TimeAxisOptions, fn);
  const bucket = axis.calendar ?? "day";
  return { axis, discrete, bucket, weekStartsOn: bucket === "week" ? checkWeekStartsOn(options.weekStartsOn) : 1 };
}

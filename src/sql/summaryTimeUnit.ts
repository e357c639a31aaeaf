import { printValue } from "../input/describeValue";
import { RetentionOptionsError } from "../input/errors";

/** Units of recency and T that the SQL summaries give: elapsed days, or weeks of 7 days. */
export type SqlSummaryTimeUnit = "day" | "week";

/** Option keys read by `readSummaryTimeUnit`: `timeUnit`, and the calendar ones it refuses by name. */
export const SUMMARY_TIME_KEYS = ["timeUnit", "calendar", "granularity", "weekStartsOn"] as const;

/**
 * Reads the time options of a SQL customer summary: `timeUnit` `"day"` (default) or `"week"`.
 * Calendar buckets (`calendar`, `weekStartsOn`) and the discrete-time summary (`timeUnit:
 * "period"` with `granularity`) are refused by name: their bucket arithmetic differs per engine
 * (week starts, month lengths), so they stay with the in-memory `customerSummary`.
 *
 * @example
 * readSummaryTimeUnit({ timeUnit: "week" }, "customerSummarySql") //=> "week"
 * readSummaryTimeUnit({ calendar: "month" }, "customerSummarySql") // throws RetentionOptionsError("calendar", …)
 */
export function readSummaryTimeUnit(options: { readonly [key: string]: unknown }, fn: string): SqlSummaryTimeUnit {
  for (const key of ["calendar", "granularity", "weekStartsOn"] as const) {
    if (options[key] !== undefined) {
      throw new RetentionOptionsError(key, `${fn} counts time in elapsed days or weeks only; calendar buckets and timeUnit "period" need the in-memory customerSummary (docs/scale.md)`);
    }
  }
  const unit = options.timeUnit ?? "day";
  if (unit === "day" || unit === "week") return unit;
  throw new RetentionOptionsError("timeUnit", `${fn} expects "day" or "week", found ${printValue(unit)}`);
}

import { readPeriod, windowStart } from "../core/period";
import type { DateInput, DurationInput } from "../core/time";
import { readOptions } from "../input/readOptions";
import { timestampLiteral } from "./literals";
import { readSqlSource, type SqlSourceOptions } from "./source";

/** The windows of `retentionRate`/`churnRate` and `revenueRetention`, as both the query and the finishers read them. */
export interface RetentionWindowOptions {
  /** The period `[start, end)` (UTC). */
  readonly start: DateInput;
  readonly end: DateInput;
  /** Trailing window in which an order makes a customer active (retention, churn); default end − start. */
  readonly activeWindow?: DurationInput | undefined;
  /** Length L of the base window `[start − L, start)` (revenue retention); default end − start. */
  readonly baseWindow?: DurationInput | undefined;
}

/** Options of `retentionFlagsSql`: the purchases table and the windows. */
export interface RetentionFlagsSqlOptions extends SqlSourceOptions, RetentionWindowOptions {}

/** The instants the flags are cut at, read and checked as `retentionRate` and `revenueRetention` read them. */
export interface RetentionWindows {
  readonly start: number;
  readonly end: number;
  /** start − activeWindow and end − activeWindow. */
  readonly startFrom: number;
  readonly endFrom: number;
  /** start − baseWindow. */
  readonly baseStart: number;
}

/** Reads the period and both windows (`RetentionOptionsError` naming the bad one). */
export function readRetentionWindows(options: RetentionWindowOptions, functionName: string): RetentionWindows {
  const { start, end } = readPeriod(options, functionName);
  const active = options.activeWindow ?? end - start;
  return {
    start,
    end,
    startFrom: windowStart(start, active),
    endFrom: windowStart(end, active),
    baseStart: windowStart(start, options.baseWindow ?? end - start, "baseWindow"),
  };
}

/**
 * SQL for each customer's activity flags and revenue around a period `[start, end)`, from
 * which `retentionRateFromFlags`, `churnRateFromFlags` and `revenueRetentionFromFlags` finish
 * `retentionRate`, `churnRate` and `revenueRetention`. An order is a row with amount ≥ 0; every
 * window is half-open in UTC. One row per customer with a row in
 * `[min(start − activeWindow, start − baseWindow), end)`:
 *
 * - `customer_id`;
 * - `active_at_start`, `active_at_end` (0/1): an order in `[start − activeWindow, start)`, in `[end − activeWindow, end)`;
 * - `new_in_period` (0/1): the customer's first order falls in `[start, end)`;
 * - `ordered_before_base` (0/1): an order before `start − baseWindow`;
 * - `base_revenue`, `current_revenue`: net amount (refunds included) in `[start − baseWindow, start)` and in `[start, end)`.
 *
 * @param options - dialect, table, columns, start, end, activeWindow, baseWindow
 * @returns the query text
 * @throws {RetentionOptionsError} on a bad dialect or name, start ≥ end, or a window that is not positive
 * @example
 * retentionFlagsSql({ dialect: "postgres", table: "purchases", start: "1997-07-01", end: "1997-10-01" })
 * //=> "WITH purchase_rows AS (SELECT p.\"customer_id\" AS customer_id, … FROM customers WHERE seen = 1"
 */
export function retentionFlagsSql(options: RetentionFlagsSqlOptions): string {
  options = readOptions(options, "retentionFlagsSql");
  const source = readSqlSource(options, "retentionFlagsSql", ["start", "end", "activeWindow", "baseWindow"]);
  const windows = readRetentionWindows(options, "retentionFlagsSql");
  const at = (ms: number, option: string): string => timestampLiteral(source.dialect, new Date(ms), option);
  const start = at(windows.start, "start");
  const baseStart = at(windows.baseStart, "baseWindow");
  return `WITH purchase_rows AS (
  SELECT p.${source.customerId} AS customer_id, p.${source.date} AS order_time, p.${source.amount} AS amount
  FROM ${source.table} AS p
  WHERE p.${source.date} < ${at(windows.end, "end")} AND p.${source.customerId} IS NOT NULL
),
customers AS (
  SELECT customer_id,
    MAX(CASE WHEN amount >= 0 AND order_time >= ${at(windows.startFrom, "activeWindow")} AND order_time < ${start} THEN 1 ELSE 0 END) AS active_at_start,
    MAX(CASE WHEN amount >= 0 AND order_time >= ${at(windows.endFrom, "activeWindow")} THEN 1 ELSE 0 END) AS active_at_end,
    MIN(CASE WHEN amount >= 0 THEN order_time END) AS first_order,
    MAX(CASE WHEN amount >= 0 AND order_time < ${baseStart} THEN 1 ELSE 0 END) AS ordered_before_base,
    SUM(CASE WHEN order_time >= ${baseStart} AND order_time < ${start} THEN amount ELSE 0 END) AS base_revenue,
    SUM(CASE WHEN order_time >= ${start} THEN amount ELSE 0 END) AS current_revenue,
    MAX(CASE WHEN order_time >= ${at(Math.min(windows.startFrom, windows.baseStart), "start")} THEN 1 ELSE 0 END) AS seen
  FROM purchase_rows
  GROUP BY customer_id
)
SELECT customer_id, active_at_start, active_at_end,
  CASE WHEN first_order >= ${start} THEN 1 ELSE 0 END AS new_in_period,
  ordered_before_base, base_revenue, current_revenue
FROM customers
WHERE seen = 1`;
}

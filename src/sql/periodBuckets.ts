import type { Granularity, WeekStartsOn } from "../core/calendar";
import { dayOf, daysBetween } from "./dates";
import type { SqlDialect } from "./dialect";

/**
 * Calendar buckets per dialect, on SQL expressions the query builders wrote (never on user
 * text): the start of the UTC bucket that holds a timestamp, and the whole buckets between two
 * bucket starts. They agree with the in-memory `bucketIndex`/`bucketStart` (src/core): weeks
 * start on `weekStartsOn` (0 = Sunday … 6), counted from 1970-01-01, a Thursday, so no
 * engine's week setting (Snowflake's WEEK_START, BigQuery's WEEK) is read.
 */

const EPOCH = "DATE '1970-01-01'";

/** `value` mod 7 in 0 … 6, also for a negative `value` (days before 1970). */
function positiveMod7(dialect: SqlDialect, value: string): string {
  return dialect === "spark" ? `PMOD(${value}, 7)` : `MOD(MOD(${value}, 7) + 7, 7)`;
}

/** The DATE `days` (an integer expression) before the DATE `date`. */
function subtractDays(dialect: SqlDialect, date: string, days: string): string {
  switch (dialect) {
    case "duckdb":
    case "postgres":
      return `(${date} - CAST(${days} AS INTEGER))`;
    case "bigquery":
      return `DATE_SUB(${date}, INTERVAL ${days} DAY)`;
    case "snowflake":
      return `DATEADD('day', -(${days}), ${date})`;
    case "spark":
      return `DATE_SUB(${date}, ${days})`;
  }
}

/** The first DATE of the month, quarter or year of a timestamp. */
function truncate(dialect: SqlDialect, unit: "month" | "quarter" | "year", timestamp: string): string {
  switch (dialect) {
    case "duckdb":
    case "postgres":
      return `CAST(DATE_TRUNC('${unit}', ${timestamp}) AS DATE)`;
    case "bigquery":
      return `DATE_TRUNC(DATE(${timestamp}), ${unit.toUpperCase()})`;
    case "snowflake":
      return `DATE_TRUNC('${unit.toUpperCase()}', TO_DATE(${timestamp}))`;
    case "spark":
      return `TRUNC(TO_DATE(${timestamp}), '${unit.toUpperCase()}')`;
  }
}

/**
 * The start (a DATE) of the UTC bucket of `granularity` that holds the timestamp expression
 * `timestamp`: its day; for weeks the day minus its distance from the week start,
 * ((days since 1970-01-01) + (4 − weekStartsOn)) mod 7; else the first day of its month,
 * quarter or year. Equals `bucketStart` of src/core/calendar.ts.
 *
 * @example
 * bucketStartSql("postgres", "month", 1, "p.at") //=> "CAST(DATE_TRUNC('month', p.at) AS DATE)"
 * bucketStartSql("spark", "week", 0, "p.at")     //=> "DATE_SUB(TO_DATE(p.at), PMOD(DATEDIFF(TO_DATE(p.at), DATE '1970-01-01') + 4, 7))"
 */
export function bucketStartSql(dialect: SqlDialect, granularity: Granularity, weekStartsOn: WeekStartsOn, timestamp: string): string {
  if (granularity === "day") return dayOf(dialect, timestamp);
  if (granularity !== "week") return truncate(dialect, granularity, timestamp);
  const day = dayOf(dialect, timestamp);
  const shift = (4 - weekStartsOn + 7) % 7;
  return subtractDays(dialect, day, positiveMod7(dialect, `${daysBetween(dialect, EPOCH, day)} + ${shift}`));
}

/** Year and month of a DATE as integers. */
function yearOf(dialect: SqlDialect, date: string): string {
  return dialect === "spark" ? `YEAR(${date})` : `CAST(EXTRACT(YEAR FROM ${date}) AS INTEGER)`;
}
function monthOf(dialect: SqlDialect, date: string): string {
  return dialect === "spark" ? `MONTH(${date})` : `CAST(EXTRACT(MONTH FROM ${date}) AS INTEGER)`;
}

/** An exact quotient of an integer expression by `divisor` (the division leaves no remainder), as an integer. */
function exactDivision(dialect: SqlDialect, value: string, divisor: number): string {
  switch (dialect) {
    case "duckdb":
      return `((${value}) // ${divisor})`;
    case "postgres":
      return `((${value}) / ${divisor})`;
    case "bigquery":
      return `DIV(${value}, ${divisor})`;
    case "snowflake":
    case "spark":
      return `CAST((${value}) / ${divisor} AS INTEGER)`;
  }
}

/**
 * Whole buckets of `granularity` from the bucket starting on the DATE `from` to the one
 * starting on the DATE `to` (both bucket starts): days, days ÷ 7, 12·Δyear + Δmonth, that ÷ 3,
 * or Δyear. The offset `bucketIndex(to) − bucketIndex(from)` of the in-memory code.
 *
 * @example
 * bucketsBetweenSql("duckdb", "year", "c.cohort", "b.bucket")
 * //=> "(CAST(EXTRACT(YEAR FROM b.bucket) AS INTEGER) - CAST(EXTRACT(YEAR FROM c.cohort) AS INTEGER))"
 */
export function bucketsBetweenSql(dialect: SqlDialect, granularity: Granularity, from: string, to: string): string {
  switch (granularity) {
    case "day":
      return daysBetween(dialect, from, to);
    case "week":
      return exactDivision(dialect, daysBetween(dialect, from, to), 7);
    case "year":
      return `(${yearOf(dialect, to)} - ${yearOf(dialect, from)})`;
    case "month":
    case "quarter": {
      const months = `12 * (${yearOf(dialect, to)} - ${yearOf(dialect, from)}) + ${monthOf(dialect, to)} - ${monthOf(dialect, from)}`;
      return granularity === "month" ? `(${months})` : exactDivision(dialect, months, 3);
    }
  }
}

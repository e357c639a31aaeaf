import { checkGranularity, checkWeekStartsOn, type WeekStartsOn } from "../core/calendar";
import { readRange } from "../core/period";
import type { DateInput } from "../core/time";
import { printValue } from "../input/describeValue";
import { RetentionOptionsError } from "../input/errors";
import { readOptions } from "../input/readOptions";
import { stringLiteral, timestampLiteral } from "./literals";
import { bucketStartSql } from "./periodBuckets";
import { readSqlSurveySource, type SqlSurveySourceOptions } from "./surveySource";

/** The calendar buckets of an NPS trend (as `npsTrend`). */
export type NpsTrendGranularity = "week" | "month" | "quarter" | "year";

/** Options of `npsCountsSql`: the answers table, and how to split the counts. */
export interface NpsCountsSqlOptions extends SqlSurveySourceOptions {
  /** Split by calendar bucket (UTC), for `npsTrendFromCounts`: week, month, quarter or year. */
  readonly granularity?: NpsTrendGranularity | undefined;
  /** First day of the week for weekly buckets (default 1, Monday). */
  readonly weekStartsOn?: WeekStartsOn | undefined;
  /** Split by group, for `npsByFromCounts`: the segment column or the customer id. */
  readonly by?: "segment" | "customerId" | undefined;
  /** Count only the answers in `[start, end)` (UTC); either bound may be left open. */
  readonly start?: DateInput | undefined;
  readonly end?: DateInput | undefined;
}

const SCORES = { promoters: [9, 10], passives: [7, 8], detractors: [0, 1, 2, 3, 4, 5, 6] } as const;
const ALL_SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/**
 * SQL for counts of NPS promoters (9–10), passives (7–8) and detractors (0–6), from which
 * `npsTrendFromCounts` and `npsByFromCounts` finish `npsTrend` and `npsBy`. Only NPS answers
 * count: with a `kind` column, the rows whose kind is `nps` or NULL (as the in-memory surveys,
 * where no kind means NPS). One row per bucket and group present:
 *
 * - `period_start` (DATE, with `granularity`): the start of the answer's UTC bucket;
 * - `group_key` (with `by`): the segment or customer id (NULL where the answer has none);
 * - `promoters`, `passives`, `detractors`: answers scoring 9–10, 7–8, 0–6;
 * - `other_scores`: NPS answers whose score is not a whole number from 0 to 10 (NULL included),
 *   which the finishers refuse as `nps` refuses such a row.
 *
 * @param options - dialect, table, columns, granularity, weekStartsOn, by, start, end
 * @returns the query text
 * @throws {RetentionOptionsError} on a bad dialect, name, granularity, week start, `by`, or range;
 *   `by: "segment"` without `columns.segment`
 * @example
 * npsCountsSql({ dialect: "bigquery", table: "surveys", columns: { segment: "channel" }, granularity: "month", by: "segment" })
 * //=> "SELECT period_start, group_key, COUNT(CASE WHEN score IN (9, 10) THEN 1 END) AS promoters, …"
 */
export function npsCountsSql(options: NpsCountsSqlOptions): string {
  options = readOptions(options, "npsCountsSql");
  const source = readSqlSurveySource(options, "npsCountsSql", ["granularity", "weekStartsOn", "by", "start", "end"]);
  const { dialect } = source;
  const { start, end } = readRange(options);
  const weekStartsOn = checkWeekStartsOn(options.weekStartsOn);
  const granularity = options.granularity === undefined ? null : checkGranularity(options.granularity, ["week", "month", "quarter", "year"] as const, "npsCountsSql");
  const by = options.by;
  if (by !== undefined && by !== "segment" && by !== "customerId") {
    throw new RetentionOptionsError("by", `expected "segment" or "customerId" (a grouping function cannot run in SQL), found ${printValue(by)}`);
  }
  if (by === "segment" && source.segment === null) throw new RetentionOptionsError("by", 'by "segment" needs the segment column: columns.segment');
  const keys: string[] = [];
  const inner: string[] = [];
  if (granularity !== null) {
    keys.push("period_start");
    inner.push(`${bucketStartSql(dialect, granularity, weekStartsOn, `s.${source.date}`)} AS period_start`);
  }
  if (by !== undefined) {
    keys.push("group_key");
    inner.push(`s.${by === "segment" ? source.segment : source.customerId} AS group_key`);
  }
  const where: string[] = [];
  if (source.kind !== null) where.push(`(s.${source.kind} IS NULL OR s.${source.kind} = ${stringLiteral(dialect, "nps")})`);
  if (Number.isFinite(start)) where.push(`s.${source.date} >= ${timestampLiteral(dialect, new Date(start), "start")}`);
  if (Number.isFinite(end)) where.push(`s.${source.date} < ${timestampLiteral(dialect, new Date(end), "end")}`);
  const count = (scores: readonly number[]): string => `COUNT(CASE WHEN score IN (${scores.join(", ")}) THEN 1 END)`;
  return `SELECT ${[
    ...keys,
    `${count(SCORES.promoters)} AS promoters`,
    `${count(SCORES.passives)} AS passives`,
    `${count(SCORES.detractors)} AS detractors`,
    `COUNT(CASE WHEN score IN (${ALL_SCORES.join(", ")}) THEN NULL ELSE 1 END) AS other_scores`,
  ].join(",\n  ")}
FROM (
  SELECT ${[...inner, `s.${source.score} AS score`].join(", ")}
  FROM ${source.table} AS s${where.length === 0 ? "" : `\n  WHERE ${where.join(" AND ")}`}
) AS answers${keys.length === 0 ? "" : `\nGROUP BY ${keys.join(", ")}\nORDER BY ${keys.join(", ")}`}`;
}

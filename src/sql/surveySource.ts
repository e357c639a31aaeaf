import type { SqlDialect } from "./dialect";
import { readTableSource } from "./source";

/** Column names of the survey answers table. */
export interface SqlSurveyColumns {
  /** Who answered, any type the engine compares for equality (default `customer_id`). */
  readonly customerId?: string | undefined;
  /** When, a zone-less TIMESTAMP holding UTC (default `answered_at`). */
  readonly date?: string | undefined;
  /** The answer, a number; an NPS answer is a whole number 0–10 (default `score`). */
  readonly score?: string | undefined;
  /**
   * The survey kind, text `nps`, `csat` or `ces`, as the in-memory surveys' `kind`: only `nps`
   * and NULL (no kind: an NPS answer) rows count. No default: without it every row is an NPS answer.
   */
  readonly kind?: string | undefined;
  /** A segment (text) to group by. No default: without it there is no segment. */
  readonly segment?: string | undefined;
}

/** Where the survey answers are: every `…Sql` function over surveys takes these options. */
export interface SqlSurveySourceOptions {
  readonly dialect: SqlDialect;
  /** The answers table: a name, or a path such as `["analytics", "surveys"]`. */
  readonly table: string | readonly string[];
  readonly columns?: SqlSurveyColumns | undefined;
}

/** The survey source options, checked, with every name quoted; `kind` and `segment` are `null` when not given. */
export interface SqlSurveySource {
  readonly dialect: SqlDialect;
  readonly table: string;
  readonly customerId: string;
  readonly date: string;
  readonly score: string;
  readonly kind: string | null;
  readonly segment: string | null;
}

/**
 * Reads the options of a `…Sql` function over survey answers, as `readSqlSource` reads those
 * over purchases: a plain object with only the source keys and `keys`, a dialect, and quoted names.
 *
 * @example
 * readSqlSurveySource({ dialect: "duckdb", table: "surveys" }, "npsCountsSql", []).date //=> '"answered_at"'
 */
export function readSqlSurveySource(options: SqlSurveySourceOptions, functionName: string, keys: readonly string[]): SqlSurveySource {
  const { dialect, table, columns } = readTableSource(options, functionName, keys, { customerId: "customer_id", date: "answered_at", score: "score", kind: null, segment: null });
  return { dialect, table, customerId: columns.customerId!, date: columns.date!, score: columns.score!, kind: columns.kind, segment: columns.segment };
}

import type { DateInput } from "../core/time";
import { printValue } from "../input/describeValue";
import { RetentionOptionsError } from "../input/errors";
import { customerHistoryCtes } from "./customerHistories";
import { quoteIdentifier, tableReference } from "./identifiers";
import { checkKeys, readInstant, readSqlSource, type SqlSourceOptions } from "./source";

/** Column names of the scored pattern table; each defaults to the snake_case name shown. */
export interface ScoreTableColumns {
  /** `frequency` */
  readonly frequency?: string | undefined;
  /** `recency_days` (ScoredPattern.recencyDays) */
  readonly recencyDays?: string | undefined;
  /** `t_days` (ScoredPattern.tDays) */
  readonly tDays?: string | undefined;
  /** `probability_alive` */
  readonly probabilityAlive?: string | undefined;
  /** `expected_purchases` */
  readonly expectedPurchases?: string | undefined;
  /** `discounted_purchases` */
  readonly discountedPurchases?: string | undefined;
  /** `spend_base` */
  readonly spendBase?: string | undefined;
  /** `spend_per_repeat_value` */
  readonly spendPerRepeatValue?: string | undefined;
}

/** Options of `scoreJoin`: the purchases and asOf of the pattern table, and where its scores were loaded. */
export interface ScoreJoinOptions extends SqlSourceOptions {
  /** The asOf the pattern table was computed with. */
  readonly asOf: DateInput;
  /** The table holding `scorePatterns`' rows, and its column names when they differ. */
  readonly scores: { readonly table: string | readonly string[]; readonly columns?: ScoreTableColumns | undefined };
}

const SCORE_COLUMNS: Readonly<Record<keyof ScoreTableColumns, string>> = {
  frequency: "frequency",
  recencyDays: "recency_days",
  tDays: "t_days",
  probabilityAlive: "probability_alive",
  expectedPurchases: "expected_purchases",
  discountedPurchases: "discounted_purchases",
  spendBase: "spend_base",
  spendPerRepeatValue: "spend_per_repeat_value",
};

/** The `scores` option, checked, with each name quoted. */
function readScores(dialect: SqlSourceOptions["dialect"], scores: unknown): { table: string; column: Record<keyof ScoreTableColumns, string> } {
  if (scores === null || typeof scores !== "object" || Array.isArray(scores)) {
    throw new RetentionOptionsError("scores", `scoreJoin expects { table, columns? } naming the loaded scorePatterns table, found ${printValue(scores)}`);
  }
  const read = scores as Record<string, unknown>;
  checkKeys("option", read, ["table", "columns"], "scores");
  const names = read.columns === undefined ? {} : read.columns;
  if (names === null || typeof names !== "object" || Array.isArray(names)) throw new RetentionOptionsError("scores.columns", `expected an object of column names, found ${printValue(names)}`);
  const given = names as Record<string, unknown>;
  checkKeys("column", given, Object.keys(SCORE_COLUMNS), "scores.columns");
  const column = {} as Record<keyof ScoreTableColumns, string>;
  for (const [key, fallback] of Object.entries(SCORE_COLUMNS) as [keyof ScoreTableColumns, string][]) {
    column[key] = `s.${quoteIdentifier(dialect, given[key] ?? fallback, `scores.columns.${key}`)}`;
  }
  return { table: tableReference(dialect, read.table, "scores.table"), column };
}

/**
 * SQL that gives every customer a score in the warehouse: it recomputes each customer's
 * history from the purchases with the pattern table's definitions (the same expressions as
 * `patternTableSql`, so the whole-day keys match exactly) and joins the loaded `scorePatterns`
 * table on (frequency, recency_days, t_days). Per customer:
 *
 *   customer_id, frequency, recency_days, t_days, repeat_value,
 *   probability_alive, expected_purchases        (the pattern's),
 *   expected_average_spend = spend_base + spend_per_repeat_value × repeat_value
 *                          = p(γ + x z̄)/(px + q − 1), the customer's own (FHL 2005 eq. 5),
 *   clv                    = discounted_purchases × expected_average_spend,
 *
 * which are `predictClv`'s figures for that customer (to the last bits of floating point).
 * A repeat customer whose repeat value is ≤ 0, where `predictClv` refuses, gets NULL spend and
 * CLV; a customer whose pattern is not in the table gets NULL scores (LEFT JOIN).
 *
 * @param options - the purchases (`dialect`, `table`, `columns`), `asOf`, and `scores: { table, columns? }`
 * @returns the query text
 * @throws {RetentionOptionsError} when an option is missing, misspelled or invalid
 * @example
 * scoreJoin({ dialect: "bigquery", table: ["shop", "orders"], asOf: "1997-09-30", scores: { table: ["shop", "pattern_scores"] } })
 * //=> "WITH rm_observed AS (…) SELECT h.customer_id AS `customer_id`, … FROM rm_histories h LEFT JOIN `shop`.`pattern_scores` s ON …"
 */
export function scoreJoin(options: ScoreJoinOptions): string {
  const source = readSqlSource(options, "scoreJoin", ["asOf", "scores"]);
  const asOf = readInstant("asOf", options.asOf);
  const { table, column: s } = readScores(source.dialect, options.scores);
  const as = (name: string): string => quoteIdentifier(source.dialect, name, name);
  const refused = "h.frequency > 0 AND h.repeat_value <= 0";
  const spend = `${s.spendBase} + ${s.spendPerRepeatValue} * h.repeat_value`;
  return `WITH ${customerHistoryCtes(source, asOf)}
SELECT h.customer_id AS ${as("customer_id")},
       h.frequency AS ${as("frequency")},
       h.recency_days AS ${as("recency_days")},
       h.t_days AS ${as("t_days")},
       h.repeat_value AS ${as("repeat_value")},
       ${s.probabilityAlive} AS ${as("probability_alive")},
       ${s.expectedPurchases} AS ${as("expected_purchases")},
       CASE WHEN ${refused} THEN NULL ELSE ${spend} END AS ${as("expected_average_spend")},
       CASE WHEN ${refused} THEN NULL ELSE ${s.discountedPurchases} * (${spend}) END AS ${as("clv")}
FROM rm_histories h
LEFT JOIN ${table} s
  ON ${s.frequency} = h.frequency AND ${s.recencyDays} = h.recency_days AND ${s.tDays} = h.t_days`;
}

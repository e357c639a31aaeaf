import type { DateInput } from "../core/time";
import { customerHistoryCtes } from "./customerHistories";
import { quoteIdentifier } from "./identifiers";
import { readInstant, readSqlSource, type SqlSourceOptions } from "./source";

/** Options of `patternTableSql`: where the purchases are, and the end of observation. */
export interface PatternTableSqlOptions extends SqlSourceOptions {
  /** End of observation: purchases at or before this instant count (as `customerSummary`'s `asOf`). */
  readonly asOf: DateInput;
}

/**
 * SQL for the pattern table: the customers of `customerSummary(purchases, { asOf })` grouped
 * by identical (frequency, recency, T), one row per distinct history:
 *
 *   frequency     repeat transactions (transactions after the first; one transaction per UTC day)
 *   recency_days  first → last transaction, in whole days
 *   t_days        first transaction → asOf's UTC day, in whole days
 *   customers     how many customers have this history (COUNT)
 *   sum_monetary  their repeat transactions' total value (SUM of money; 0 when frequency is 0)
 *
 * ordered by (frequency, recency_days, t_days). The BTYD fits need nothing else (Fader, Hardie
 * & Lee 2005: the likelihood depends on a customer only through x, tₓ and T), and a billion
 * customers collapse to the distinct histories their data hold. `patternTableFromRows`
 * finishes it into rows the fits take, in days or weeks. Names are quoted and `asOf` written as
 * typed literals (src/sql/literals.ts); the SQL emits only COUNTs and SUMs.
 *
 * @param options - `dialect`, `table`, `columns` and `asOf`
 * @returns the query text
 * @throws {RetentionOptionsError} when an option is missing, misspelled or invalid
 * @example
 * patternTableSql({ dialect: "duckdb", table: "orders", asOf: "1997-09-30" })
 * //=> "WITH rm_observed AS (…) SELECT frequency, recency_days, t_days, COUNT(*) AS customers, SUM(repeat_value) AS sum_monetary FROM rm_histories GROUP BY …"
 */
export function patternTableSql(options: PatternTableSqlOptions): string {
  const source = readSqlSource(options, "patternTableSql", ["asOf"]);
  const asOf = readInstant("asOf", options.asOf);
  // Output names quoted, so every engine returns them in lower case (Snowflake folds bare ones to upper).
  const [frequency, recency, t, customers, sum] = ["frequency", "recency_days", "t_days", "customers", "sum_monetary"].map((name) => quoteIdentifier(source.dialect, name, name));
  return `WITH ${customerHistoryCtes(source, asOf)}
SELECT frequency AS ${frequency}, recency_days AS ${recency}, t_days AS ${t}, COUNT(*) AS ${customers}, SUM(repeat_value) AS ${sum}
FROM rm_histories
GROUP BY frequency, recency_days, t_days
ORDER BY frequency, recency_days, t_days`;
}

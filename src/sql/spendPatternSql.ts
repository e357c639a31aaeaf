import { customerHistoryCtes } from "./customerHistories";
import { quoteIdentifier } from "./identifiers";
import type { PatternTableSqlOptions } from "./patternTableSql";
import { readInstant, readSqlSource } from "./source";

/**
 * SQL for the spend patterns: the repeat customers of `customerSummary(purchases, { asOf })`
 * grouped by identical (frequency, repeat value), one row per distinct pair:
 *
 *   frequency     repeat transactions (> 0)
 *   repeat_value  one customer's repeat transactions' total value (a SUM of money)
 *   customers     how many repeat customers have exactly this pair (COUNT)
 *
 * ordered by (frequency, repeat_value). The Gamma-Gamma likelihood (Fader, Hardie & Lee 2005,
 * "RFM and CLV") depends on a customer only through x and the mean spend z̄ = repeat value ÷ x,
 * so, unlike the pattern table's pooled spend, these rows give `fitGammaGamma` each customer's
 * own z̄: the fit is the per-customer one. `spendPatternsFromRows` finishes it. The options are
 * `patternTableSql`'s.
 *
 * @param options - `dialect`, `table`, `columns` and `asOf`
 * @returns the query text
 * @throws {RetentionOptionsError} when an option is missing, misspelled or invalid
 * @example
 * spendPatternSql({ dialect: "postgres", table: "orders", asOf: "1997-09-30" })
 * //=> "WITH rm_observed AS (…) SELECT frequency, repeat_value, COUNT(*) AS customers FROM rm_histories WHERE frequency > 0 GROUP BY …"
 */
export function spendPatternSql(options: PatternTableSqlOptions): string {
  const source = readSqlSource(options, "spendPatternSql", ["asOf"]);
  const asOf = readInstant("asOf", options.asOf);
  const [frequency, repeat, customers] = ["frequency", "repeat_value", "customers"].map((name) => quoteIdentifier(source.dialect, name, name));
  return `WITH ${customerHistoryCtes(source, asOf)}
SELECT frequency AS ${frequency}, repeat_value AS ${repeat}, COUNT(*) AS ${customers}
FROM rm_histories
WHERE frequency > 0
GROUP BY frequency, repeat_value
ORDER BY frequency, repeat_value`;
}

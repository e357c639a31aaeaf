import type { Granularity } from "../../core/calendar";
import { cohortRetention, type CohortRetention } from "../../metrics/cohortRetention";
import { resolveAsOf } from "../../report/reportPeriod";
import { cohortCountsSql } from "../../sql/cohortCounts";
import { cohortRetentionFromCounts, type CohortCountRow } from "../../sql/cohortRetentionFromCounts";
import { asOfFlag } from "../commands/common";
import { typedPurchases } from "./summaryRows";
import type { CommandContext } from "../context";

/**
 * `cohorts --engine duckdb`: DuckDB runs `cohortCountsSql` over the file (cohort × offset
 * counts come back, a few hundred rows however large the file) and `cohortRetentionFromCounts`
 * finishes the table `cohortRetention` gives. Inputs with an order id, cost or currency column
 * take the ledger path.
 *
 * @returns the cohort table, as `cohortRetention(ledger, { granularity, asOf })` gives it
 */
export async function cohortsOnEngine(ctx: CommandContext, granularity: Granularity): Promise<CohortRetention> {
  return ctx.withEngine(async (input) => {
    if (!input.checked.aggregatable) {
      const ledger = await input.ledger();
      return cohortRetention(ledger, { granularity, asOf: asOfFlag(ctx, ledger) });
    }
    const asOf = resolveAsOf(ctx.args["as-of"], input.checked.latest);
    const rows = await input.session.rows(cohortCountsSql({ dialect: "duckdb", table: await typedPurchases(input), granularity, asOf }));
    return cohortRetentionFromCounts(rows as unknown as CohortCountRow[], { granularity, asOf });
  });
}

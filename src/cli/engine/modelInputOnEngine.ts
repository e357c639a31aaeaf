import { resolveAsOf } from "../../report/reportPeriod";
import { summaryRows } from "./summaryRows";
import { customerSummaryFromRows } from "../../sql/customerSummaryFromRows";
import { modelInputOfLedger, type ModelInput } from "../commands/clv";
import type { CommandContext } from "../context";

/**
 * The customers' summaries `fit` and `predict` read, with `--engine duckdb`: DuckDB runs
 * `customerSummarySql` (`summaryRows`: one row per customer comes back, not the purchases) and
 * `customerSummaryFromRows` finishes it into the very summary `customerSummary` gives, so the
 * fits and predictions are the in-memory path's. Inputs with an order id, cost or currency
 * column take the ledger path.
 *
 * @returns the summary, its `asOf` and the money scale of the amounts
 */
export async function modelInputOnEngine(ctx: CommandContext, timeUnit: "day" | "week"): Promise<ModelInput> {
  return ctx.withEngine(async (input) => {
    if (!input.checked.aggregatable) return modelInputOfLedger(ctx, await input.ledger(), timeUnit);
    const options = { asOf: resolveAsOf(ctx.args["as-of"], input.checked.latest), timeUnit } as const;
    const summary = customerSummaryFromRows(await input.session.rows(`SELECT * FROM ${await summaryRows(input, options)}`), options);
    return { summary, asOf: options.asOf, moneyScale: input.checked.scale };
  });
}

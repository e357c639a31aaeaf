import { formatCsvMoney, formatInt, formatNumber, formatPercent } from "../../report/format";
import { markdownTable } from "../../report/markdownTable";
import { categoryBreadth, type CategoryBreadth } from "../../segments/categoryBreadth";
import { choice } from "../args";
import type { CommandContext } from "../context";
import { CliError, EXIT_OK } from "../errors";
import { INPUT_FLAGS, json } from "./common";
import { readPeriodFlag } from "./report";

/** The `--fail-if` paths of `breadth`'s JSON (docs/segments.md); `#` is an index from 0. */
export const BREADTH_KPIS: readonly (readonly string[])[] = [
  ["customers"], ["uncategorisedCustomers"], ["meanCategories"], ["crossSellCustomers"], ["crossSellRate"],
  ["rows", "categorised"], ["rows", "uncategorised"], ["rows", "refunds"], ["ties", "first"], ["ties", "next"],
  ...["categories", "customers", "share"].map((field) => ["distribution", "#", field]),
  ...["customers", "penetration", "rows", "amount", "firstCustomers", "movedOn"].map((field) => ["categories", "#", field]),
  ...["customers", "share"].map((field) => ["nextCategory", "#", field]),
];

/**
 * `breadth`: cross-sell breadth of purchases that carry a `category` column (`categoryBreadth`).
 * JSON is the library's result; CSV has one row per category; Markdown the headline figures,
 * the categories and the next-category pairs. `--period START..END` limits the purchases.
 */
export async function breadthCommand(ctx: CommandContext): Promise<number> {
  ctx.allow("breadth", [...INPUT_FLAGS.filter((flag) => flag !== "as-of"), "period", "fail-if", "thresholds-out"]);
  const format = choice("format", ctx.args.format, ["json", "csv", "md"], "json");
  ctx.csvFormat(format);
  const period = ctx.args.period === undefined ? {} : readPeriodFlag(ctx.args.period);
  if (typeof period === "string") throw new CliError(`breadth: --period takes START..END, found "${period}"`);
  const failIf = ctx.args["fail-if"] ?? [];
  const checks = failIf.length > 0 || ctx.args["thresholds-out"] !== undefined ? await import("../thresholds") : null;
  const thresholds = checks === null ? [] : failIf.map((text) => checks.readThresholdAmong(text, BREADTH_KPIS, "breadth's JSON", "docs/segments.md"));
  const ledger = await ctx.ledger(["purchases"]);
  const result = categoryBreadth(ledger, period);
  const output: unknown = JSON.parse(JSON.stringify(result));
  if (format === "json") ctx.emit(json(output));
  else if (format === "csv") {
    const money = (row: CategoryBreadth["categories"][number]) => formatCsvMoney(row.amount, ledger.moneyScale);
    ctx.emit(ctx.csv(["category", "customers", "penetration", "rows", "amount", "firstCustomers", "movedOn"],
      result.categories.map((row) => [row.category, row.customers, row.penetration, row.rows, money(row), row.firstCustomers, row.movedOn])));
  } else ctx.emit(breadthMarkdown(result));
  if (checks === null) return EXIT_OK;
  const results = thresholds.map((threshold) => checks.checkThreshold(output, threshold));
  if (ctx.args["thresholds-out"] !== undefined) ctx.writeFile(ctx.args["thresholds-out"], checks.thresholdsJson(results));
  return checks.reportOutcomes(ctx, results);
}

/** The Markdown of `breadth`: headline figures, categories, next-category pairs. */
export function breadthMarkdown(result: CategoryBreadth): string {
  const headline = markdownTable(["Customers", "Cross-sell rate", "Mean categories", "Without a category"], [
    [formatInt(result.customers), formatPercent(result.crossSellRate), formatNumber(result.meanCategories, 2), formatInt(result.uncategorisedCustomers)],
  ]);
  const categories = markdownTable(["Category", "Customers", "Penetration", "First for", "Moved on"],
    result.categories.map((row) => [row.category, formatInt(row.customers), formatPercent(row.penetration), formatInt(row.firstCustomers), formatInt(row.movedOn)]));
  const pairs = markdownTable(["First category", "Next new category", "Customers", "Share"],
    result.nextCategory.map((cell) => [cell.from, cell.to, formatInt(cell.customers), formatPercent(cell.share)]));
  const note = result.reason === null ? "" : `\n_${result.reason}_\n`;
  return `${headline}\n${note}\n${categories}\n\n${pairs}\n`;
}

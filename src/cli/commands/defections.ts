import { classifyDefections } from "../../defection/classifyDefections";
import { defectionReport } from "../../defection/defectionReport";
import { formatCsvMoney } from "../../report/format";
import { defectionTallyMarkdown } from "../../report/markdownTable";
import { choice } from "../args";
import type { CommandContext } from "../context";
import { EXIT_OK } from "../errors";
import { asOfFlag, INPUT_FLAGS, json, topFlag } from "./common";

/**
 * `defections`: the report by reason (json, md) or every customer's classification (csv).
 * The Markdown is the report's own defection summary, so the figures print alike.
 */
export async function defectionsCommand(ctx: CommandContext): Promise<number> {
  ctx.allow("defections", [...INPUT_FLAGS, "top"]);
  const format = choice("format", ctx.args.format, ["json", "csv", "md"], "json");
  ctx.csvFormat(format);
  const ledger = await ctx.ledger(["purchases", "events"]);
  const asOf = asOfFlag(ctx, ledger);
  const rows = classifyDefections(ledger, { asOf });
  if (format === "csv") {
    ctx.emit(ctx.csv(["customerId", "status", "reason", "since", "lastActivity", "expectedGapDays", "daysSinceLastActivity", "annualValue", "valueAtRisk", "unrealizedValue"],
      rows.map((r) => [r.customerId, r.status, r.reason, r.since, r.lastActivity, r.expectedGapDays, r.daysSinceLastActivity, formatCsvMoney(r.annualValue, ledger.moneyScale), formatCsvMoney(r.valueAtRisk, ledger.moneyScale), formatCsvMoney(r.unrealizedValue, ledger.moneyScale)])));
    return EXIT_OK;
  }
  const report = defectionReport(rows, { topAtRisk: topFlag(ctx, 20) });
  if (format === "json") ctx.emit(json(report));
  else ctx.emit(`${defectionTallyMarkdown(report, ledger.currency)}\n`);
  return EXIT_OK;
}

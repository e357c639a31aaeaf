import { classifyDefections } from "../../defection/classifyDefections";
import { defectionReport } from "../../defection/defectionReport";
import { formatMoney, formatPercent, humanize } from "../../report/format";
import { choice } from "../args";
import type { CommandContext } from "../context";
import { toCsv } from "../csvWrite";
import { EXIT_OK } from "../errors";
import { asOfFlag, INPUT_FLAGS, json, topFlag } from "./common";

/** `defections`: the report by reason (json, md) or every customer's classification (csv). */
export async function defectionsCommand(ctx: CommandContext): Promise<number> {
  ctx.allow("defections", [...INPUT_FLAGS, "top"]);
  const format = choice("format", ctx.args.format, ["json", "csv", "md"], "json");
  const ledger = await ctx.ledger(["purchases", "events"]);
  const asOf = asOfFlag(ctx, ledger);
  const rows = classifyDefections(ledger, { asOf });
  if (format === "csv") {
    ctx.emit(toCsv(["customerId", "status", "reason", "since", "lastActivity", "expectedGapDays", "daysSinceLastActivity", "annualValue", "valueAtRisk", "unrealizedValue"],
      rows.map((r) => [r.customerId, r.status, r.reason, r.since, r.lastActivity, r.expectedGapDays, r.daysSinceLastActivity, r.annualValue.toString(), r.valueAtRisk.toString(), r.unrealizedValue.toString()])));
    return EXIT_OK;
  }
  const report = defectionReport(rows, { topAtRisk: topFlag(ctx, 20) });
  if (format === "json") ctx.emit(json(report));
  else {
    const lines = [
      `${report.customers} customers: ${report.active} active, ${report.atRisk} at risk, ${report.defected} defected (${formatPercent(report.defectionRate)}).`,
      "",
      "| Reason | Defected | Share of defected | Unrealized value | Share of unrealized |",
      "| --- | --- | --- | --- | --- |",
      ...report.byReason.map((b) => `| ${humanize(b.reason)} | ${b.customers} | ${formatPercent(b.shareOfDefected)} | ${formatMoney(b.unrealizedValue, ledger.currency)} | ${formatPercent(b.shareOfUnrealized)} |`),
    ];
    ctx.emit(`${lines.join("\n")}\n`);
  }
  return EXIT_OK;
}

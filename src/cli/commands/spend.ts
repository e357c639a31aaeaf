import { programRoi, type ProgramRoi } from "../../programs/programRoi";
import { retentionSpend, type RetentionSpend } from "../../programs/retentionSpend";
import { formatCsvMoney, formatInt, formatMoney, formatNumber, formatPercent } from "../../report/format";
import type { Decimal } from "../../core/money";
import { markdownTable } from "../../report/markdownTable";
import { escapeMarkdown } from "../../report/markdownEscape";
import { spendFigures, spendTables } from "../../report/spendSection";
import { resolvePeriods } from "../../report/reportPeriod";
import { choice } from "../args";
import type { CommandContext } from "../context";
import { CliError, EXIT_OK } from "../errors";
import { asOfFlag, INPUT_FLAGS, json } from "./common";
import { readPeriodFlag } from "./report";

const TOTALS = ["costCount", "totalSpend", "activeCount", "retainedCount", "spendPerActiveCustomer", "spendPerRetainedCustomer", "shareOfRevenue", "shareOfMargin"] as const;
const ROI_FIGURES = ["roi", "incrementalRetention", "incrementalMarginPerMember", "breakEvenIncrementalRetention", "memberCount"] as const;

/**
 * The `--fail-if` paths of `spend`'s JSON (docs/programs.md): the totals, each group's spend and
 * share, and with `--program` the ROI's figures (`index` is kpiPaths' array-index marker).
 */
export function spendKpis(index: string): (readonly string[])[] {
  return [
    ...TOTALS.map((kpi) => [kpi]),
    ["groups", index, "spend"],
    ["groups", index, "shareOfSpend"],
    ...ROI_FIGURES.map((kpi) => ["roi", kpi]),
    ["roi", "cost", "total"],
    ["roi", "cost", "perMember"],
  ];
}

/**
 * `spend`: retention spend of the period (`retentionSpend`), by program or channel, and with
 * `--program` that program's ROI against its matched baseline (`programRoi`). The JSON is the
 * spend result plus `roi` (null without `--program`).
 */
export async function spendCommand(ctx: CommandContext): Promise<number> {
  ctx.allow("spend", [...INPUT_FLAGS, "costs", "period", "by", "margin", "program", "baseline", "fail-if", "thresholds-out"]);
  const format = choice("format", ctx.args.format, ["json", "csv", "md"], "json");
  ctx.csvFormat(format);
  const by = ctx.args.by === undefined ? undefined : choice<"program" | "channel">("by", ctx.args.by, ["program", "channel"], "program");
  const baseline = choice<"matched" | "all">("baseline", ctx.args.baseline, ["matched", "all"], "matched");
  const failIf = ctx.args["fail-if"] ?? [];
  const checks = failIf.length > 0 || ctx.args["thresholds-out"] !== undefined ? await import("../thresholds") : null;
  const kpis = checks === null ? [] : spendKpis((await import("../kpiPaths")).INDEX);
  const thresholds = checks === null ? [] : failIf.map((text) => checks.readThresholdAmong(text, kpis, "spend's JSON", "docs/programs.md"));
  const period = readPeriodFlag(ctx.args.period);
  const ledger = await ctx.ledger(["costs"]);
  const { start, end } = resolvePeriods(period, asOfFlag(ctx, ledger));
  const margin = ctx.args.margin;
  const spend = retentionSpend(ledger, { start, end, ...(by === undefined ? {} : { by }), ...(margin === undefined ? {} : { margin }) });
  const program = ctx.args.program;
  if (program !== undefined && margin === undefined) throw new CliError("spend: --program needs --margin (the gross-margin fraction of purchases without a cost, e.g. 0.3)");
  const roi = program === undefined ? null : programRoi(ledger, { start, end, program, margin: margin!, baseline });
  const output: unknown = JSON.parse(JSON.stringify({ ...spend, roi }));
  const results = checks === null ? [] : thresholds.map((threshold) => checks.checkThreshold(output, threshold));
  if (format === "json") ctx.emit(json(output));
  else if (format === "csv") ctx.emit(ctx.csv(["scope", "key", "spend", "costCount", "shareOfSpend", "spendPerActiveCustomer"], csvRows(spend, ledger.moneyScale)));
  else ctx.emit(markdown(spend, by, roi, ledger.currency));
  if (checks !== null && ctx.args["thresholds-out"] !== undefined) ctx.writeFile(ctx.args["thresholds-out"], checks.thresholdsJson(results));
  return checks === null ? EXIT_OK : checks.reportOutcomes(ctx, results);
}

/** The total, then one row per group; money as plain decimals. */
function csvRows(spend: RetentionSpend, scale: number): unknown[][] {
  const money = (value: Decimal | null): string => formatCsvMoney(value, scale);
  return [
    ["all", "", money(spend.totalSpend), spend.costCount, spend.totalSpend.isZero() ? null : 1, money(spend.spendPerActiveCustomer)],
    ...spend.groups.map((g) => ["group", g.key ?? "", money(g.spend), g.costCount, g.shareOfSpend, money(g.spendPerActiveCustomer)]),
  ];
}

function markdown(spend: RetentionSpend, by: "program" | "channel" | undefined, roi: ProgramRoi | null, currency: string | null): string {
  const money = (value: Decimal | null): string => formatMoney(value, currency);
  const [totals, groups] = spendTables(spendFigures(spend), money, by === "channel" ? "Channel" : "Program");
  const lines = [markdownTable(totals!.header, totals!.rows)];
  if (spend.groups.length > 0) lines.push(markdownTable(groups!.header, groups!.rows));
  if (roi !== null) {
    lines.push(markdownTable([`Program ${roi.program}`, "Members", "Baseline"], [
      ["Customers", formatInt(roi.members.customers), formatInt(roi.baseline.customers)],
      ["Retention", formatPercent(roi.members.retention), formatPercent(roi.baseline.retention)],
      ["Orders per customer", formatNumber(roi.members.ordersPerCustomer, 2), formatNumber(roi.baseline.ordersPerCustomer, 2)],
      ["Margin per customer", money(roi.members.marginPerCustomer), money(roi.baseline.marginPerCustomer)],
    ]));
    const interval = roi.roiInterval === null ? "" : ` (${Math.round(roi.roiInterval.confidence * 100)}% interval ${formatPercent(roi.roiInterval.low)} to ${formatPercent(roi.roiInterval.high)})`;
    lines.push(`ROI ${formatPercent(roi.roi)}${interval}; cost per member ${money(roi.cost.perMember)}; break-even incremental retention ${formatPercent(roi.breakEvenIncrementalRetention)}.\n\n${escapeMarkdown(roi.statement)}`);
  }
  return `${lines.join("\n\n")}\n`;
}

import type { Decimal } from "../core/money";
import type { DefectionSection } from "./insightTypes";
import { formatInt, formatMoney, formatPercent, humanize } from "./format";
import { escapeMarkdown } from "./markdownEscape";

const row = (cells: readonly string[]): string => `| ${cells.map(escapeMarkdown).join(" | ")} |`;

/**
 * A GitHub-flavoured Markdown table; every cell is escaped with `escapeMarkdown`, so a cell
 * holding `|`, a line break, `<script>` or `[a](b)` prints as that text in its own cell.
 * @example markdownTable(["KPI", "Value"], [["NPS", "40.0"]]) //=> "| KPI | Value |\n| --- | --- |\n| NPS | 40.0 |"
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [row(header), row(header.map(() => "---")), ...rows.map(row)].join("\n");
}

/** The counts and reasons of a defection report (`defectionReport` or the report's section). */
export type DefectionTally = Omit<DefectionSection, "topAtRisk">;

/**
 * The defection sentence and the table by reason, shared by the Markdown report and
 * `retention-metrics defections --format md`, so both print the same figures the same way.
 */
export function defectionTallyMarkdown(d: DefectionTally, currency: string | null): string {
  const money = (value: Decimal): string => escapeMarkdown(formatMoney(value, currency));
  return [
    `${formatInt(d.customers)} customers: ${formatInt(d.active)} active, ${formatInt(d.atRisk)} at risk (${money(d.atRiskValue)} a year at risk), ${formatInt(d.defected)} defected (defection rate ${formatPercent(d.defectionRate)}, ${money(d.unrealizedValue)} a year unrealized).`,
    "",
    markdownTable(["Reason", "Defected", "Share of defected", "Unrealized value", "Share of unrealized"],
      d.byReason.map((b) => [humanize(b.reason), formatInt(b.customers), formatPercent(b.shareOfDefected), money(b.unrealizedValue), formatPercent(b.shareOfUnrealized)])),
  ].join("\n");
}

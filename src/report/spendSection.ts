import type { Decimal } from "../core/money";
import type { Ledger } from "../input/ledger";
import { retentionSpend, type RetentionSpend } from "../programs/retentionSpend";
import { formatInt, formatPercent } from "./format";
import type { ReportSection } from "./types";

/** One program's spend in the report's period (`program` null for costs without one). */
export interface ReportProgramSpend {
  readonly program: string | null;
  readonly spend: Decimal;
  readonly shareOfSpend: number | null;
  readonly customersReached: number;
}

/** "Retention spend": `retentionSpend` of the report's period, by program (docs/programs.md). */
export interface SpendSection {
  readonly costCount: number;
  readonly totalSpend: Decimal;
  readonly activeCount: number;
  readonly retainedCount: number;
  readonly spendPerActiveCustomer: Decimal | null;
  readonly spendPerRetainedCustomer: Decimal | null;
  readonly shareOfRevenue: number | null;
  /** Only when every purchase of the period has a `cost` (the report takes no margin rate). */
  readonly shareOfMargin: number | null;
  readonly byProgram: readonly ReportProgramSpend[];
}

/** The section, or unavailable when the input holds no costs. */
export function spendSection(ledger: Ledger, start: number, end: number): ReportSection<SpendSection> {
  if (ledger.costs.count === 0) return { available: false, reason: "no costs given" };
  return { available: true, ...spendFigures(retentionSpend(ledger, { start, end, by: "program" })) };
}

/** The section's figures of a `retentionSpend` result (its groups as `byProgram`, whatever they were split by). */
export function spendFigures(s: RetentionSpend): SpendSection {
  return {
    costCount: s.costCount,
    totalSpend: s.totalSpend,
    activeCount: s.activeCount,
    retainedCount: s.retainedCount,
    spendPerActiveCustomer: s.spendPerActiveCustomer,
    spendPerRetainedCustomer: s.spendPerRetainedCustomer,
    shareOfRevenue: s.shareOfRevenue,
    shareOfMargin: s.shareOfMargin,
    byProgram: s.groups.map((g) => ({ program: g.key, spend: g.spend, shareOfSpend: g.shareOfSpend, customersReached: g.customersReached })),
  };
}

/**
 * The spend tables (totals, then one row per group, headed `groupHeader`) shared by the Markdown
 * and HTML reports and `spend --format md`.
 */
export function spendTables(s: SpendSection, money: (value: Decimal) => string, groupHeader = "Program"): { header: string[]; rows: string[][] }[] {
  const maybe = (value: Decimal | null): string => (value === null ? "n/a" : money(value));
  return [
    {
      header: ["KPI", "Value"],
      rows: [
        ["Retention spend", money(s.totalSpend)],
        ["Active customers", formatInt(s.activeCount)],
        ["Spend per active customer", maybe(s.spendPerActiveCustomer)],
        ["Retained customers", formatInt(s.retainedCount)],
        ["Spend per retained customer", maybe(s.spendPerRetainedCustomer)],
        ["Share of revenue", formatPercent(s.shareOfRevenue)],
        ["Share of margin", formatPercent(s.shareOfMargin)],
        ["Cost rows", formatInt(s.costCount)],
      ],
    },
    { header: [groupHeader, "Spend", "Share of spend", "Customers reached"], rows: s.byProgram.map((p) => [p.program ?? `(no ${groupHeader.toLowerCase()})`, money(p.spend), formatPercent(p.shareOfSpend), formatInt(p.customersReached)]) },
  ];
}

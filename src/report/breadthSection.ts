import type { Decimal } from "../core/money";
import type { Ledger } from "../input/ledger";
import { categoryBreadth } from "../segments/categoryBreadth";
import { formatInt, formatNumber, formatPercent } from "./format";
import type { ReportSection } from "./types";

/** The report's cross-sell breadth: `categoryBreadth` on purchases before `asOf`, its lists cut to `top`. */
export interface BreadthSection {
  readonly customers: number;
  readonly uncategorisedCustomers: number;
  readonly crossSellCustomers: number;
  readonly crossSellRate: number | null;
  readonly meanCategories: number | null;
  /** The `top` categories by customers (ties by name). */
  readonly categories: readonly { readonly category: string; readonly customers: number; readonly penetration: number; readonly amount: Decimal }[];
  /** The `top` first → next new category pairs by customers (ties by name). */
  readonly nextCategory: readonly { readonly from: string; readonly to: string; readonly customers: number; readonly share: number }[];
}

/**
 * Cross-sell breadth over every purchase before `asOf` (breadth builds up over a customer's
 * history, so it is not cut to the report's period), or `undefined` when no purchase carries
 * a category: the report has the section only for data that can fill it.
 */
export function breadthSection(ledger: Ledger, asOf: number, top: number): ReportSection<BreadthSection> | undefined {
  if (ledger.purchases.category === null) return undefined;
  const result = categoryBreadth(ledger, { end: asOf });
  if (result.crossSellRate === null) return { available: false, reason: result.reason ?? "no categorised purchase before asOf" };
  const byCustomers = <T extends { readonly customers: number }>(rows: readonly T[]): T[] => [...rows].sort((a, b) => b.customers - a.customers).slice(0, top);
  return {
    available: true,
    customers: result.customers,
    uncategorisedCustomers: result.uncategorisedCustomers,
    crossSellCustomers: result.crossSellCustomers,
    crossSellRate: result.crossSellRate,
    meanCategories: result.meanCategories,
    categories: byCustomers(result.categories).map((row) => ({ category: row.category, customers: row.customers, penetration: row.penetration, amount: row.amount })),
    nextCategory: byCustomers(result.nextCategory).map((cell) => ({ from: cell.from, to: cell.to, customers: cell.customers, share: cell.share })),
  };
}

/** The section as a sentence and two tables (header and rows), shared by the Markdown and HTML reports. */
export function breadthTables(section: BreadthSection, money: (value: Decimal) => string) {
  return {
    sentence: `${formatInt(section.customers)} customers bought in ${formatNumber(section.meanCategories, 2)} categories on average; ${formatInt(section.crossSellCustomers)} (${formatPercent(section.crossSellRate)}) bought in two or more.`,
    categories: {
      header: ["Category", "Customers", "Penetration", "Revenue"],
      rows: section.categories.map((row) => [row.category, formatInt(row.customers), formatPercent(row.penetration), money(row.amount)]),
    },
    next: {
      header: ["First category", "Next new category", "Customers", "Share of starters"],
      rows: section.nextCategory.map((cell) => [cell.from, cell.to, formatInt(cell.customers), formatPercent(cell.share)]),
    },
  };
}

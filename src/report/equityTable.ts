import type { Decimal } from "../core/money";
import type { ReportCustomerEquity } from "./equitySection";
import { formatInt, formatNumber, formatPercent } from "./format";

/** The customer-equity table (part, value, assumptions) shared by the Markdown and HTML reports. */
export function equityTable(e: ReportCustomerEquity, money: (value: Decimal) => string): { caption: string; header: string[]; rows: string[][] } {
  const c = e.current;
  const base = c.method === "predictClv"
    ? `predicted CLV (BG/NBD + Gamma-Gamma) of ${formatInt(c.customers)} customers × margin ${formatPercent(e.margin)}`
    : `retentionClv: ${formatInt(c.customers)} customers active in the last year, yearly margin ${c.yearlyMargin === null ? "n/a" : money(c.yearlyMargin)}, retention ${formatPercent(c.retentionRate)}`;
  const rows = [["Current customers", money(c.value), base]];
  const f = e.future;
  if (f !== null) {
    rows.push(["Future cohorts", money(f.value),
      `${formatInt(f.cohorts)} yearly cohorts of ${formatNumber(f.acquisitionsPerYear, 1)} customers (${f.acquisitionsMeasured ? `mean of the last ${f.recentCohorts} years` : "given"}), first-year value ${money(f.firstYearClv)} (${formatInt(f.firstYearCustomers)} customers), retention ${formatPercent(f.retentionRate)}: ${money(f.customerValue)} each`]);
  } else if (e.futureReason !== null) rows.push(["Future cohorts", "n/a", e.futureReason]);
  rows.push(["Customer equity", money(e.total), ""]);
  return {
    caption: `Customer equity over ${e.horizonYears} year${e.horizonYears === 1 ? "" : "s"}, discounted at ${formatPercent(e.annualDiscountRate)} a year`,
    header: ["Part", "Value", "Assumptions"],
    rows,
  };
}

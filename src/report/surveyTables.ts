import type { Decimal } from "../core/money";
import { formatDate, formatInt, formatNumber, formatPercent, formatPointChange, formatCountChange, humanize } from "./format";
import type { FollowUpSection, SatisfactionSection } from "./types";

/** The CSAT/CES table (KPI, this period, previous, change) shared by the Markdown and HTML reports. */
export function satisfactionTable(s: SatisfactionSection): { header: string[]; rows: string[][] } {
  const rows: string[][] = [];
  if (s.csat !== null) {
    const c = s.csat;
    rows.push(
      ["CSAT (share of 4s and 5s)", formatPercent(c.satisfiedShare), formatPercent(c.previous.satisfiedShare), formatPointChange(c.change.satisfiedShare)],
      ["CSAT mean (1–5)", formatNumber(c.mean, 2), formatNumber(c.previous.mean, 2), ""],
      ["CSAT responses", formatInt(c.responses), formatInt(c.previous.responses), ""],
    );
  }
  if (s.ces !== null) {
    const e = s.ces;
    rows.push(
      ["CES mean (1–7, 7 = easy)", formatNumber(e.mean, 2), formatNumber(e.previous.mean, 2), formatCountChange(e.change.mean, 2)],
      ["CES easy (5–7)", formatPercent(e.easyShare), formatPercent(e.previous.easyShare), ""],
      ["CES responses", formatInt(e.responses), formatInt(e.previous.responses), ""],
    );
  }
  return { header: ["KPI", "This period", "Previous", "Change"], rows };
}

/** The "Follow up first" table, shared by the Markdown and HTML reports. */
export function followUpTable(s: FollowUpSection, money: (value: Decimal) => string): { header: string[]; rows: string[][]; caption: string } {
  return {
    header: ["Customer", "Answer", "Answered", "Days since", "Value at stake", "Ordered since", "Defection status"],
    rows: s.top.map((f) => [f.customerId, `${f.kind.toUpperCase()} ${f.score}`, formatDate(f.at), formatInt(f.daysSince), money(f.valueAtStake), f.orderedSince ? "yes" : "no", f.defectionStatus === null ? "n/a" : humanize(f.defectionStatus)]),
    caption: `${formatInt(s.unhappyCustomers)} of ${formatInt(s.customersAnswered)} customers who answered in the last ${s.windowDays} days gave an unhappy answer (NPS 0–6, CSAT 1–2, CES 1–3); the ${formatInt(s.top.length)} with the most trailing 12-month revenue:`,
  };
}

import type { Decimal } from "../core/money";
import { formatInt, formatPercent } from "./format";
import type { PointsSection } from "./types";

/** The points section's summary line and cohort table, shared by the Markdown and HTML reports. */
export function pointsTable(s: PointsSection, money: (value: Decimal) => string): { summary: string; header: string[]; rows: string[][] } {
  const value = s.liability === null ? "not valued (no point value given)" : `a liability of ${money(s.liability)}`;
  const soon = s.expiring === null ? "" : ` ${s.expiring.map((w) => `${formatInt(w.points)} expire within ${w.days} days`).join(", ")}.`;
  return {
    summary: `${formatInt(s.outstanding)} points outstanding (${formatInt(s.earned)} earned − ${formatInt(s.redeemed)} redeemed − ${formatInt(s.expired)} expired) across ${formatInt(s.customers)} customers: ${value}.${soon} Redemption rate ${formatPercent(s.redemptionRate)}; breakage ${formatPercent(s.estimatedBreakage)} (observed on closed cohorts, estimated by chain-ladder on open ones).`,
    header: ["Cohort", "Earned", "Redeemed", "Expired", "Outstanding", "Redemption rate", "Breakage"],
    rows: s.cohorts.map((c) => [c.cohort, formatInt(c.earned), formatInt(c.redeemed), formatInt(c.expired), formatInt(c.outstanding), formatPercent(c.redemptionRate), c.breakageKind === null ? "—" : `${formatPercent(c.breakage)} ${c.breakageKind}`]),
  };
}

import type { ClassifiedColumns } from "../defection/classifiedColumns";
import { defectionReportOfColumns } from "../defection/defectionReport";
import type { Ledger } from "../input/ledger";
import type { DefectionSection } from "./insightTypes";
import type { ReportSection } from "./types";

/**
 * The defection report of `classified` (`classifyDefections` at `asOf`, default rules and
 * thresholds), with the `top` customers most at risk.
 */
export function defectionSection(ledger: Ledger, classified: () => ClassifiedColumns, top: number): ReportSection<DefectionSection> {
  if (ledger.purchases.count === 0 && ledger.events.count === 0) return { available: false, reason: "no purchases or events given" };
  const report = defectionReportOfColumns(ledger, classified(), top);
  if (report.customers === 0) return { available: false, reason: "no customer has activity before asOf" };
  return {
    available: true,
    customers: report.customers,
    active: report.active,
    atRisk: report.atRisk,
    defected: report.defected,
    defectionRate: report.defectionRate,
    atRiskValue: report.atRiskValue,
    unrealizedValue: report.unrealizedValue,
    byReason: report.byReason.map((row) => ({
      reason: row.reason,
      customers: row.customers,
      shareOfDefected: row.shareOfDefected,
      unrealizedValue: row.unrealizedValue,
      shareOfUnrealized: row.shareOfUnrealized,
    })),
    topAtRisk: report.topAtRisk.map((row) => ({
      customerId: row.customerId,
      reason: row.reason,
      valueAtRisk: row.valueAtRisk,
      daysSinceLastActivity: row.daysSinceLastActivity,
      probabilityAlive: null,
    })),
  };
}

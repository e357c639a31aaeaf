import type { ClassifiedColumns } from "../defection/classifiedColumns";
import { defectionReportOfColumns } from "../defection/defectionReport";
import type { Decimal } from "../core/money";
import type { Ledger } from "../input/ledger";
import { saveBudget } from "../programs/saveBudget";
import type { DefectionSection } from "./insightTypes";
import type { ReportSection } from "./types";

/**
 * The defection report of `classified` (`classifyDefections` at `asOf`, default rules and
 * thresholds), with the `top` customers most at risk and what saving them is worth
 * (`saveBudget` at `save.saveRate` and `save.margin`; per attempt `null` without a save rate).
 */
export function defectionSection(ledger: Ledger, classified: () => ClassifiedColumns, top: number, save: { readonly saveRate: number | null; readonly margin: number }): ReportSection<DefectionSection> {
  if (ledger.purchases.count === 0 && ledger.events.count === 0) return { available: false, reason: "no purchases or events given" };
  const report = defectionReportOfColumns(ledger, classified(), top);
  if (report.customers === 0) return { available: false, reason: "no customer has activity before asOf" };
  const budget = saveBudget({ clv: report, saveRate: save.saveRate ?? 0, margin: save.margin });
  const attempt = (value: Decimal | null): Decimal | null => (save.saveRate === null ? null : value);
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
    topAtRisk: report.topAtRisk.map((row, i) => ({
      customerId: row.customerId,
      reason: row.reason,
      valueAtRisk: row.valueAtRisk,
      daysSinceLastActivity: row.daysSinceLastActivity,
      probabilityAlive: null,
      saveBudgetPerSave: budget.rows[i]!.perSave!,
      saveBudgetPerAttempt: attempt(budget.rows[i]!.perAttempt),
    })),
    saveBudget: { saveRate: save.saveRate, margin: budget.margin, perSave: budget.perSave, perAttempt: attempt(budget.perAttempt) },
  };
}

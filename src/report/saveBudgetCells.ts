import { formatMoney, formatPercent } from "./format";
import type { DefectionSection, ReportAtRiskCustomer } from "./insightTypes";

/** Whether the at-risk table shows save budgets: when a save rate was given (the sentence covers the rest). */
const shown = (d: DefectionSection): boolean => d.saveBudget !== undefined && d.saveBudget.saveRate !== null;

/** The at-risk table's save-budget columns: none without a save rate (or in a report made before issue 15). */
export function saveBudgetHeader(d: DefectionSection): string[] {
  return shown(d) ? ["Worth per save", "Budget per attempt"] : [];
}

/** One at-risk customer's save-budget cells, matching `saveBudgetHeader`. */
export function saveBudgetCells(d: DefectionSection, c: ReportAtRiskCustomer, currency: string | null): string[] {
  return !shown(d) ? [] : [formatMoney(c.saveBudgetPerSave ?? null, currency), formatMoney(c.saveBudgetPerAttempt ?? null, currency)];
}

/** "Save budget: at a save rate of 20.0% and a margin of 40.0%, up to USD 96.00 on an attempt at every at-risk customer (…)." */
export function saveBudgetSentence(d: DefectionSection, currency: string | null): string | null {
  const b = d.saveBudget;
  if (b === undefined) return null;
  const perSave = `saving all ${d.atRisk} at-risk customers is worth up to ${formatMoney(b.perSave, currency)} (value at risk × margin ${formatPercent(b.margin)})`;
  return b.saveRate === null || b.perAttempt === null
    ? `Save budget: ${perSave}; give a save rate (saveRate, CLI --save-rate) for the budget per attempt.`
    : `Save budget: ${perSave}; at a save rate of ${formatPercent(b.saveRate)}, an attempt at all of them is worth up to ${formatMoney(b.perAttempt, currency)}.`;
}

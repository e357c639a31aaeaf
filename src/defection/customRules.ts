import { RetentionOptionsError } from "../input/errors";
import type { DefectionHistory, DefectionRule, DefectionRuleContext, DefectionVerdict } from "./types";
import { printValue } from "../input/describeValue";

const STATUSES: ReadonlySet<string> = new Set(["active", "at_risk", "defected"]);

/**
 * Runs the custom rules in order and returns the first verdict, or `null` when every rule
 * passes. A verdict must have a known `status`, a non-empty `reason` and a valid `Date` or
 * `null` as `since`; anything else throws `RetentionOptionsError` naming the rule and customer.
 */
export function runCustomRules(
  rules: readonly DefectionRule[],
  history: DefectionHistory,
  context: DefectionRuleContext,
): DefectionVerdict | null {
  for (let i = 0; i < rules.length; i++) {
    const verdict: unknown = rules[i]!(history, context);
    if (verdict === null) continue;
    const problem = verdictProblem(verdict);
    if (problem !== null) {
      throw new RetentionOptionsError(`rules[${i}]`, `${problem} for customer ${JSON.stringify(history.customerId)}`);
    }
    const { status, reason, since } = verdict as DefectionVerdict;
    return { status, reason, since: since === null ? null : new Date(since.getTime()) };
  }
  return null;
}

function verdictProblem(verdict: unknown): string | null {
  if (typeof verdict !== "object") {
    return `expected { status, reason, since } or null, found ${printValue(verdict)}`;
  }
  const { status, reason, since } = verdict as Record<string, unknown>;
  if (typeof status !== "string" || !STATUSES.has(status)) {
    return `expected status "active", "at_risk" or "defected", found ${JSON.stringify(status) ?? "undefined"}`;
  }
  if (typeof reason !== "string" || reason.length === 0) return `expected a non-empty reason string, found ${printValue(reason)}`;
  if (!(since === null || (since instanceof Date && Number.isFinite(since.getTime())))) {
    return `expected since to be a valid Date or null, found ${printValue(since)}`;
  }
  return null;
}

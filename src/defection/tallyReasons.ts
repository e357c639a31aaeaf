import { ZERO, type Decimal } from "../core/money";
import type { DefectionClassification } from "./types";

/** One reason's share of the defections and of the value they leave unrealized. */
export interface DefectionReasonRow {
  readonly reason: string;
  /** Defected customers with this reason. */
  readonly customers: number;
  /** customers ÷ all defected customers; `null` when nobody defected. */
  readonly shareOfDefected: number | null;
  readonly unrealizedValue: Decimal;
  /** unrealizedValue ÷ all unrealized value; `null` when that total is not positive. */
  readonly shareOfUnrealized: number | null;
  /** At-risk customers with this reason. */
  readonly atRisk: number;
  readonly valueAtRisk: Decimal;
}

/** Status counts, reason rows (unsorted) and at-risk rows of a set of classifications (internal). */
export interface ReasonTally {
  readonly active: number;
  readonly atRisk: number;
  readonly defected: number;
  readonly unrealizedValue: Decimal;
  readonly atRiskValue: Decimal;
  readonly byReason: DefectionReasonRow[];
  readonly atRiskRows: DefectionClassification[];
}

/** Sums classifications by status and by reason in one pass; Map-grouped, so any reason name is safe. */
export function tallyReasons(rows: readonly DefectionClassification[]): ReasonTally {
  const reasons = new Map<string, { defected: number; unrealized: Decimal; atRisk: number; atRiskValue: Decimal }>();
  const atRiskRows: DefectionClassification[] = [];
  let active = 0;
  let defected = 0;
  let unrealizedValue: Decimal = ZERO;
  let atRiskValue: Decimal = ZERO;
  for (const row of rows) {
    if (row.status === "active") {
      active++;
      continue;
    }
    let totals = reasons.get(row.reason);
    if (totals === undefined) {
      totals = { defected: 0, unrealized: ZERO, atRisk: 0, atRiskValue: ZERO };
      reasons.set(row.reason, totals);
    }
    if (row.status === "defected") {
      defected++;
      totals.defected++;
      totals.unrealized = totals.unrealized.plus(row.unrealizedValue);
      unrealizedValue = unrealizedValue.plus(row.unrealizedValue);
    } else {
      totals.atRisk++;
      totals.atRiskValue = totals.atRiskValue.plus(row.valueAtRisk);
      atRiskValue = atRiskValue.plus(row.valueAtRisk);
      atRiskRows.push(row);
    }
  }
  const byReason = [...reasons].map(([reason, t]) => ({
    reason,
    customers: t.defected,
    shareOfDefected: defected === 0 ? null : t.defected / defected,
    unrealizedValue: t.unrealized,
    shareOfUnrealized: unrealizedValue.gt(0) ? t.unrealized.div(unrealizedValue).toNumber() : null,
    atRisk: t.atRisk,
    valueAtRisk: t.atRiskValue,
  }));
  return { active, atRisk: atRiskRows.length, defected, unrealizedValue, atRiskValue, byReason, atRiskRows };
}

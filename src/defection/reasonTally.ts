import { ZERO, type Decimal } from "../core/money";
import type { DefectionStatus } from "./types";

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

/**
 * Status counts and per-reason totals of classified customers, added one at a time
 * (internal); reasons are Map keys, so any reason name is safe.
 */
export class ReasonTally {
  active = 0;
  atRisk = 0;
  defected = 0;
  unrealizedValue: Decimal = ZERO;
  atRiskValue: Decimal = ZERO;
  private readonly reasons = new Map<string, { defected: number; unrealized: Decimal; atRisk: number; atRiskValue: Decimal }>();

  /** Counts one customer; `value` is its unrealized value when defected, its value at risk when at risk. */
  add(status: DefectionStatus, reason: string, value: Decimal): void {
    this.addGroup(status, reason, 1, value);
  }

  /** Counts `customers` customers of one status and reason at once; `value` is their summed value. */
  addGroup(status: DefectionStatus, reason: string, customers: number, value: Decimal): void {
    if (status === "active") {
      this.active += customers;
      return;
    }
    let totals = this.reasons.get(reason);
    if (totals === undefined) {
      totals = { defected: 0, unrealized: ZERO, atRisk: 0, atRiskValue: ZERO };
      this.reasons.set(reason, totals);
    }
    if (status === "defected") {
      this.defected += customers;
      totals.defected += customers;
      totals.unrealized = totals.unrealized.plus(value);
      this.unrealizedValue = this.unrealizedValue.plus(value);
    } else {
      this.atRisk += customers;
      totals.atRisk += customers;
      totals.atRiskValue = totals.atRiskValue.plus(value);
      this.atRiskValue = this.atRiskValue.plus(value);
    }
  }

  /** One row per reason with an at-risk or defected customer, in first-seen order. */
  byReason(): DefectionReasonRow[] {
    return [...this.reasons].map(([reason, t]) => ({
      reason,
      customers: t.defected,
      shareOfDefected: this.defected === 0 ? null : t.defected / this.defected,
      unrealizedValue: t.unrealized,
      shareOfUnrealized: this.unrealizedValue.gt(0) ? t.unrealized.div(this.unrealizedValue).toNumber() : null,
      atRisk: t.atRisk,
      valueAtRisk: t.atRiskValue,
    }));
  }
}

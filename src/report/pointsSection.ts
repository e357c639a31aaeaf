import type { Decimal } from "../core/money";
import type { DurationInput } from "../core/time";
import type { Ledger } from "../input/ledger";
import { breakage } from "../points/breakage";
import { pointsLedger } from "../points/pointsLedger";
import type { PointsSection, ReportSection } from "./types";

/** Cohorts the report's points table shows (the latest). */
const REPORT_COHORTS = 12;

/**
 * The report's points section at `asOf`: the ledger's totals (valued at `pointValue` when
 * given) and monthly breakage, or unavailable when the events hold no points event.
 */
export function pointsSection(ledger: Ledger, asOf: number, pointValue: Decimal | null, expiry: DurationInput | null): ReportSection<PointsSection> {
  const { typeNames } = ledger.events;
  if (!typeNames.some((name) => name === "points_earned" || name === "points_redeemed" || name === "points_expired")) {
    return { available: false, reason: "the events hold no points_earned, points_redeemed or points_expired event" };
  }
  const result = pointsLedger(ledger, { asOf, pointValue: pointValue ?? 0, ...(expiry === null ? {} : { expiry }) });
  const cohorts = breakage(ledger, { cohort: "month", asOf });
  return {
    available: true,
    customers: result.customers,
    earned: result.earned,
    redeemed: result.redeemed,
    expired: result.expired,
    outstanding: result.outstanding,
    pointValue,
    liability: pointValue === null ? null : result.liability,
    liabilityReason: pointValue === null ? "no pointValue option" : null,
    expiring: result.expiring === null ? null : result.expiring.map((w) => ({ days: w.days, points: w.points })),
    redemptionRate: cohorts.redemptionRate,
    observedBreakage: cohorts.observedBreakage,
    estimatedBreakage: cohorts.estimatedBreakage,
    cohorts: cohorts.cohorts.slice(-REPORT_COHORTS).map((c) => ({
      cohort: c.cohort,
      earned: c.earned,
      redeemed: c.redeemed,
      expired: c.expired,
      outstanding: c.outstanding,
      redemptionRate: c.redemptionRate,
      breakage: c.closed ? c.observedBreakage : c.estimatedBreakage,
      breakageKind: c.closed ? "observed" : c.estimatedBreakage === null ? null : "estimated",
    })),
  };
}

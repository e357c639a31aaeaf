import type { EventSummary } from "./eventSummary";
import { DAY_MS } from "./gaps";
import type { OrderSummary } from "./orderSummary";
import type { DefectionStatus, ResolvedDefectionThresholds } from "./types";

/** A default rule's decision in epoch ms (internal): `since` is `NaN` for none. */
export interface RawVerdict {
  status: DefectionStatus;
  reason: string;
  since: number;
  /** The expected gap the rule measured against, `NaN` when it used none. */
  gapDays: number;
}

/**
 * Applies the five default rules to customer `c` in their order of precedence; the first
 * that gives a status decides, else the customer is `active` with reason `none`:
 * 1. `cancelled`: a cancel with no later signup, reactivate or order → defected since the cancel.
 * 2. `missed_appointment`: a missed appointment with no later kept appointment, service visit
 *    or order → at risk during the grace (since the miss), defected after it (since miss + grace).
 * 3. `not_returning_for_service`: ≥ 2 service visit days, time since the last visit beyond
 *    `atRiskAfter` / `defectedAfter` × the median gap between visits.
 * 4. `no_repurchase`: ≥ 2 order days, the same test on orders.
 * 5. `lapsed_first_time_buyer`: 1 order day, the same test against the population's median gap.
 */
export function applyDefaultRules(
  c: number,
  asOf: number,
  orders: OrderSummary,
  events: EventSummary,
  t: ResolvedDefectionThresholds,
  out: RawVerdict,
): RawVerdict {
  const cancelled = events.cancelledAt[c]!;
  if (!Number.isNaN(cancelled)) return set(out, "defected", "cancelled", cancelled, Number.NaN);
  const missed = events.missedAt[c]!;
  if (!Number.isNaN(missed)) {
    const graceEnd = missed + t.missedAppointmentGrace * DAY_MS;
    return asOf > graceEnd
      ? set(out, "defected", "missed_appointment", graceEnd, Number.NaN)
      : set(out, "at_risk", "missed_appointment", missed, Number.NaN);
  }
  const service = events.lastServiceAt[c]!;
  if (!Number.isNaN(service) && gapRule(out, "not_returning_for_service", asOf, service, events.serviceGapDays[c]!, t)) return out;
  const lastOrder = orders.lastOrderAt[c]!;
  const visits = orders.visits[c]!;
  if (visits >= 2 && gapRule(out, "no_repurchase", asOf, lastOrder, orders.medianGapDays[c]!, t)) return out;
  const population = orders.populationMedianGapDays;
  if (visits === 1 && population !== null && gapRule(out, "lapsed_first_time_buyer", asOf, lastOrder, population, t)) return out;
  return set(out, "active", "none", Number.NaN, Number.NaN);
}

/** The customer's expected gap between orders: their own median, or the population's for one-visit buyers. */
export function expectedOrderGap(c: number, orders: OrderSummary): number {
  const visits = orders.visits[c]!;
  if (visits >= 2) return orders.medianGapDays[c]!;
  return visits === 1 && orders.populationMedianGapDays !== null ? orders.populationMedianGapDays : Number.NaN;
}

function gapRule(out: RawVerdict, reason: string, asOf: number, last: number, gapDays: number, t: ResolvedDefectionThresholds): boolean {
  const elapsed = asOf - last;
  const gapMs = gapDays * DAY_MS;
  if (elapsed > t.defectedAfter * gapMs) set(out, "defected", reason, last + t.defectedAfter * gapMs, gapDays);
  else if (elapsed > t.atRiskAfter * gapMs) set(out, "at_risk", reason, last + t.atRiskAfter * gapMs, gapDays);
  else return false;
  return true;
}

function set(out: RawVerdict, status: DefectionStatus, reason: string, since: number, gapDays: number): RawVerdict {
  out.status = status;
  out.reason = reason;
  out.since = since;
  out.gapDays = gapDays;
  return out;
}

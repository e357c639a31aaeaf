import type { Ledger } from "../input/ledger";
import { nps } from "../nps/nps";
import { retentionRate } from "../metrics/retentionRate";
import { revenueRetention } from "../metrics/revenueRetention";
import { change } from "./change";
import { NOT_TESTED, notTested, npsSignificance, rateSignificance } from "./significance";
import type { NpsKpis, NpsSection, RetentionKpis, RetentionSection, RevenueRetentionKpis, RevenueRetentionSection, ReportSection } from "./types";

/** The trials of retention and churn, named in the reason when a period has none. */
const WHO = "customers active at the start";

/** Customer retention of `[start, end)`, active window = the period's length. */
export function retentionKpis(ledger: Ledger, start: number, end: number): RetentionKpis {
  const { period: _period, ...kpis } = retentionRate(ledger, { start, end });
  return kpis;
}

/** The retention section with the previous period, the changes and their significance. */
export function retentionSection(current: RetentionKpis, previous: RetentionKpis | null): RetentionSection {
  return {
    ...current,
    previous,
    change: {
      rate: change(current.rate, previous?.rate),
      churnRate: change(current.churnRate, previous?.churnRate),
      crr: change(current.crr, previous?.crr),
    },
    significance: {
      rate: rateSignificance(previous && { successes: previous.retainedCount, trials: previous.startCount }, { successes: current.retainedCount, trials: current.startCount }, WHO),
      churnRate: rateSignificance(previous && { successes: previous.lostCount, trials: previous.startCount }, { successes: current.lostCount, trials: current.startCount }, WHO),
      crr: notTested(NOT_TESTED.crr),
    },
  };
}

function revenueKpis(ledger: Ledger, start: number, end: number): RevenueRetentionKpis {
  const r = revenueRetention(ledger, { start, end });
  return {
    netRevenueRetention: r.netRevenueRetention,
    grossRevenueRetention: r.grossRevenueRetention,
    baseRevenue: r.baseRevenue,
    currentRevenue: r.currentRevenue,
    expansion: r.expansion,
    contraction: r.contraction,
    churnedRevenue: r.churnedRevenue,
    newCustomerRevenue: r.newCustomerRevenue,
    reactivation: r.reactivation,
    customers: r.customers,
  };
}

/** NRR and GRR of the period (base = the period before) and of the previous period. */
export function revenueRetentionSection(ledger: Ledger, start: number, end: number, previousStart: number, hasPrevious: boolean): ReportSection<RevenueRetentionSection> {
  if (ledger.purchases.count === 0) return { available: false, reason: "no purchases given" };
  const current = revenueKpis(ledger, start, end);
  const previous = hasPrevious ? revenueKpis(ledger, previousStart, start) : null;
  return {
    available: true,
    ...current,
    previous,
    change: {
      netRevenueRetention: change(current.netRevenueRetention, previous?.netRevenueRetention),
      grossRevenueRetention: change(current.grossRevenueRetention, previous?.grossRevenueRetention),
    },
    significance: { netRevenueRetention: notTested(NOT_TESTED.revenueRatio), grossRevenueRetention: notTested(NOT_TESTED.revenueRatio) },
  };
}

function npsKpis(ledger: Ledger, start: number, end: number): NpsKpis {
  const r = nps(ledger, { start, end });
  return { score: r.score, responses: r.responses, promoters: r.promoters, passives: r.passives, detractors: r.detractors, marginOfError: r.marginOfError };
}

/** NPS of the responses in the period and the previous one; unavailable without surveys. */
export function npsSection(ledger: Ledger, start: number, end: number, previousStart: number): ReportSection<NpsSection> {
  if (ledger.surveys.count === 0) return { available: false, reason: "no survey responses given" };
  const current = npsKpis(ledger, start, end);
  const previous = npsKpis(ledger, previousStart, start);
  return { available: true, ...current, previous, change: { score: change(current.score, previous.score) }, significance: { score: npsSignificance(previous, current) } };
}

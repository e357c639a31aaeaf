import { compareNps } from "../stats/compareNps";
import { compareRates } from "../stats/compareRates";
import type { NpsCounts } from "../stats/readNpsCounts";
import type { ProportionCounts } from "../stats/readProportion";
import type { KpiSignificance } from "./types";

/*
 * The report's verdict on each change against the previous period, at 95%. Only figures that
 * are proportions of counted customers (retention, churn, repeat purchase) or NPS answers are
 * tested; the others say why not. docs/report.md, "Significance", gives the decisions.
 */

/** Why a figure that is not a proportion is not tested. */
export const NOT_TESTED = {
  count: "a count, not a proportion: not tested",
  money: "an amount of money, not a proportion: not tested",
  mean: "a mean of order counts, not a proportion: not tested",
  crr: "not a proportion ((|E| − |N|) ÷ |S| can leave [0, 1]): not tested",
  revenueRatio: "a ratio of revenue, not a proportion of customers: not tested",
} as const;

/** A change that was not tested, and why. */
export function notTested(reason: string): KpiSignificance {
  return { significant: null, pValue: null, interval: null, reason };
}

const noPrevious = (): KpiSignificance => notTested("no previous period to compare with");

/**
 * The change of a proportion from the previous period to this one (`compareRates`).
 * `what` names the trials in the reason when a period has none ("customers active at the start").
 */
export function rateSignificance(previous: ProportionCounts | null, current: ProportionCounts, what: string): KpiSignificance {
  if (previous === null) return noPrevious();
  if (previous.trials === 0 || current.trials === 0) return notTested(`no ${what} in ${previous.trials === 0 ? "the previous" : "this"} period: the rate is undefined`);
  const { significant, pValue, interval, reason } = compareRates(previous, current);
  return { significant, pValue, interval, reason };
}

/** The change of NPS from the previous period to this one (`compareNps`). */
export function npsSignificance(previous: NpsCounts | null, current: NpsCounts): KpiSignificance {
  if (previous === null) return noPrevious();
  const answers = (counts: NpsCounts): number => counts.promoters + counts.passives + counts.detractors;
  if (answers(previous) === 0 || answers(current) === 0) return notTested(`no survey responses in ${answers(previous) === 0 ? "the previous" : "this"} period: the score is undefined`);
  const { significant, pValue, interval, reason } = compareNps(previous, current);
  return { significant, pValue, interval, reason };
}

import { measureTrend } from "./measureScores";
import type { SurveyTrendOptions, TrendBucket } from "./scoreTrend";
import { CSAT_KIND } from "../input/surveyKinds";
import type { NpsInput } from "../nps/surveyInput";
import { csatFromCounts, type CsatResult } from "./csatFromCounts";

/** CSAT of one calendar bucket `[start, end)`. */
export interface CsatTrendPoint extends CsatResult, TrendBucket {}

/**
 * CSAT per calendar week, month, quarter or year (UTC), as `npsTrend` does for NPS.
 *
 * Every bucket from the first CSAT answer's (or `start`'s) to the last one's (or the one before
 * `end`) appears, in order; a bucket without answers has `satisfiedShare: null`, never 0.
 *
 * @param responses - survey responses, `{ surveys }`, or a `Ledger` with surveys
 * @param options - `granularity`, optional range, `weekStartsOn` and `confidence`
 * @returns one point per bucket
 * @throws {RetentionOptionsError} on an unknown granularity, or a range of more than 100,000 buckets (`MAX_BUCKETS`)
 * @example
 * csatTrend([{ at: "2024-01-05", score: 5, kind: "csat" }, { at: "2024-03-02", score: 2, kind: "csat" }], { granularity: "month" })
 * //=> [{ key: "2024-01", satisfiedShare: 1, ... }, { key: "2024-02", satisfiedShare: null, ... }, { key: "2024-03", satisfiedShare: 0, ... }]
 */
export function csatTrend(responses: NpsInput, options: SurveyTrendOptions): CsatTrendPoint[] {
  return measureTrend({ fn: "csatTrend", kind: CSAT_KIND, fromCounts: csatFromCounts }, responses, options);
}

import { measureTrend } from "../surveys/measureScores";
import type { SurveyTrendOptions, TrendBucket } from "../surveys/scoreTrend";
import { npsFromScoreCounts, type NpsResult } from "./npsFromCounts";
import { NPS_KIND } from "../input/surveyKinds";
import type { NpsInput } from "./surveyInput";

/** Options of `npsTrend`. */
export type NpsTrendOptions = SurveyTrendOptions;

/** NPS of one calendar bucket `[start, end)`. */
export interface NpsTrendPoint extends NpsResult, TrendBucket {}

/**
 * NPS per calendar week, month, quarter or year (UTC), for a trend chart.
 *
 * Every bucket from the first NPS response's (or `start`'s) to the last one's (or the one
 * before `end`) appears, in order; a bucket without responses has `score: null`, never 0.
 * CSAT and CES answers are not counted (see `csatTrend`, `cesTrend`).
 *
 * @param responses - survey responses, `{ surveys }`, or a `Ledger` with surveys
 * @param options - `granularity`, optional range, `weekStartsOn` and `confidence`
 * @returns one point per bucket
 * @throws {RetentionOptionsError} on an unknown granularity, or a range of more than 100,000 buckets (`MAX_BUCKETS`)
 * @example
 * npsTrend([{ at: "2024-01-05", score: 10 }, { at: "2024-03-02", score: 0 }], { granularity: "month" })
 * //=> [{ key: "2024-01", score: 100, ... }, { key: "2024-02", score: null, ... }, { key: "2024-03", score: -100, ... }]
 */
export function npsTrend(responses: NpsInput, options: NpsTrendOptions): NpsTrendPoint[] {
  return measureTrend({ fn: "npsTrend", kind: NPS_KIND, fromCounts: npsFromScoreCounts }, responses, options);
}

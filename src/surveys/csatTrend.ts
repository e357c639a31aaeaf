import { readOptions } from "../input/readOptions";
import { CSAT_KIND } from "../input/surveyKinds";
import { readConfidence } from "../nps/npsFromCounts";
import { toSurveyColumns, type NpsInput } from "../nps/surveyInput";
import { csatFromCounts, type CsatResult } from "./csatFromCounts";
import { countScoresByBucket, type SurveyTrendOptions, type TrendBucket } from "./scoreTrend";

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
  options = readOptions(options, "csatTrend");
  const surveys = toSurveyColumns(responses);
  const confidence = readConfidence(options.confidence);
  return countScoresByBucket(surveys, CSAT_KIND, options, "csatTrend").map(({ counts, ...bucket }) => ({ ...bucket, ...csatFromCounts(counts, confidence) }));
}

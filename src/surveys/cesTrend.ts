import { measureTrend } from "./measureScores";
import type { SurveyTrendOptions, TrendBucket } from "./scoreTrend";
import { CES_KIND } from "../input/surveyKinds";
import type { NpsInput } from "../nps/surveyInput";
import { cesFromCounts, type CesResult } from "./cesFromCounts";

/** CES of one calendar bucket `[start, end)`. */
export interface CesTrendPoint extends CesResult, TrendBucket {}

/**
 * CES per calendar week, month, quarter or year (UTC), as `npsTrend` does for NPS.
 *
 * Every bucket from the first CES answer's (or `start`'s) to the last one's (or the one before
 * `end`) appears, in order; a bucket without answers has `mean: null`, never 0.
 *
 * @param responses - survey responses, `{ surveys }`, or a `Ledger` with surveys
 * @param options - `granularity`, optional range, `weekStartsOn` and `confidence`
 * @returns one point per bucket
 * @throws {RetentionOptionsError} on an unknown granularity, or a range of more than 100,000 buckets (`MAX_BUCKETS`)
 * @example
 * cesTrend([{ at: "2024-01-05", score: 6, kind: "ces" }, { at: "2024-03-02", score: 2, kind: "ces" }], { granularity: "month" })
 * //=> [{ key: "2024-01", mean: 6, ... }, { key: "2024-02", mean: null, ... }, { key: "2024-03", mean: 2, ... }]
 */
export function cesTrend(responses: NpsInput, options: SurveyTrendOptions): CesTrendPoint[] {
  return measureTrend({ fn: "cesTrend", kind: CES_KIND, fromCounts: cesFromCounts }, responses, options);
}

import type { Range, RangeOptions } from "../core/period";
import { measureRange } from "../surveys/measureScores";
import { npsFromScoreCounts, type NpsResult } from "./npsFromCounts";
import { NPS_KIND } from "../input/surveyKinds";
import type { NpsInput } from "./surveyInput";

/** Options of `nps`. */
export interface NpsOptions extends RangeOptions {
  /** Confidence level of the interval, strictly between 0 and 1 (default 0.95). */
  readonly confidence?: number | undefined;
}

/** NPS of the responses in a range. */
export interface Nps extends NpsResult {
  readonly range: Range;
}

/**
 * Net Promoter Score: the share of promoters (9–10) minus the share of detractors (0–6),
 * times 100, with its standard error and confidence interval.
 *
 * score = 100·(p − d); SE = 100·√(((p + d) − (p − d)²)/n); margin = z·SE, with z the normal
 * quantile for `confidence`. Definition from Reichheld (2003), "The One Number You Need to
 * Grow"; the variance is that of a +1/0/−1 answer (derived in the Cross Validated answer
 * "How can I calculate margin of error in a NPS result?"). Only answers of `kind` `"nps"` (the
 * default) count: CSAT and CES answers in the same data are left to `csat` and `ces`.
 *
 * @param responses - survey responses, `{ surveys }`, or a `Ledger` with surveys
 * @param options - optional `[start, end)` range and `confidence` (default 0.95)
 * @returns the score (`null` without responses), the counts, shares and interval
 * @throws {RetentionInputError} when a score is not an integer on its kind's scale, or a date is invalid
 * @throws {RetentionOptionsError} when `confidence` is not in (0, 1)
 * @example
 * nps([{ at: "2024-01-01", score: 10 }, { at: "2024-01-02", score: 9 },
 *      { at: "2024-01-03", score: 8 }, { at: "2024-01-04", score: 3 }])
 * //=> { score: 25, promoters: 2, passives: 1, detractors: 1, responses: 4, ... }
 */
export function nps(responses: NpsInput, options: NpsOptions = {}): Nps {
  return measureRange({ fn: "nps", kind: NPS_KIND, fromCounts: npsFromScoreCounts }, responses, options);
}

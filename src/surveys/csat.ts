import type { Range, RangeOptions } from "../core/period";
import { measureRange } from "./measureScores";
import { CSAT_KIND } from "../input/surveyKinds";
import type { NpsInput } from "../nps/surveyInput";
import { csatFromCounts, type CsatResult } from "./csatFromCounts";

/** Options of `csat`, `csatBy`: an optional `[start, end)` range and the confidence level. */
export interface CsatOptions extends RangeOptions {
  /** Confidence level of the interval, strictly between 0 and 1 (default 0.95). */
  readonly confidence?: number | undefined;
}

/** CSAT of the answers in a range. */
export interface Csat extends CsatResult {
  readonly range: Range;
}

/**
 * Customer satisfaction (CSAT): the top-2-box share, answers of 4 or 5 on the 1–5 scale
 * divided by all answers, with the mean score, the counts per score and a Wilson interval.
 *
 * satisfiedShare = (n₄ + n₅) ÷ n; mean = Σ s·nₛ ÷ n; the interval is Wilson's score interval
 * (Wilson 1927) of the share. Top-2-box is the convention of the American Customer Satisfaction
 * Index and of survey vendors for a 5-point satisfaction question.
 * Only answers with `kind: "csat"` count; NPS and other answers in the same data are ignored.
 *
 * @param responses - survey responses, `{ surveys }`, or a `Ledger` with surveys
 * @param options - optional `[start, end)` range and `confidence` (default 0.95)
 * @returns the figures (`null`, with `reason`, without answers) and the counts behind them
 * @throws {RetentionInputError} when a score is not an integer on its kind's scale (1–5 for CSAT), or a date is invalid
 * @throws {RetentionOptionsError} when `confidence` is not in (0, 0.999999]
 * @example
 * csat([{ at: "2024-01-01", score: 5, kind: "csat" }, { at: "2024-01-02", score: 4, kind: "csat" },
 *       { at: "2024-01-03", score: 4, kind: "csat" }, { at: "2024-01-04", score: 2, kind: "csat" }])
 * //=> { satisfiedShare: 0.75, satisfied: 3, responses: 4, mean: 3.75, confidenceInterval: [0.3006…, 0.9544…], ... }
 */
export function csat(responses: NpsInput, options: CsatOptions = {}): Csat {
  return measureRange({ fn: "csat", kind: CSAT_KIND, fromCounts: csatFromCounts }, responses, options);
}

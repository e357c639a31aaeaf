import type { Range, RangeOptions } from "../core/period";
import { measureRange } from "./measureScores";
import { CES_KIND } from "../input/surveyKinds";
import type { NpsInput } from "../nps/surveyInput";
import { cesFromCounts, type CesResult } from "./cesFromCounts";

/** Options of `ces`, `cesBy`: an optional `[start, end)` range and the confidence level. */
export interface CesOptions extends RangeOptions {
  /** Confidence level of the interval, strictly between 0 and 1 (default 0.95). */
  readonly confidence?: number | undefined;
}

/** CES of the answers in a range. */
export interface Ces extends CesResult {
  readonly range: Range;
}

/**
 * Customer Effort Score (CES): the mean answer on the 1–7 scale (7 = very easy), the share of
 * "easy" answers (5–7), the counts per score and a confidence interval for the mean.
 *
 * mean = Σ s·nₛ ÷ n; easyShare = (n₅ + n₆ + n₇) ÷ n; interval = mean ± z·s/√n, with s the sample
 * standard deviation (n − 1) and z the normal quantile for `confidence` (a normal-approximation
 * interval, a little narrower than Student's t for small n; see docs/surveys.md). The 1–7
 * agreement scale ("The company made it easy for me to handle my issue") is that of CES 2.0,
 * after Dixon, Freeman & Toman (2010), "Stop Trying to Delight Your Customers".
 * Only answers with `kind: "ces"` count; NPS and other answers in the same data are ignored.
 *
 * @param responses - survey responses, `{ surveys }`, or a `Ledger` with surveys
 * @param options - optional `[start, end)` range and `confidence` (default 0.95)
 * @returns the figures (`null`, with `reason`, without answers) and the counts behind them
 * @throws {RetentionInputError} when a score is not an integer on its kind's scale (1–7 for CES), or a date is invalid
 * @throws {RetentionOptionsError} when `confidence` is not in (0, 0.999999]
 * @example
 * ces([{ at: "2024-01-01", score: 7, kind: "ces" }, { at: "2024-01-02", score: 6, kind: "ces" },
 *      { at: "2024-01-03", score: 5, kind: "ces" }, { at: "2024-01-04", score: 2, kind: "ces" }])
 * //=> { mean: 5, easy: 3, easyShare: 0.75, responses: 4, standardDeviation: 2.1602…, ... }
 */
export function ces(responses: NpsInput, options: CesOptions = {}): Ces {
  return measureRange({ fn: "ces", kind: CES_KIND, fromCounts: cesFromCounts }, responses, options);
}

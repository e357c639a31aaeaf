import { readComparisonOptions, verdict, type ComparisonOptions, type ComparisonTest } from "./comparisonOptions";
import { newcombeBounds } from "./newcombeBounds";
import { readProportion, type ProportionInput, type ProportionKind } from "./readProportion";
import { smallestExpectedCount } from "./smallestExpectedCount";
import { twoSidedPValue } from "./twoSidedPValue";
import { shapeError } from "../input/errors";

/** One side of a rate comparison: its counts and its rate. */
export interface ComparedRate {
  readonly kind: ProportionKind;
  readonly successes: number;
  readonly trials: number;
  /** successes ÷ trials; `null` without trials. */
  readonly rate: number | null;
}

/** Two rates compared: the change from `a` to `b`, its interval and its test. */
export interface RateComparison extends ComparisonTest {
  readonly a: ComparedRate;
  readonly b: ComparedRate;
  /** rate(b) − rate(a), in rate units (0.05 is five points); `null` when a side has no trials. */
  readonly difference: number | null;
  /** Newcombe's hybrid score interval of the difference (method 10), within [−1, 1]. */
  readonly interval: readonly [number, number] | null;
}

const side = (kind: ProportionKind, successes: number, trials: number): ComparedRate => ({ kind, successes, trials, rate: trials === 0 ? null : successes / trials });

/**
 * Is the change from rate `a` to rate `b` real? A two-proportion comparison of two retention,
 * churn or repeat-purchase results (or any `{ successes, trials }`, such as a funnel step's
 * conversions), treated as independent samples.
 *
 * difference = p_b − p_a (a is the baseline, the earlier period or the control). The interval is
 * Newcombe's hybrid score interval (method 10 of Newcombe 1998, built from the Wilson intervals
 * of p_a and p_b). The test is the pooled z-test, z = (p_b − p_a) ÷ √(p̄(1 − p̄)(1/n_a + 1/n_b))
 * with p̄ = (x_a + x_b) ÷ (n_a + n_b), the same as R's `prop.test(correct = FALSE)` and the
 * χ² test of the 2 × 2 table; `significant` is p < 1 − confidence. The two use different
 * statistics and can disagree right at the boundary (0.14% of the comparisons of samples of
 * 5 to 60 that pass Cochran's rule, all with p between 0.044 and 0.051). The test is left undecided (`significant: null`, with
 * `reason`) when an expected cell count is below `minExpectedCount` (default 5). Swapping a and
 * b negates the difference and the interval and leaves p unchanged. See docs/surveys.md.
 *
 * @param a - the baseline: a `retentionRate`, `churnRate` or `repeatPurchaseRate` result, or `{ successes, trials }`
 * @param b - the comparison, of the same kind
 * @param options - `confidence` (default 0.95) and `minExpectedCount` (default 5)
 * @returns the counts, the difference, its interval, z, p and the verdict; figures are `null` with a reason when a side has no trials
 * @throws {RetentionInputError} when a side is no rate result, its counts are not whole numbers with successes ≤ trials, or the kinds differ
 * @throws {RetentionOptionsError} when `confidence` is not in (0, 0.999999] or `minExpectedCount` not in [0, 1,000,000]
 * @example
 * compareRates({ successes: 48, trials: 80 }, { successes: 56, trials: 70 })
 * //=> { difference: 0.2, interval: [0.0524…, 0.3339…], z: 2.6502…, pValue: 0.00804…, significant: true, reason: null, ... }
 */
export function compareRates(a: ProportionInput, b: ProportionInput, options: ComparisonOptions = {}): RateComparison {
  const first = readProportion(a, "a", "compareRates");
  const second = readProportion(b, "b", "compareRates");
  const read = readComparisonOptions(options, "compareRates");
  if (first.kind !== second.kind && first.kind !== "proportion" && second.kind !== "proportion") {
    throw shapeError(["b"], "kind_mismatch", `compareRates compares like with like: a is a ${first.kind} result, b a ${second.kind} result`);
  }
  const common = { a: side(first.kind, first.successes, first.trials), b: side(second.kind, second.successes, second.trials), confidence: read.confidence, minExpectedCount: read.minExpectedCount };
  const { successes: xa, trials: na } = first;
  const { successes: xb, trials: nb } = second;
  if (na === 0 || nb === 0) {
    const empty = na === 0 ? (nb === 0 ? "a and b have" : "a has") : "b has";
    return { ...common, difference: null, interval: null, z: null, pValue: null, significant: null, reason: `${empty} no trials: the rate is undefined` };
  }
  const difference = xb / nb - xa / na;
  const pooled = (xa + xb) / (na + nb);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
  // The pooled standard error is 0 only when both rates are 0 or both are 1: no difference at all.
  const z = standardError === 0 ? 0 : difference / standardError;
  const pValue = twoSidedPValue(z);
  const expected = smallestExpectedCount([xa, na - xa], [xb, nb - xb]);
  return { ...common, difference, interval: newcombeBounds(xa, na, xb, nb, read.z), z, pValue, ...verdict(pValue, expected, read) };
}

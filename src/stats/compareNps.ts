import { readComparisonOptions, verdict, type ComparisonOptions, type ComparisonTest } from "./comparisonOptions";
import { readNpsCounts, type NpsCounts } from "./readNpsCounts";
import { smallestExpectedCount } from "./smallestExpectedCount";
import { twoSidedPValue } from "./twoSidedPValue";

/** One side of an NPS comparison: its counts and its score. */
export interface ComparedNps extends NpsCounts {
  readonly responses: number;
  /** 100 · (promoters − detractors) ÷ responses; `null` without responses. */
  readonly score: number | null;
}

/** Two NPS results compared: the change from `a` to `b`, its interval and its test. */
export interface NpsComparison extends ComparisonTest {
  readonly a: ComparedNps;
  readonly b: ComparedNps;
  /** score(b) − score(a), in NPS points (−200 to 200); `null` when a side has no responses. */
  readonly difference: number | null;
  /** √(SE_a² + SE_b²), SE = 100·√((p + d − (p − d)²) ÷ n) of each side: the trinomial standard error. */
  readonly standardError: number | null;
  /** difference ± z·standardError, clipped to [−200, 200]. */
  readonly interval: readonly [number, number] | null;
}

/** The variance of one answer scored +1 (promoter), 0 (passive) or −1 (detractor): p + d − (p − d)². */
const trinomialVariance = (promoters: number, detractors: number, responses: number): number => {
  const p = promoters / responses;
  const d = detractors / responses;
  return Math.max(0, p + d - (p - d) ** 2);
};

function compared(counts: NpsCounts): ComparedNps {
  const responses = counts.promoters + counts.passives + counts.detractors;
  return { ...counts, responses, score: responses === 0 ? null : (100 * (counts.promoters - counts.detractors)) / responses };
}

/**
 * Is the change from NPS `a` to NPS `b` real? The two samples of answers are treated as
 * independent; each answer counts +1 (promoter, 9–10), 0 (passive) or −1 (detractor, 0–6), so
 * NPS = 100 × its mean and Var(NPS) = 100² · (p + d − (p − d)²) ÷ n (the trinomial variance,
 * as `nps` uses for its margin of error).
 *
 * difference = NPS_b − NPS_a, in points; standardError = √(SE_a² + SE_b²); interval =
 * difference ± z·standardError (Wald), clipped to [−200, 200]. The test uses the variance of
 * the pooled answers (both samples from one distribution, no change): z = difference ÷
 * (100·√(v̄·(1/n_a + 1/n_b))), two-sided; `significant` is p < 1 − confidence. It is left
 * undecided (`null` with `reason`) when an expected count of the 2 × 3 table of answers
 * (categories seen in neither sample left out) is below `minExpectedCount` (default 5).
 * See docs/surveys.md.
 *
 * @param a - the baseline: an `nps`, `npsBy` group or `npsTrend` point, or `{ promoters, passives, detractors }`
 * @param b - the comparison
 * @param options - `confidence` (default 0.95) and `minExpectedCount` (default 5)
 * @returns the counts, the difference, its standard error and interval, z, p and the verdict
 * @throws {RetentionInputError} when a side lacks the three counts as whole numbers ≥ 0
 * @throws {RetentionOptionsError} when `confidence` is not in (0, 0.999999] or `minExpectedCount` not in [0, 1,000,000]
 * @example
 * compareNps({ promoters: 50, passives: 30, detractors: 20 }, { promoters: 60, passives: 25, detractors: 15 })
 * //=> { difference: 15, standardError: 10.758…, interval: [−6.086…, 36.086…], z: 1.387…, pValue: 0.1652…, significant: false, ... }
 */
export function compareNps(a: NpsCounts, b: NpsCounts, options: ComparisonOptions = {}): NpsComparison {
  const first = compared(readNpsCounts(a, "a", "compareNps"));
  const second = compared(readNpsCounts(b, "b", "compareNps"));
  const read = readComparisonOptions(options, "compareNps");
  const common = { a: first, b: second, confidence: read.confidence, minExpectedCount: read.minExpectedCount };
  if (first.score === null || second.score === null) {
    const empty = first.score === null ? (second.score === null ? "a and b have" : "a has") : "b has";
    return { ...common, difference: null, standardError: null, interval: null, z: null, pValue: null, significant: null, reason: `${empty} no responses: the score is undefined` };
  }
  const na = first.responses;
  const nb = second.responses;
  const difference = second.score - first.score;
  const standardError = 100 * Math.sqrt(trinomialVariance(first.promoters, first.detractors, na) / na + trinomialVariance(second.promoters, second.detractors, nb) / nb);
  const margin = read.z * standardError;
  const pooledVariance = trinomialVariance(first.promoters + second.promoters, first.detractors + second.detractors, na + nb);
  // The pooled variance is 0 only when every answer of both samples is in one category: no difference.
  const pooledError = 100 * Math.sqrt(pooledVariance * (1 / na + 1 / nb));
  const z = pooledError === 0 ? 0 : difference / pooledError;
  const pValue = twoSidedPValue(z);
  const expected = smallestExpectedCount([first.promoters, first.passives, first.detractors], [second.promoters, second.passives, second.detractors]);
  return {
    ...common,
    difference,
    standardError,
    interval: [Math.max(-200, difference - margin), Math.min(200, difference + margin)],
    z,
    pValue,
    ...verdict(pValue, expected, read),
  };
}

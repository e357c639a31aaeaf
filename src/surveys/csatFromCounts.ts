import { countBetween, type ScoreCounts } from "./scoreCounts";
import { normalQuantile } from "../core/special/normalQuantile";
import { wilsonBounds } from "../stats/wilsonBounds";

/** CSAT of a set of answers on the 1–5 scale. */
export interface CsatResult {
  /** Top-2-box share: answers of 4 or 5 ÷ answers, in [0, 1]; `null` without answers. */
  readonly satisfiedShare: number | null;
  /** Answers of 4 or 5. */
  readonly satisfied: number;
  readonly responses: number;
  /** Mean score, in [1, 5]; `null` without answers. */
  readonly mean: number | null;
  /** Answers per score. */
  readonly counts: Readonly<Record<1 | 2 | 3 | 4 | 5, number>>;
  /** Wilson score interval of `satisfiedShare` at `confidence`; `null` without answers. */
  readonly confidenceInterval: readonly [number, number] | null;
  readonly confidence: number;
  /** Why the figures are `null` ("no CSAT answers"), else `null`. */
  readonly reason: string | null;
}

/** CSAT from counts per score (`counts[s]`, s = 1…5), at a confidence level already read. */
export function csatFromCounts(counts: ScoreCounts, confidence: number): CsatResult {
  const responses = countBetween(counts, 1, 5);
  const satisfied = countBetween(counts, 4, 5);
  const perScore = { 1: counts[1]!, 2: counts[2]!, 3: counts[3]!, 4: counts[4]!, 5: counts[5]! };
  if (responses === 0) {
    return { satisfiedShare: null, satisfied, responses, mean: null, counts: perScore, confidenceInterval: null, confidence, reason: "no CSAT answers" };
  }
  let total = 0;
  for (let s = 1; s <= 5; s++) total += s * counts[s]!;
  return {
    satisfiedShare: satisfied / responses,
    satisfied,
    responses,
    mean: total / responses,
    counts: perScore,
    confidenceInterval: wilsonBounds(satisfied, responses, normalQuantile(1 - (1 - confidence) / 2)),
    confidence,
    reason: null,
  };
}

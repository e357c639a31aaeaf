import { normalQuantile } from "../core/special/normalQuantile";
import { countBetween, type ScoreCounts } from "./scoreCounts";

/** CES of a set of answers on the 1–7 scale (7 = very easy). */
export interface CesResult {
  /** Mean score, in [1, 7]; `null` without answers. */
  readonly mean: number | null;
  /** Answers of 5, 6 or 7 ("easy"). */
  readonly easy: number;
  /** easy ÷ answers, in [0, 1]; `null` without answers. */
  readonly easyShare: number | null;
  readonly responses: number;
  /** Answers per score. */
  readonly counts: Readonly<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, number>>;
  /** Sample standard deviation (n − 1); `null` with fewer than 2 answers. */
  readonly standardDeviation: number | null;
  /** standardDeviation ÷ √n; `null` with fewer than 2 answers. */
  readonly standardError: number | null;
  /** mean ± z·standardError (normal approximation), clipped to [1, 7]; `null` with fewer than 2 answers. */
  readonly confidenceInterval: readonly [number, number] | null;
  readonly confidence: number;
  /** Why a figure is `null` ("no CES answers", "one CES answer: its spread is unknown"), else `null`. */
  readonly reason: string | null;
}

/** CES from counts per score (`counts[s]`, s = 1…7), at a confidence level already read. */
export function cesFromCounts(counts: ScoreCounts, confidence: number): CesResult {
  const responses = countBetween(counts, 1, 7);
  const easy = countBetween(counts, 5, 7);
  const perScore = { 1: counts[1]!, 2: counts[2]!, 3: counts[3]!, 4: counts[4]!, 5: counts[5]!, 6: counts[6]!, 7: counts[7]! };
  const none = { standardDeviation: null, standardError: null, confidenceInterval: null, confidence };
  if (responses === 0) return { mean: null, easy, easyShare: null, responses, counts: perScore, ...none, reason: "no CES answers" };
  let total = 0;
  for (let s = 1; s <= 7; s++) total += s * counts[s]!;
  const mean = total / responses;
  if (responses === 1) return { mean, easy, easyShare: easy / responses, responses, counts: perScore, ...none, reason: "one CES answer: its spread is unknown" };
  let squares = 0;
  for (let s = 1; s <= 7; s++) squares += counts[s]! * (s - mean) ** 2;
  const standardDeviation = Math.sqrt(squares / (responses - 1));
  const standardError = standardDeviation / Math.sqrt(responses);
  const margin = normalQuantile(1 - (1 - confidence) / 2) * standardError;
  return {
    mean,
    easy,
    easyShare: easy / responses,
    responses,
    counts: perScore,
    standardDeviation,
    standardError,
    confidenceInterval: [Math.max(1, mean - margin), Math.min(7, mean + margin)],
    confidence,
    reason: null,
  };
}

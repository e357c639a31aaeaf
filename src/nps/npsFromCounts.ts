import { numberOption } from "../input/optionReaders";
import { normalQuantile } from "../core/special/normalQuantile";
import { countBetween, type ScoreCounts } from "../surveys/scoreCounts";

/** Net Promoter Score with its shares and sampling error. */
export interface NpsResult {
  /** 100 · (promoters − detractors) / responses, in [−100, 100]; `null` without responses. */
  readonly score: number | null;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  readonly responses: number;
  readonly promoterShare: number | null;
  readonly passiveShare: number | null;
  readonly detractorShare: number | null;
  /** 100 · √(((p + d) − (p − d)²) / n), the standard error of the score. */
  readonly standardError: number | null;
  /** z · standardError, for the confidence level used. */
  readonly marginOfError: number | null;
  /** [score − margin, score + margin], clipped to [−100, 100]. */
  readonly confidenceInterval: readonly [number, number] | null;
  readonly confidence: number;
}

/**
 * Highest confidence level accepted. Its normal quantile is about 4.89; closer to 1 the
 * quantile of 1 − (1 − c)/2 is lost to rounding (c = 0.9999999999999999 gives Infinity), so the
 * margin of error would not be a number.
 */
export const MAX_CONFIDENCE = 0.999999;

/**
 * Reads the confidence level (default 0.95): a number in (0, 0.999999].
 *
 * @example
 * readConfidence(undefined) //=> 0.95
 * readConfidence(0.9999999999999999) // throws RetentionOptionsError: confidence: expected a number in (0, 0.999999], ...
 */
export function readConfidence(value: unknown): number {
  return numberOption("confidence", value, { min: 0, max: MAX_CONFIDENCE, minOpen: true }, 0.95);
}

/**
 * NPS from the three counts. The standard error treats each answer as +1 (promoter),
 * 0 (passive) or −1 (detractor): its variance is (p + d) − (p − d)².
 */
export function npsFromCounts(promoters: number, passives: number, detractors: number, confidence: number): NpsResult {
  const responses = promoters + passives + detractors;
  if (responses === 0) {
    return {
      score: null,
      promoters,
      passives,
      detractors,
      responses,
      promoterShare: null,
      passiveShare: null,
      detractorShare: null,
      standardError: null,
      marginOfError: null,
      confidenceInterval: null,
      confidence,
    };
  }
  const p = promoters / responses;
  const d = detractors / responses;
  const score = (100 * (promoters - detractors)) / responses;
  const variance = Math.max(0, p + d - (p - d) ** 2);
  const standardError = 100 * Math.sqrt(variance / responses);
  const marginOfError = normalQuantile(1 - (1 - confidence) / 2) * standardError;
  return {
    score,
    promoters,
    passives,
    detractors,
    responses,
    promoterShare: p,
    passiveShare: passives / responses,
    detractorShare: d,
    standardError,
    marginOfError,
    confidenceInterval: [Math.max(-100, score - marginOfError), Math.min(100, score + marginOfError)],
    confidence,
  };
}

/** NPS from counts per score 0–10: promoters 9–10, passives 7–8, detractors 0–6. */
export function npsFromScoreCounts(counts: ScoreCounts, confidence: number): NpsResult {
  return npsFromCounts(countBetween(counts, 9, 10), countBetween(counts, 7, 8), countBetween(counts, 0, 6), confidence);
}

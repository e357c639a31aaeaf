import { lowerBound } from "../core/search";
import type { SurveyColumns } from "../input/surveyColumns";

/**
 * Answers per score, `counts[s]` for s = 0…10: every scale (NPS 0–10, CSAT 1–5, CES 1–7) fits.
 */
export type ScoreCounts = number[];

/** A fresh tally of zeros for scores 0…10. */
export const emptyCounts = (): ScoreCounts => new Array<number>(11).fill(0);

/**
 * Counts the answers of one kind (code of `SURVEY_KINDS`) in `[start, end)`, reading only the
 * rows in range (the columns are sorted by time).
 */
export function countScores(surveys: SurveyColumns, kind: number, start: number, end: number): ScoreCounts {
  const counts = emptyCounts();
  const last = lowerBound(surveys.at, end);
  for (let k = lowerBound(surveys.at, start); k < last; k++) if (surveys.kind[k] === kind) counts[surveys.score[k]!]!++;
  return counts;
}

/** The sum of `counts[from..to]` (both included). */
export function countBetween(counts: ScoreCounts, from: number, to: number): number {
  let sum = 0;
  for (let s = from; s <= to; s++) sum += counts[s]!;
  return sum;
}

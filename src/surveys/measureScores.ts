import { readRange, type Range, type RangeOptions } from "../core/period";
import { readOptions } from "../input/readOptions";
import { readConfidence } from "../nps/npsFromCounts";
import { toSurveyColumns, type NpsInput } from "../nps/surveyInput";
import { countScoresBy, type SurveyGroupKey } from "./groupKey";
import { countScores, type ScoreCounts } from "./scoreCounts";
import { countScoresByBucket, type SurveyTrendOptions, type TrendBucket } from "./scoreTrend";

/** Options of the one-figure survey functions: an optional range and the confidence level. */
export interface ScoreOptions extends RangeOptions {
  readonly confidence?: number | undefined;
}

/** What one survey measure is: its function name, the kind code it counts, and its figures from counts. */
export interface ScoreMeasure<R> {
  readonly fn: string;
  readonly kind: number;
  readonly fromCounts: (counts: ScoreCounts, confidence: number) => R;
}

/** The measure over the answers of its kind in the options' range (`nps`, `csat`, `ces`). */
export function measureRange<R>(measure: ScoreMeasure<R>, responses: NpsInput, options: ScoreOptions | undefined): R & { readonly range: Range } {
  options = readOptions(options, measure.fn);
  const surveys = toSurveyColumns(responses);
  const confidence = readConfidence(options.confidence);
  const { start, end, range } = readRange(options);
  return { ...measure.fromCounts(countScores(surveys, measure.kind, start, end), confidence), range };
}

/** The measure per group (`npsBy`, `csatBy`, `cesBy`). */
export function measureBy<R>(measure: ScoreMeasure<R>, responses: NpsInput, key: SurveyGroupKey, options: ScoreOptions | undefined): (R & { readonly key: string | null })[] {
  options = readOptions(options, measure.fn);
  const surveys = toSurveyColumns(responses);
  const confidence = readConfidence(options.confidence);
  const { start, end } = readRange(options);
  return countScoresBy(surveys, measure.kind, key, start, end).map(([group, counts]) => ({ key: group, ...measure.fromCounts(counts, confidence) }));
}

/** The measure per calendar bucket (`npsTrend`, `csatTrend`, `cesTrend`). */
export function measureTrend<R>(measure: ScoreMeasure<R>, responses: NpsInput, options: SurveyTrendOptions): (TrendBucket & R)[] {
  options = readOptions(options, measure.fn);
  const surveys = toSurveyColumns(responses);
  const confidence = readConfidence(options.confidence);
  return countScoresByBucket(surveys, measure.kind, options, measure.fn, ({ key, start, end }, counts) => ({ key, start, end, ...measure.fromCounts(counts, confidence) }));
}

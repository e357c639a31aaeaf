import { numberOption } from "../input/optionReaders";
import { readOptions } from "../input/readOptions";
import { readConfidence } from "../nps/npsFromCounts";
import { normalQuantile } from "../core/special/normalQuantile";

/** Options of `compareRates` and `compareNps`. */
export interface ComparisonOptions {
  /** Confidence level of the interval; the test is significant when p < 1 − confidence. Default 0.95. */
  readonly confidence?: number | undefined;
  /**
   * Smallest count expected in a cell of the 2 × k table (outcomes seen in neither sample left
   * out) for the normal approximation to be trusted; below it `significant` is `null`. Default 5
   * (Cochran's rule); 0 always tests.
   */
  readonly minExpectedCount?: number | undefined;
}

/** The test part of a comparison's result, shared by `compareRates` and `compareNps`. */
export interface ComparisonTest {
  /** The z statistic with the pooled variance (no change); positive when b is higher. */
  readonly z: number | null;
  /** Its two-sided p-value, in [0, 1]. */
  readonly pValue: number | null;
  /** p < 1 − confidence; `null` when a side is empty or the samples are too small (see `reason`). */
  readonly significant: boolean | null;
  /** Why `significant` is `null`; `null` when the test was decided. */
  readonly reason: string | null;
  readonly confidence: number;
  readonly minExpectedCount: number;
}

/** The options read: the level, its two-sided normal quantile and the expected-count floor. */
export interface ReadComparisonOptions {
  readonly confidence: number;
  readonly z: number;
  readonly minExpectedCount: number;
}

/** Reads `ComparisonOptions`, throwing `RetentionOptionsError` naming the bad option. */
export function readComparisonOptions(options: ComparisonOptions | undefined, functionName: string): ReadComparisonOptions {
  const read = readOptions(options, functionName);
  const confidence = readConfidence(read.confidence);
  const minExpectedCount = numberOption("minExpectedCount", read.minExpectedCount, { min: 0, max: 1_000_000 }, 5);
  return { confidence, z: normalQuantile(1 - (1 - confidence) / 2), minExpectedCount };
}

/**
 * Whether a test came out significant, and why it was not decided: `null` with the reason when
 * the smallest expected count is below the floor.
 */
export function verdict(pValue: number, smallestExpected: number, options: ReadComparisonOptions): { significant: boolean | null; reason: string | null } {
  if (smallestExpected < options.minExpectedCount) {
    return {
      significant: null,
      reason: `samples too small to test: the smallest expected count is ${Number(smallestExpected.toFixed(2))}, below ${options.minExpectedCount} (Cochran's rule for the normal approximation)`,
    };
  }
  return { significant: pValue < 1 - options.confidence, reason: null };
}

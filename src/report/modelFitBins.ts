import type { CalibrationBin } from "../diagnostics/calibrationBins";

/** Calibration frequencies 0 … 6 have a bin each; 7 and more share the last ("7+"), as lifetimes' plot. */
const LAST_BIN = 7;

/**
 * The calibration-vs-holdout table by calibration frequency: per bin, customers, mean actual
 * and mean predicted holdout transactions. Empty bins are left out.
 *
 * Stand-in for `evaluateHoldout(fit, holdout).calibration.byFrequency` (issue 16's scorecard,
 * built on another branch): the report swaps to it once both are merged.
 */
export function frequencyBins(frequency: Float64Array, actual: ArrayLike<number>, predicted: Float64Array, count: number): CalibrationBin[] {
  const customers = new Float64Array(LAST_BIN + 1);
  const actualSum = new Float64Array(LAST_BIN + 1);
  const predictedSum = new Float64Array(LAST_BIN + 1);
  for (let i = 0; i < count; i++) {
    const bin = Math.min(frequency[i]!, LAST_BIN);
    customers[bin]!++;
    actualSum[bin]! += actual[i]!;
    predictedSum[bin]! += predicted[i]!;
  }
  const bins: CalibrationBin[] = [];
  for (let bin = 0; bin <= LAST_BIN; bin++) {
    const n = customers[bin]!;
    if (n === 0) continue;
    bins.push({ label: bin === LAST_BIN ? `${LAST_BIN}+` : String(bin), customers: n, meanActual: actualSum[bin]! / n, meanPredicted: predictedSum[bin]! / n });
  }
  return bins;
}

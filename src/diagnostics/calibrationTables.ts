import type { CalibrationBin, CalibrationTables } from "./calibrationBins";
import { forEachTie } from "./rankOrder";

/*
 * The scorecard's calibration tables: mean actual against mean predicted holdout transactions,
 * by calibration frequency and by decile of prediction.
 */

/** Frequencies 0..6 have a bin each; 7 and above share "7+" (Fader, Hardie & Lee 2005, Figure 5; BTYD's censor = 7). */
const FREQUENCY_BINS = 8;

function bins(labels: readonly string[], customers: Float64Array, actual: Float64Array, predicted: Float64Array): CalibrationBin[] {
  const out: CalibrationBin[] = [];
  for (let b = 0; b < labels.length; b++) {
    const count = customers[b]!;
    if (count === 0) continue;
    out.push({ label: labels[b]!, customers: count, meanActual: actual[b]! / count, meanPredicted: predicted[b]! / count });
  }
  return out;
}

/**
 * The table by calibration frequency alone (also the report's Model fit section's): customers
 * with 0, 1, …, 6 calibration repeat transactions and with 7 or more.
 *
 * @example
 * frequencyTable(Float64Array.of(0, 9), Float64Array.of(1, 4), Float64Array.of(0.5, 3)).map((bin) => bin.label) //=> ["0", "7+"]
 */
export function frequencyTable(frequency: Float64Array, actual: ArrayLike<number>, predicted: Float64Array): CalibrationBin[] {
  const count = new Float64Array(FREQUENCY_BINS);
  const sumActual = new Float64Array(FREQUENCY_BINS);
  const sumPredicted = new Float64Array(FREQUENCY_BINS);
  for (let i = 0; i < frequency.length; i++) {
    const b = Math.min(FREQUENCY_BINS - 1, frequency[i]!);
    count[b]!++;
    sumActual[b]! += actual[i]!;
    sumPredicted[b]! += predicted[i]!;
  }
  const labels = Array.from({ length: FREQUENCY_BINS }, (_, b) => (b === FREQUENCY_BINS - 1 ? `${b}+` : String(b)));
  return bins(labels, count, sumActual, sumPredicted);
}

/**
 * The two tables. By frequency: customers with 0, 1, …, 6 calibration repeat transactions and
 * with 7 or more, as lifetimes' `plot_calibration_purchases_vs_holdout_purchases` and BTYD's
 * `PlotFreqVsConditionalExpectedFrequency(censor = 7)` group them. By decile: customers in
 * descending order of prediction, the customer at 0-based position k in decile
 * ⌊10(k + ½)/n⌋ + 1 ("1" the highest); a run of tied predictions goes whole to the decile of
 * its middle position, so no table depends on the order of the rows. Bins with no customer are
 * left out.
 *
 * @param order - the customers in descending order of `predicted`
 * @example
 * calibrationTables(Float64Array.of(0, 2), Float64Array.of(0, 3), Float64Array.of(0.5, 2.5), Uint32Array.of(1, 0)).byFrequency
 * //=> [{ label: "0", customers: 1, meanActual: 0, meanPredicted: 0.5 }, { label: "2", customers: 1, meanActual: 3, meanPredicted: 2.5 }]
 */
export function calibrationTables(frequency: Float64Array, actual: Float64Array, predicted: Float64Array, order: Uint32Array): CalibrationTables {
  const n = frequency.length;
  const byFrequency = frequencyTable(frequency, actual, predicted);
  const decileCount = new Float64Array(10);
  const decileActual = new Float64Array(10);
  const decilePredicted = new Float64Array(10);
  forEachTie(order, predicted, (start, end) => {
    const d = Math.min(9, Math.floor((10 * ((start + end) / 2)) / n));
    for (let k = start; k < end; k++) {
      const i = order[k]!;
      decileCount[d]!++;
      decileActual[d]! += actual[i]!;
      decilePredicted[d]! += predicted[i]!;
    }
  });
  const byDecile = bins(Array.from({ length: 10 }, (_, d) => String(d + 1)), decileCount, decileActual, decilePredicted);
  return { byFrequency, byDecile };
}

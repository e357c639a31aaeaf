/*
 * The calibration tables of the holdout scorecard (`evaluateHoldout`): the shape the charts
 * and the notebook display read.
 */

/** One row of a calibration table: a group of customers, what they did and what was predicted. */
export interface CalibrationBin {
  /** The group: a calibration frequency ("0", "1", …, "7+") or a decile of predictions ("1" … "10", "1" the highest). */
  readonly label: string;
  /** Customers in the group. */
  readonly customers: number;
  /** Mean actual holdout transactions per customer of the group. */
  readonly meanActual: number;
  /** Mean predicted holdout transactions per customer of the group. */
  readonly meanPredicted: number;
}

/** The scorecard's two calibration tables. */
export interface CalibrationTables {
  /** By calibration frequency 0, 1, …, 7+, as lifetimes' calibration-vs-holdout plot. */
  readonly byFrequency: readonly CalibrationBin[];
  /** By decile of predicted holdout transactions, highest first. */
  readonly byDecile: readonly CalibrationBin[];
}

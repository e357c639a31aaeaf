import { isBrandedResult } from "../core/resultBrand";
import type { CalibrationHoldoutSummary } from "../clv/calibrationHoldoutSummary";
import { readSummaryRows, type SummaryColumns } from "../clv/summaryInput";
import { RetentionOptionsError } from "../input/errors";

/*
 * A `calibrationHoldoutSummary` result as columns: the calibration summary (as the models read
 * it) and what each customer did in the holdout.
 */

/** The calibration rows plus the holdout's transactions and mean transaction value per customer. */
export interface HoldoutColumns {
  readonly summary: CalibrationHoldoutSummary;
  readonly rows: SummaryColumns;
  /** Holdout transactions per customer. */
  readonly actual: Float64Array;
  /** Length of the holdout (every row's `holdoutDuration`); `null` without customers. */
  readonly duration: number | null;
}

/** Columns already read from a summary (frozen by its brand, so they never change). */
const read = new WeakMap<object, HoldoutColumns>();

/**
 * Reads a branded `calibrationHoldoutSummary` result once (later calls return the same
 * columns, which callers only read).
 *
 * @throws {RetentionOptionsError} (option `holdoutSummary`) for anything but such a result
 */
export function readHoldout(summary: CalibrationHoldoutSummary, fn: string): HoldoutColumns {
  if (!isBrandedResult(summary, ["calibrationHoldoutSummary"])) {
    throw new RetentionOptionsError("holdoutSummary", `${fn} expects the result of calibrationHoldoutSummary, unchanged (a copy or a JSON round trip loses its mark)`);
  }
  const known = read.get(summary);
  if (known !== undefined) return known;
  const rows = readSummaryRows(summary, fn);
  const customers = summary.customers;
  const actual = new Float64Array(customers.length);
  for (let i = 0; i < customers.length; i++) actual[i] = customers[i]!.holdoutFrequency;
  const columns = { summary, rows, actual, duration: customers.length === 0 ? null : customers[0]!.holdoutDuration };
  read.set(summary, columns);
  return columns;
}

/** Holdout spend columns already read from a summary. */
const spent = new WeakMap<object, HoldoutSpend>();

/** Per customer: mean holdout transaction value (0 without one) and holdout spend, holdoutFrequency × that mean. */
export interface HoldoutSpend {
  readonly total: Float64Array;
  readonly mean: Float64Array;
}

/** The holdout spend of each customer, read once per summary (a Decimal becomes a number only for those who bought). */
export function holdoutSpend(holdout: HoldoutColumns): HoldoutSpend {
  const known = spent.get(holdout.summary);
  if (known !== undefined) return known;
  const { actual } = holdout;
  const customers = holdout.summary.customers;
  const total = new Float64Array(actual.length);
  const mean = new Float64Array(actual.length);
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] === 0) continue;
    mean[i] = customers[i]!.holdoutMonetaryValue.toNumber();
    total[i] = actual[i]! * mean[i]!;
  }
  const columns = { total, mean };
  spent.set(holdout.summary, columns);
  return columns;
}

/** One point of the average cohort curve. */
export interface CohortCurvePoint {
  /** Buckets since acquisition (0 = the acquisition bucket). */
  readonly offset: number;
  /** Customer-weighted average of the cohorts' rates at this offset; `null` when no cohort has one. */
  readonly rate: number | null;
  /** Cohorts averaged: those observed at this offset (with a defined rate). */
  readonly cohorts: number;
  /** Their customers: the weights of the average. */
  readonly customers: number;
}

/** A cohort as the curve reads it; `counts` (the customer cells) make the average exact. */
export interface CurveRow {
  readonly size: number;
  readonly rates: readonly (number | null)[];
  readonly counts?: readonly number[] | undefined;
}

/**
 * The average curve: for each offset k, Σ size_c · rate_c(k) ÷ Σ size_c over the cohorts
 * observed at k whose rate is defined. A cohort that has not reached k is left out, never
 * counted as 0. For the `customers` measure this is Σ cells ÷ Σ sizes, summed from the
 * counts so that it is exact.
 */
export function cohortCurve(rows: readonly CurveRow[]): CohortCurvePoint[] {
  let width = 0;
  for (const row of rows) width = Math.max(width, row.rates.length);
  const weighted = new Float64Array(width);
  const customers = new Float64Array(width);
  const cohorts = new Uint32Array(width);
  for (const row of rows) {
    row.rates.forEach((rate, k) => {
      if (rate === null) return;
      weighted[k]! += row.counts === undefined ? row.size * rate : row.counts[k]!;
      customers[k]! += row.size;
      cohorts[k]!++;
    });
  }
  const curve: CohortCurvePoint[] = [];
  for (let k = 0; k < width; k++) {
    const weight = customers[k]!;
    curve.push({ offset: k, rate: weight === 0 ? null : weighted[k]! / weight, cohorts: cohorts[k]!, customers: weight });
  }
  return curve;
}

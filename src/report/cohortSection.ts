import type { Ledger } from "../input/ledger";
import { bucketIndexStart } from "../core/bucketIndex";
import { cohortLayout } from "../metrics/cohortBuckets";
import { readCohortOptions } from "../metrics/cohortOptions";
import { cohortRetention } from "../metrics/cohortRetention";
import type { CohortSection } from "./insightTypes";
import type { ReportSection } from "./types";

/** Limits of the report's cohort table. */
export interface CohortSectionOptions {
  /** Latest cohorts shown (default 12). */
  readonly maxCohorts?: number | undefined;
  /** Month offsets shown, 0 … maxOffsets − 1 (default 12). */
  readonly maxOffsets?: number | undefined;
}

/**
 * The monthly cohort table (customers measure, `return-on`) of the latest `maxCohorts`
 * cohorts, cut to `maxOffsets` offsets, with their customer-weighted average curve (the
 * curve averages only the cohorts shown, and only those observed at each offset).
 */
export function cohortSection(ledger: Ledger, asOf: number, options: CohortSectionOptions = {}): ReportSection<CohortSection> {
  const maxCohorts = options.maxCohorts ?? 12;
  const maxOffsets = options.maxOffsets ?? 12;
  // Which cohorts there are, from their layout alone: the table (a pass over every purchase) is built once, for the cohorts shown.
  const read = readCohortOptions({ granularity: "month", asOf });
  const { bucket } = cohortLayout(ledger, read.granularity, read.weekStartsOn, read.asOf, read.from, read.to);
  if (bucket.length === 0) return { available: false, reason: "no customer has a complete month of activity before asOf" };
  const from = bucket.length > maxCohorts ? bucketIndexStart(bucket[bucket.length - maxCohorts]!, read.granularity, read.weekStartsOn) : undefined;
  const shown = cohortRetention(ledger, { granularity: "month", asOf, ...(from === undefined ? {} : { from }) });
  return {
    available: true,
    granularity: "month",
    maxCohorts,
    maxOffsets,
    totalCohorts: bucket.length,
    cohorts: shown.cohorts.map((row) => ({
      key: row.key,
      start: row.start,
      size: row.size,
      values: row.values.slice(0, maxOffsets),
      rates: row.rates.slice(0, maxOffsets),
    })),
    curve: shown.curve.slice(0, maxOffsets),
  };
}

import { compareIds } from "../core/compareIds";
import type { Decimal } from "../core/money";
import { RetentionOptionsError } from "../input/errors";
import type { MetricInput } from "../input/toLedger";
import { classifyDefections } from "./classifyDefections";
import { tallyReasons, type DefectionReasonRow } from "./tallyReasons";
import type { ClassifyDefectionsOptions, DefectionClassification } from "./types";

/** Options of `defectionReport`: classification options (needed for raw input) and the size of `topAtRisk`. */
export interface DefectionReportOptions extends Partial<ClassifyDefectionsOptions> {
  /** How many at-risk customers `topAtRisk` lists. Default 20. */
  readonly topAtRisk?: number | undefined;
}

/** Defections summed by status and reason, with the customers most worth saving. */
export interface DefectionReport {
  readonly customers: number;
  readonly active: number;
  readonly atRisk: number;
  readonly defected: number;
  /** defected ÷ customers; `null` without customers. */
  readonly defectionRate: number | null;
  /** Every reason with an at-risk or defected customer, by `unrealizedValue` descending. */
  readonly byReason: readonly DefectionReasonRow[];
  readonly unrealizedValue: Decimal;
  /** Sum of `valueAtRisk`. */
  readonly atRiskValue: Decimal;
  /** The at-risk customers with the most value at risk (ties by customer id). */
  readonly topAtRisk: readonly DefectionClassification[];
}

/**
 * Sums classifications by status and reason: which kind of defection hides the most
 * unrealized revenue, and which at-risk customers carry the most value.
 *
 * defectionRate = defected ÷ customers; shareOfDefected = reason's defected ÷ defected;
 * shareOfUnrealized = reason's unrealizedValue ÷ total unrealizedValue. Reichheld & Sasser
 * (1990), "Zero Defections", argue for exactly this tally: defections by cause, priced.
 *
 * @param classificationsOrInput - the array `classifyDefections` returned, or any input it accepts (an empty array is read as no classifications)
 * @param options - `asOf`, `rules`, `thresholds` (used with raw input) and `topAtRisk` (default 20)
 * @returns the counts, the rate, the reasons by unrealized value and the top at-risk customers
 * @throws {RetentionOptionsError} when raw input comes without `asOf`, or `topAtRisk` is not an integer ≥ 0
 * @throws {RetentionInputError} when a row of raw input is invalid
 * @example
 * // a: monthly orders of 100 until 2024-04-01; b: one order of 30 on 2024-01-10; c: 20 then a cancel.
 * defectionReport({ purchases, events: [{ customerId: "c", at: "2024-03-05", type: "cancel" }] }, { asOf: "2024-05-30" })
 * //=> { customers: 3, active: 0, atRisk: 1, defected: 2, defectionRate: 0.666…, unrealizedValue: 50, atRiskValue: 400,
 * //     byReason: [{ reason: "lapsed_first_time_buyer", customers: 1, shareOfDefected: 0.5, unrealizedValue: 30, shareOfUnrealized: 0.6, ... },
 * //                { reason: "cancelled", customers: 1, ... }, { reason: "no_repurchase", customers: 0, atRisk: 1, valueAtRisk: 400, ... }],
 * //     topAtRisk: [{ customerId: "a", reason: "no_repurchase", since: 2024-05-17T12:00Z, ... }] }
 */
export function defectionReport(
  classificationsOrInput: readonly DefectionClassification[] | MetricInput,
  options: DefectionReportOptions = {},
): DefectionReport {
  const top = options.topAtRisk ?? 20;
  if (!Number.isSafeInteger(top) || top < 0) {
    throw new RetentionOptionsError("topAtRisk", `expected an integer ≥ 0, found ${String(top)}`);
  }
  const rows = isClassifications(classificationsOrInput)
    ? classificationsOrInput
    : classifyDefections(classificationsOrInput, options as ClassifyDefectionsOptions);
  const tally = tallyReasons(rows);
  const byReason = tally.byReason.sort((a, b) => b.unrealizedValue.cmp(a.unrealizedValue) || b.customers - a.customers || compareIds(a.reason, b.reason));
  const atRiskRows = tally.atRiskRows.sort((a, b) => b.valueAtRisk.cmp(a.valueAtRisk) || compareIds(a.customerId, b.customerId));
  return {
    customers: rows.length,
    active: tally.active,
    atRisk: tally.atRisk,
    defected: tally.defected,
    defectionRate: rows.length === 0 ? null : tally.defected / rows.length,
    byReason,
    unrealizedValue: tally.unrealizedValue,
    atRiskValue: tally.atRiskValue,
    topAtRisk: atRiskRows.slice(0, top),
  };
}

function isClassifications(value: readonly DefectionClassification[] | MetricInput): value is readonly DefectionClassification[] {
  if (!Array.isArray(value)) return false;
  const first: unknown = value[0];
  return first === undefined || (typeof first === "object" && first !== null && "status" in first && "unrealizedValue" in first);
}

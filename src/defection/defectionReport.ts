import { integerOption } from "../input/optionReaders";
import { compareIds } from "../core/compareIds";
import { ZERO, unitsToDecimal, type Decimal } from "../core/money";
import { topRows } from "../core/topRows";
import type { Ledger } from "../input/ledger";
import { RetentionOptionsError } from "../input/errors";
import type { MetricInput } from "../input/toLedger";
import { ACTIVE, AT_RISK, classificationOf, DEFECTED, type ClassifiedColumns } from "./classifiedColumns";
import { classifyDefections } from "./classifyDefections";
import { ReasonTally, type DefectionReasonRow } from "./reasonTally";
import type { ClassifyDefectionsOptions, DefectionClassification } from "./types";
import { readOptions } from "../input/readOptions";

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
  options = readOptions(options, "defectionReport");
  const top = integerOption("topAtRisk", options.topAtRisk, { min: 0, max: Number.MAX_SAFE_INTEGER }, 20);
  const rows = isClassifications(classificationsOrInput)
    ? classificationsOrInput
    : classifyDefections(classificationsOrInput, options as ClassifyDefectionsOptions);
  const tally = new ReasonTally();
  const atRiskRows: DefectionClassification[] = [];
  for (const row of rows) {
    tally.add(row.status, row.reason, row.status === "defected" ? row.unrealizedValue : row.valueAtRisk);
    if (row.status === "at_risk") atRiskRows.push(row);
  }
  atRiskRows.sort((a, b) => b.valueAtRisk.cmp(a.valueAtRisk) || compareIds(a.customerId, b.customerId));
  return assembleReport(tally, rows.length, atRiskRows.slice(0, top));
}

/**
 * `defectionReport` of every customer classified in `columns` (internal): the same report,
 * built without an object per customer; only the `top` at-risk customers become objects.
 */
export function defectionReportOfColumns(ledger: Ledger, columns: ClassifiedColumns, top: number): DefectionReport {
  const { status, reason, reasons, annualUnits } = columns;
  // Per status and reason code: customers and summed value in integer units (exact: every
  // partial sum of a ledger's units is a safe integer), turned into Decimals once per reason.
  const customersBy = [new Uint32Array(reasons.length), new Uint32Array(reasons.length), new Uint32Array(reasons.length)];
  const unitsBy = [new Float64Array(reasons.length), new Float64Array(reasons.length), new Float64Array(reasons.length)];
  const atRiskRows = new Uint32Array(columns.count);
  let atRiskCount = 0;
  for (let c = 0; c < status.length; c++) {
    if (columns.classified[c] === 0) continue;
    const s = status[c]!;
    customersBy[s]![reason[c]!]!++;
    if (s !== ACTIVE) unitsBy[s]![reason[c]!]! += annualUnits[c]!;
    if (s === AT_RISK) atRiskRows[atRiskCount++] = c;
  }
  const tally = new ReasonTally();
  for (const [code, name] of reasons.entries()) {
    for (const [s, statusName] of [[ACTIVE, "active"], [DEFECTED, "defected"], [AT_RISK, "at_risk"]] as const) {
      const customers = customersBy[s]![code]!;
      if (customers > 0) tally.addGroup(statusName, name, customers, s === ACTIVE ? ZERO : unitsToDecimal(unitsBy[s]![code]!, ledger.moneyScale));
    }
  }
  const ids = ledger.customerIds;
  const atRisk = atRiskRows.subarray(0, atRiskCount);
  const ranked = topRows(atRisk.length, top, (x, y) => annualUnits[atRisk[y]!]! - annualUnits[atRisk[x]!]! || compareIds(ids[atRisk[x]!]!, ids[atRisk[y]!]!));
  return assembleReport(tally, columns.count, ranked.map((p) => classificationOf(ledger, columns, atRisk[p]!)));
}

function assembleReport(tally: ReasonTally, customers: number, topAtRisk: readonly DefectionClassification[]): DefectionReport {
  const byReason = tally.byReason().sort((a, b) => b.unrealizedValue.cmp(a.unrealizedValue) || b.customers - a.customers || compareIds(a.reason, b.reason));
  return {
    customers,
    active: tally.active,
    atRisk: tally.atRisk,
    defected: tally.defected,
    defectionRate: customers === 0 ? null : tally.defected / customers,
    byReason,
    unrealizedValue: tally.unrealizedValue,
    atRiskValue: tally.atRiskValue,
    topAtRisk,
  };
}

function isClassifications(value: readonly DefectionClassification[] | MetricInput): value is readonly DefectionClassification[] {
  if (!Array.isArray(value)) return false;
  const first: unknown = value[0];
  return value.length === 0 || (typeof first === "object" && first !== null && "status" in first && "unrealizedValue" in first);
}

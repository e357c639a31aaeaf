/**
 * Summary rows as the models read them (`readSummaryRows`), without zod: the zod schema of the
 * same rows, `SummaryRowSchema`, lives in `./summaryRows`, so that code which only computes
 * never loads zod.
 */
import { toPlainDecimalString } from "../core/plainDecimal";
import type { MoneyInput } from "../core/money";
import { IssueCollector, RetentionOptionsError, shapeError } from "../input/errors";
import { isBrandedResult } from "../core/resultBrand";
import { describeValue } from "../input/rowIssues";
import { summaryRowIssues } from "./summaryRowIssues";
import type { TimeUnit } from "./models/modelTypes";

/** A summary row as the models accept it (see `SummaryRowSchema` in `./summaryRows`, which accepts the same rows). */
export interface SummaryRowInput {
  readonly customerId?: string | undefined;
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  readonly monetaryValue?: MoneyInput | undefined;
  readonly weight?: number | undefined;
}

/** What the models accept: plain rows, or a `customerSummary` result (which carries its time unit). */
export type SummaryInput = readonly SummaryRowInput[] | { readonly customers: readonly SummaryRowInput[]; readonly timeUnit: TimeUnit };

/** Summary rows as columns; `monetary` is NaN where a row has none. */
export interface SummaryColumns {
  readonly count: number;
  readonly customerId: readonly (string | undefined)[];
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  readonly monetary: Float64Array;
  readonly weight: Float64Array;
  readonly timeUnit: TimeUnit | undefined;
}

/** A summary object's `timeUnit` must be one of `TIME_UNITS`; anything else is a shape error. */
function checkTimeUnit(timeUnit: unknown): void {
  if (typeof timeUnit === "string" && (TIME_UNITS as readonly string[]).includes(timeUnit)) return;
  throw shapeError(["summaries", "timeUnit"], "invalid_value", `expected one of ${TIME_UNITS.map((unit) => `"${unit}"`).join(", ")}, found ${describeValue(timeUnit)}`);
}

function quickValid(row: SummaryRowInput): boolean {
  if (typeof row !== "object" || row === null) return false;
  const { frequency: x, recency: tx, T } = row;
  if (!(Number.isSafeInteger(x) && x >= 0 && Number.isFinite(tx) && tx >= 0 && Number.isFinite(T) && tx <= T)) return false;
  if (x === 0 && tx !== 0) return false;
  if (row.weight !== undefined && !(Number.isFinite(row.weight) && row.weight > 0)) return false;
  if (row.customerId !== undefined && typeof row.customerId !== "string") return false;
  return row.monetaryValue === undefined || toPlainDecimalString(row.monetaryValue) !== null;
}

/** The time units a summary may carry. */
const TIME_UNITS: readonly TimeUnit[] = ["day", "week", "month", "quarter", "year", "period"];

/**
 * Columns already read from a branded summary. The summary is frozen, so its columns never
 * change: `fitBgNbd`, `fitGammaGamma` and `predictClv` on one summary read it once.
 */
const readBranded = new WeakMap<object, SummaryColumns>();

/**
 * Reads and validates summary rows into columns. A `customerSummary` or
 * `calibrationHoldoutSummary` result, recognised by its brand and still frozen, is trusted
 * (and read once: later calls return the same columns, which callers only read);
 * anything else, plain rows or a `{ customers, timeUnit }` object made elsewhere, is checked
 * row by row with the same checks (a fast check, then the hand-written explanation for the rows
 * that fail it), and its `timeUnit` must be one of the library's time units.
 *
 * @throws {RetentionInputError} naming each bad row's index and field, or a bad `timeUnit`
 * @throws {RetentionOptionsError} when `input` is neither rows nor a summary
 */
export function readSummaryRows(input: SummaryInput, fn: string): SummaryColumns {
  if (typeof input !== "object" || input === null) throw new RetentionOptionsError("summaries", `${fn} expects summary rows or a customerSummary result`);
  const isSummary = !Array.isArray(input);
  const rows: readonly SummaryRowInput[] = isSummary ? (input as { customers: readonly SummaryRowInput[] }).customers : (input as readonly SummaryRowInput[]);
  if (!Array.isArray(rows)) throw new RetentionOptionsError("summaries", `${fn} expects summary rows or a customerSummary result`);
  const branded = isBrandedResult(input, ["customerSummary", "calibrationHoldoutSummary"]);
  if (branded) {
    const known = readBranded.get(input);
    if (known !== undefined) return known;
  } else {
    if (isSummary) checkTimeUnit((input as { timeUnit?: unknown }).timeUnit);
    const issues = new IssueCollector();
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index]!;
      if (quickValid(row)) continue;
      for (const issue of summaryRowIssues(row)) {
        issues.add({ index, path: ["summaries", ...issue.path], code: issue.code, message: issue.message });
      }
    }
    issues.throwIfAny();
  }
  const n = rows.length;
  const columns = {
    count: n,
    customerId: new Array<string | undefined>(n),
    frequency: new Float64Array(n),
    recency: new Float64Array(n),
    T: new Float64Array(n),
    monetary: new Float64Array(n),
    weight: new Float64Array(n),
    timeUnit: isSummary ? (input as { timeUnit: TimeUnit }).timeUnit : undefined,
  };
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    columns.customerId[i] = row.customerId;
    columns.frequency[i] = row.frequency;
    columns.recency[i] = row.recency;
    columns.T[i] = row.T;
    columns.monetary[i] = row.monetaryValue === undefined ? Number.NaN : Number(toPlainDecimalString(row.monetaryValue));
    columns.weight[i] = row.weight ?? 1;
  }
  if (branded) readBranded.set(input, columns);
  return columns;
}

import { IssueCollector, RetentionOptionsError } from "../../input/errors";
import { isRowObject, receivedType } from "../../input/rowIssues";
import { printValue } from "../../input/describeValue";
import { gather, mergeIdenticalRows } from "./mergeIdentical";

/**
 * One customer (or `weight` identical customers) of a discrete-time model: `frequency`
 * transactions in the `periods` opportunities after the first, the last at opportunity
 * `recency` (0 when frequency is 0). A row of `donations.csv`, or of a
 * `customerSummary(…, { timeUnit: "period" })` result.
 */
export interface DiscreteHistoryRow {
  readonly customerId?: string | undefined;
  readonly frequency: number;
  readonly recency: number;
  readonly periods: number;
  /** How many identical customers the row stands for; default 1. */
  readonly weight?: number | undefined;
}

/** What `fitBetaGeometricBetaBinomial` reads: rows, or a summary object holding them in `customers`. */
export type DiscreteHistoryInput = readonly DiscreteHistoryRow[] | { readonly customers: readonly DiscreteHistoryRow[] };

/** Discrete histories as columns. */
export interface DiscreteHistoryColumns {
  readonly count: number;
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly periods: Float64Array;
  readonly weight: Float64Array;
}

/** Why `value` is not a whole count of opportunities for `field`, or null when it is one. */
const wholeCountIssue = (field: string, value: unknown): string | null => {
  if (typeof value !== "number" || !Number.isFinite(value)) return `expected a whole number ≥ 0, received ${receivedType(value)}`;
  if (!Number.isSafeInteger(value) || value < 0) return `expected a whole number ≥ 0 (a count of opportunities), found ${printValue(value)} for ${field}`;
  return null;
};

/**
 * What is wrong with one discrete history (`[]` when nothing): whole numbers ≥ 0;
 * recency ≤ periods; frequency ≤ recency (one transaction per opportunity at most, the last
 * at opportunity recency); recency 0 exactly when frequency is 0; a weight > 0 when given.
 */
export function discreteHistoryIssues(row: unknown): { path: string[]; code: string; message: string }[] {
  if (!isRowObject(row)) return [{ path: [], code: "invalid_type", message: `Invalid input: expected object, received ${receivedType(row)}` }];
  const issues: { path: string[]; code: string; message: string }[] = [];
  for (const field of ["frequency", "recency", "periods"]) {
    const problem = wholeCountIssue(field, row[field]);
    if (problem !== null) issues.push({ path: [field], code: "invalid_type", message: problem });
  }
  const weight = row["weight"];
  if (weight !== undefined && !(typeof weight === "number" && Number.isFinite(weight) && weight > 0)) {
    issues.push({ path: ["weight"], code: "too_small", message: `expected a finite number > 0, found ${printValue(weight)}` });
  }
  const id = row["customerId"];
  if (id !== undefined && typeof id !== "string") issues.push({ path: ["customerId"], code: "invalid_type", message: `expected a string, received ${receivedType(id)}` });
  if (issues.length > 0) return issues;
  const { frequency: x, recency: tx, periods: n } = row as { frequency: number; recency: number; periods: number };
  if (tx > n) issues.push({ path: ["recency"], code: "custom", message: `expected recency (the opportunity of the last transaction) ≤ periods = ${n}, found ${tx}` });
  if (x > tx) issues.push({ path: ["frequency"], code: "custom", message: `expected frequency ≤ recency = ${tx} (at most one transaction per opportunity, the last at opportunity recency), found ${x}` });
  if (x === 0 && tx !== 0) issues.push({ path: ["recency"], code: "custom", message: `expected recency 0 when frequency is 0, found ${tx}` });
  return issues;
}

/** A row that passes every check of `discreteHistoryIssues`, tested without building messages. */
function quickValid(row: DiscreteHistoryRow): boolean {
  if (typeof row !== "object" || row === null) return false;
  const { frequency: x, recency: tx, periods: n, weight, customerId } = row;
  if (!(Number.isSafeInteger(x) && Number.isSafeInteger(tx) && Number.isSafeInteger(n) && x >= 0 && x <= tx && tx <= n)) return false;
  if ((x === 0) !== (tx === 0)) return false;
  if (weight !== undefined && !(Number.isFinite(weight) && weight > 0)) return false;
  return customerId === undefined || typeof customerId === "string";
}

/**
 * Reads discrete histories into columns, checking every row; `-0` reads as 0.
 *
 * @throws {RetentionInputError} naming each bad row's index and field
 * @throws {RetentionOptionsError} (option `rows`) when the input is neither rows nor `{ customers }`
 */
export function readDiscreteHistories(input: DiscreteHistoryInput, fn: string): DiscreteHistoryColumns {
  const rows: unknown = Array.isArray(input) ? input : typeof input === "object" && input !== null ? (input as { customers?: unknown }).customers : undefined;
  if (!Array.isArray(rows)) {
    throw new RetentionOptionsError("rows", `${fn} expects rows { frequency, recency, periods, weight? } or a customerSummary(…, { timeUnit: "period" }) result, found ${printValue(input)}`);
  }
  const list = rows as readonly DiscreteHistoryRow[];
  const issues = new IssueCollector();
  for (let index = 0; index < list.length; index++) {
    if (quickValid(list[index]!)) continue;
    for (const issue of discreteHistoryIssues(list[index])) issues.add({ index, path: ["rows", ...issue.path], code: issue.code, message: issue.message });
  }
  issues.throwIfAny();
  const count = list.length;
  const columns = { count, frequency: new Float64Array(count), recency: new Float64Array(count), periods: new Float64Array(count), weight: new Float64Array(count) };
  for (let i = 0; i < count; i++) {
    const row = list[i]!;
    columns.frequency[i] = row.frequency + 0;
    columns.recency[i] = row.recency + 0;
    columns.periods[i] = row.periods + 0;
    columns.weight[i] = row.weight ?? 1;
  }
  return columns;
}

/**
 * Checks one customer's discrete history for a prediction (the same checks as a row).
 *
 * @throws {RetentionOptionsError} (option `customer`) saying what is wrong
 */
export function readDiscreteCustomer(customer: unknown, fn: string): { frequency: number; recency: number; periods: number } {
  const issues = discreteHistoryIssues(customer);
  if (issues.length > 0) {
    throw new RetentionOptionsError("customer", `${fn} expects { frequency, recency, periods } as whole opportunities (recency ≤ periods, frequency ≤ recency, recency 0 exactly when frequency is 0): ${issues.map((issue) => `${issue.path.join(".") || "customer"}: ${issue.message}`).join("; ")}`);
  }
  const { frequency, recency, periods } = customer as { frequency: number; recency: number; periods: number };
  return { frequency: frequency + 0, recency: recency + 0, periods: periods + 0 };
}

/**
 * Checks a whole number of opportunities ≥ 0 (a horizon), at most `max`.
 *
 * @throws {RetentionOptionsError} naming `name`
 */
export function readOpportunities(name: string, value: unknown, fn: string, max: number = Number.MAX_SAFE_INTEGER): number {
  if (!(typeof value === "number" && Number.isSafeInteger(value) && value >= 0 && value <= max)) {
    throw new RetentionOptionsError(name, `${fn} expects a whole number of opportunities from 0 to ${max} for a BG/BB model, found ${printValue(value)}`);
  }
  return value + 0;
}

/** Distinct (x, tₓ, n) histories with the summed weight of the customers each stands for. */
export interface DiscreteHistories {
  readonly count: number;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly n: Float64Array;
  readonly weight: Float64Array;
  readonly totalWeight: number;
}

/**
 * Merges identical (frequency, recency, periods) rows, summing their weights in the rows' order;
 * ascending by (periods, recency, frequency) whatever the rows' order. When the patterns fit a
 * small dense grid (every periods ≤ p with (p+1)³ cells at most twice the rows, or 65,536), one
 * pass adds each row's weight into its cell; otherwise `mergeIdenticalRows` sorts them.
 */
export function mergeDiscreteHistories(rows: DiscreteHistoryColumns): DiscreteHistories {
  let maxN = 0;
  let totalWeight = 0;
  for (let i = 0; i < rows.count; i++) {
    if (rows.periods[i]! > maxN) maxN = rows.periods[i]!;
    totalWeight += rows.weight[i]!;
  }
  const side = maxN + 1;
  if (side * side * side <= Math.max(65_536, 2 * rows.count)) return mergeOnGrid(rows, side, totalWeight);
  const kept = new Uint32Array(rows.count);
  for (let i = 0; i < rows.count; i++) kept[i] = i;
  const { first, weight } = mergeIdenticalRows(kept, [rows.periods, rows.recency, rows.frequency], rows.weight);
  return { count: first.length, x: gather(rows.frequency, first), tx: gather(rows.recency, first), n: gather(rows.periods, first), weight, totalWeight };
}

/** The dense-grid merge: cell (n·side + tₓ)·side + x holds the summed weight (and a count, so weight-0 cells are not lost). */
function mergeOnGrid(rows: DiscreteHistoryColumns, side: number, totalWeight: number): DiscreteHistories {
  const cells = side * side * side;
  const sums = new Float64Array(cells);
  const seen = new Uint8Array(cells);
  for (let i = 0; i < rows.count; i++) {
    const cell = (rows.periods[i]! * side + rows.recency[i]!) * side + rows.frequency[i]!;
    sums[cell]! += rows.weight[i]!;
    seen[cell] = 1;
  }
  let count = 0;
  for (let cell = 0; cell < cells; cell++) count += seen[cell]!;
  const out = { count, x: new Float64Array(count), tx: new Float64Array(count), n: new Float64Array(count), weight: new Float64Array(count), totalWeight };
  let k = 0;
  for (let cell = 0; cell < cells; cell++) {
    if (seen[cell] === 0) continue;
    out.x[k] = cell % side;
    out.tx[k] = Math.floor(cell / side) % side;
    out.n[k] = Math.floor(cell / (side * side));
    out.weight[k++] = sums[cell]!;
  }
  return out;
}

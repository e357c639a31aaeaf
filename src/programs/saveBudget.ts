import { Decimal, ZERO, type MoneyInput } from "../core/money";
import type { HistoricalClv } from "../clv/historicalClv";
import type { PredictClvResult } from "../clv/models/predictClv";
import { decimalOption } from "../clv/readMoneyOption";
import type { DefectionReport } from "../defection/defectionReport";
import { describeValue } from "../input/describeValue";
import { RetentionOptionsError } from "../input/errors";
import { numberOption } from "../input/optionReaders";
import { readOptions } from "../input/readOptions";

/** What `saveBudget` values: one amount, or the per-customer results of `predictClv`, `historicalClv` or `defectionReport`. */
export type SaveBudgetValues = MoneyInput | PredictClvResult | HistoricalClv | DefectionReport;

/** Options of `saveBudget`. */
export interface SaveBudgetOptions {
  /** The value of a customer (money), or a `predictClv`, `historicalClv` or `defectionReport` result. */
  readonly clv: SaveBudgetValues;
  /** Share of the customers a save attempt keeps, in [0, 1]. */
  readonly saveRate: number;
  /** Share of the value that is margin, in [0, 1]; default 1 (the value is margin already). */
  readonly margin?: number | undefined;
}

/** One customer's budget. */
export interface SaveBudgetRow {
  readonly customerId: string | null;
  /** The customer's value as the source gives it; `null` where the source has none (predictClv with q ≤ 1). */
  readonly value: Decimal | null;
  /** max(0, value × margin): the most a successful save may cost. */
  readonly perSave: Decimal | null;
  /** perSave × saveRate: the most worth spending on each customer an attempt targets. */
  readonly perAttempt: Decimal | null;
}

/** The most it is worth spending to save customers, with the figures it came from. */
export interface SaveBudget {
  /** Where the values came from: `value` (one amount), `predictClv`, `historicalClv` (revenue) or `defectionReport` (value at risk). */
  readonly source: "value" | "predictClv" | "historicalClv" | "defectionReport";
  readonly saveRate: number;
  readonly margin: number;
  /** Customers valued (one for a single amount; for `defectionReport`, its at-risk customers). */
  readonly customers: number;
  /** Customers the source gives no value for (left out of the sums). */
  readonly unvalued: number;
  /** Σ value of the valued customers (for `defectionReport`: `atRiskValue`). */
  readonly value: Decimal;
  /** Σ perSave. */
  readonly perSave: Decimal;
  /** Σ perAttempt: the budget for an attempt on every customer. */
  readonly perAttempt: Decimal;
  /** Per customer (`defectionReport`: its `topAtRisk` list; a single amount: empty). */
  readonly rows: readonly SaveBudgetRow[];
}

interface Valued {
  readonly source: SaveBudget["source"];
  readonly rows: readonly { readonly customerId: string | null; readonly value: Decimal | null }[];
  /** The total to budget from when it covers more than the rows (the defection report's at-risk value). */
  readonly total: Decimal | null;
  readonly customers: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Decimal.isDecimal(value);
}

function readValues(clv: unknown): Valued {
  if (isObject(clv) && Array.isArray(clv.topAtRisk) && Decimal.isDecimal(clv.atRiskValue) && typeof clv.atRisk === "number") {
    const report = clv as unknown as DefectionReport;
    return { source: "defectionReport", rows: report.topAtRisk.map((row) => ({ customerId: row.customerId, value: row.valueAtRisk })), total: report.atRiskValue, customers: report.atRisk };
  }
  if (isObject(clv) && Array.isArray(clv.customers) && typeof clv.horizon === "number") {
    const rows = (clv as unknown as PredictClvResult).customers.map((row) => ({ customerId: row.customerId, value: row.clv }));
    return { source: "predictClv", rows, total: null, customers: rows.length };
  }
  if (isObject(clv) && Array.isArray(clv.customers) && clv.asOf instanceof Date) {
    const rows = (clv as unknown as HistoricalClv).customers.map((row) => ({ customerId: row.customerId, value: row.revenue }));
    return { source: "historicalClv", rows, total: null, customers: rows.length };
  }
  if (isObject(clv)) {
    throw new RetentionOptionsError("clv", `saveBudget expects an amount or a predictClv, historicalClv or defectionReport result, found ${describeValue(clv)}`);
  }
  return { source: "value", rows: [{ customerId: null, value: decimalOption("clv", clv as MoneyInput) }], total: null, customers: 1 };
}

const floorZero = (value: Decimal): Decimal => (value.isNegative() ? ZERO : value);

/**
 * The most it is worth spending to save a customer of a given value.
 *
 * perSave = max(0, value × margin): a save that costs more than the margin it keeps loses
 * money. perAttempt = perSave × saveRate: the break-even spend per targeted customer when an
 * attempt keeps `saveRate` of them (Reichheld & Sasser 1990 and Gupta & Lehmann 2005 weigh a
 * customer's value against the cost of cutting defections; docs/programs.md, "Save budget").
 * `margin` turns a revenue value (predictClv, historicalClv's revenue, value at risk) into
 * margin; leave it at 1 when the value is margin already. For a defection report the totals
 * use its `atRiskValue` (every at-risk customer) and `rows` its `topAtRisk` list.
 *
 * @param options - `clv` (an amount or a result), `saveRate` and `margin` in [0, 1]
 * @returns per customer and total budgets, with the counts, rate and margin used
 * @throws {RetentionOptionsError} when `clv` is neither an amount nor a supported result, or a rate is outside [0, 1]
 * @example
 * saveBudget({ clv: "500", saveRate: 0.3, margin: 0.4 })
 * //=> { source: "value", value: Decimal("500"), perSave: Decimal("200"), perAttempt: Decimal("60"), customers: 1, ... }
 */
export function saveBudget(options: SaveBudgetOptions): SaveBudget {
  options = readOptions(options, "saveBudget");
  if (options.saveRate === undefined) throw new RetentionOptionsError("saveRate", "saveBudget needs saveRate, a number in [0, 1]");
  const saveRate = new Decimal(numberOption("saveRate", options.saveRate, { min: 0, max: 1 }, 0));
  const margin = new Decimal(numberOption("margin", options.margin, { min: 0, max: 1 }, 1));
  const valued = readValues(options.clv);
  let value = ZERO;
  let perSave = ZERO;
  let unvalued = 0;
  const rows = valued.rows.map((row) => {
    if (row.value === null) {
      unvalued++;
      return { customerId: row.customerId, value: null, perSave: null, perAttempt: null };
    }
    const save = floorZero(row.value.times(margin));
    value = value.plus(row.value);
    perSave = perSave.plus(save);
    return { customerId: row.customerId, value: row.value, perSave: save, perAttempt: save.times(saveRate) };
  });
  if (valued.total !== null) {
    value = valued.total;
    perSave = floorZero(valued.total.times(margin));
  }
  return {
    source: valued.source,
    saveRate: saveRate.toNumber(),
    margin: margin.toNumber(),
    customers: valued.customers - unvalued,
    unvalued,
    value,
    perSave,
    perAttempt: perSave.times(saveRate),
    rows: valued.source === "value" ? [] : rows,
  };
}

import { readOptions } from "../input/readOptions";
import { integerOption, numberOption } from "../input/optionReaders";
import { RetentionOptionsError } from "../input/errors";
import { readModel } from "../clv/models/readModel";
import type { TransactionModel } from "../clv/models/modelTypes";
import { TRANSACTION_MODELS } from "../clv/models/modelTypes";
import { describeValue, printValue } from "../input/describeValue";

/** Options of the matrix charts (`frequencyRecencyChart`, `probabilityAliveMatrixChart`). */
export interface ModelGridOptions {
  /** Highest frequency (repeat purchases) on the x axis, a whole number from 1 to 200; the grid has 0 … maxFrequency. */
  readonly maxFrequency: number;
  /** Highest recency on the y axis, a whole number from 1 to 200 in the model's time unit; the grid has 0 … maxRecency. */
  readonly maxRecency: number;
  /** Every cell's customer age T (first purchase → end of observation); default `maxRecency`, as lifetimes' plots use. At least `maxRecency`. */
  readonly T?: number | undefined;
}

/** The largest frequency or recency a matrix chart draws: 201 × 201 cells at most. */
export const MAX_GRID_SIDE = 200;

/** A checked grid: its sides and the age every cell shares. */
export interface ModelGrid {
  readonly model: TransactionModel;
  readonly maxFrequency: number;
  readonly maxRecency: number;
  readonly T: number;
}

/**
 * Checks a matrix chart's model and grid options: a BG/NBD, MBG/NBD or Pareto/NBD model, whole
 * `maxFrequency` and `maxRecency` from 1 to 200, and `T ≥ maxRecency`.
 *
 * @example
 * readModelGrid(bgNbd, { maxFrequency: 39, maxRecency: 39 }, "frequencyRecencyChart").T //=> 39
 */
export function readModelGrid(model: TransactionModel, options: ModelGridOptions, fn: string): ModelGrid {
  const checked = readChartModel<TransactionModel>(model, TRANSACTION_MODELS, fn);
  const o = readOptions(options, fn);
  for (const name of ["maxFrequency", "maxRecency"] as const) {
    if (o[name] === undefined) throw new RetentionOptionsError(name, `${fn} expects ${name}, a whole number from 1 to ${MAX_GRID_SIDE}, found undefined`);
  }
  const maxFrequency = integerOption("maxFrequency", o.maxFrequency, { min: 1, max: MAX_GRID_SIDE }, 1);
  const maxRecency = integerOption("maxRecency", o.maxRecency, { min: 1, max: MAX_GRID_SIDE }, 1);
  const T = numberOption("T", o.T, { min: 0, max: 1e6 }, maxRecency);
  if (T < maxRecency) throw new RetentionOptionsError("T", `${fn} expects T ≥ maxRecency (${maxRecency}), since recency cannot exceed T; found ${printValue(T)}`);
  return { model: checked, maxFrequency, maxRecency, T };
}

const TIME_UNITS: readonly string[] = ["day", "week", "month", "quarter", "year", "period"];

/**
 * `readModel` for a chart, which also writes the model's name and time unit into its text:
 * `model` must name a model and carry one of the library's time units.
 *
 * @example
 * readChartModel({ ...bgNbd, timeUnit: 3 }, ["bg-nbd"], "periodTransactionsChart") // throws RetentionOptionsError (model)
 */
export function readChartModel<M extends TransactionModel>(model: M, allowed: readonly M["model"][], fn: string): M {
  const kind = typeof model === "object" && model !== null ? (model as { model?: unknown }).model : undefined;
  if (typeof kind !== "string") throw new RetentionOptionsError("model", `${fn} expects a ${allowed.join(" or ")} model, found ${describeValue(model)}`);
  const checked = readModel<M>(model, allowed, fn);
  if (!TIME_UNITS.includes(checked.timeUnit as string)) throw new RetentionOptionsError("model", `${fn}: expected the model's timeUnit to be one of ${TIME_UNITS.join(", ")}, found ${describeValue(checked.timeUnit)}`);
  return checked;
}

/**
 * The grid's cells, frequency-major: `cell(x, tₓ)` for x = 0 … maxFrequency and tₓ = 0 …
 * maxRecency, at the grid's T. A customer with no repeat purchase has recency 0 by
 * definition, so the cells (0, tₓ > 0) are histories that cannot happen and are left out.
 */
export function gridValues(grid: ModelGrid, cell: (frequency: number, recency: number) => number): { frequency: number; recency: number; value: number }[] {
  const values: { frequency: number; recency: number; value: number }[] = [];
  for (let x = 0; x <= grid.maxFrequency; x++) {
    for (let tx = 0; tx <= grid.maxRecency; tx++) {
      if (x === 0 && tx > 0) continue;
      values.push({ frequency: x, recency: tx, value: cell(x, tx) });
    }
  }
  return values;
}

import type { DateInput } from "../core/time";
import type { MoneyInput } from "../core/money";
import type { SurveyKind } from "./surveyKinds";
import { describeValue } from "./describeValue";
import { shapeError } from "./errors";
import { readArrowColumn } from "./arrowColumn";
import type { Cells } from "./encodedCells";
import { FIELDS, type CollectionName, type FieldSpec } from "./fieldSpecs";
import { suggestName } from "../core/suggest";
import { tableColumnNames, type ArrowTableLike } from "./tableLike";

/** Typed arrays a numeric column may be. */
export type NumericColumn = Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;

/** A column of values: a plain array, or for numbers a typed array. */
export type ValueColumn<T> = readonly T[] | (number extends T ? NumericColumn : never);

/** Purchases as equal-length columns; the optional columns may hold `undefined` where a row has no value. */
export interface PurchaseColumnInput {
  readonly customerId: readonly string[];
  readonly at: ValueColumn<DateInput>;
  readonly amount: ValueColumn<MoneyInput>;
  readonly orderId?: readonly (string | undefined)[] | undefined;
  readonly cost?: ValueColumn<MoneyInput | undefined> | undefined;
  readonly quantity?: ValueColumn<number | undefined> | undefined;
  readonly currency?: readonly (string | undefined)[] | undefined;
  readonly category?: readonly (string | undefined)[] | undefined;
}

/** Customer events as equal-length columns. */
export interface EventColumnInput {
  readonly customerId: readonly string[];
  readonly at: ValueColumn<DateInput>;
  readonly type: readonly string[];
  /** Points of `points_earned`, `points_redeemed` and `points_expired` rows; `undefined` on other rows. */
  readonly points?: ValueColumn<number | undefined> | undefined;
}

/** Survey responses as equal-length columns. */
export interface SurveyColumnInput {
  readonly customerId?: readonly (string | undefined)[] | undefined;
  readonly at: ValueColumn<DateInput>;
  readonly score: ValueColumn<number>;
  readonly segment?: readonly (string | undefined)[] | undefined;
  /** `"nps"` (the default where a cell is `undefined`), `"csat"` or `"ces"`. */
  readonly kind?: readonly (SurveyKind | undefined)[] | undefined;
}

/** Retention costs as equal-length columns; the optional columns may hold `undefined` where a row has none. */
export interface CostColumnInput {
  readonly at: ValueColumn<DateInput>;
  readonly amount: ValueColumn<MoneyInput>;
  readonly customerId?: readonly (string | undefined)[] | undefined;
  readonly program?: readonly (string | undefined)[] | undefined;
  readonly channel?: readonly (string | undefined)[] | undefined;
  readonly currency?: readonly (string | undefined)[] | undefined;
}

/** A collection's columns, read and checked: the cells of each field present (read them with `cellAt`), all `length` long. */
export interface CheckedColumns {
  readonly length: number;
  readonly cells: ReadonlyMap<string, Cells>;
}

const NUMERIC_KINDS = new Set(["time", "money", "number"]);

/**
 * Checks an object of columns: every required column is there, each is an array (or, for
 * times, money and numbers, a typed array), and all have the same length. Cell values are
 * checked later, row by row, by the same checks as row input. Other keys are ignored, as
 * extra fields of a row are.
 *
 * @throws {RetentionInputError} naming the column (index -1) that is missing, of the wrong type or length
 */
export function checkColumnObject(columns: Readonly<Record<string, unknown>>, collection: CollectionName): CheckedColumns {
  const cells = new Map<string, ArrayLike<unknown>>();
  let length = -1;
  let lengthFrom = "";
  for (const field of FIELDS[collection]) {
    const column = Object.hasOwn(columns, field.name) ? columns[field.name] : undefined;
    if (column === undefined) {
      if (field.required) throw missingColumn(collection, field, Object.keys(columns));
      continue;
    }
    const isTyped = ArrayBuffer.isView(column) && !(column instanceof DataView) && !(column instanceof BigInt64Array) && !(column instanceof BigUint64Array);
    if (!Array.isArray(column) && !(isTyped && NUMERIC_KINDS.has(field.kind))) {
      const expected = NUMERIC_KINDS.has(field.kind) ? "an array or a numeric typed array" : "an array of strings";
      throw shapeError([collection, field.name], "invalid_column_type", `expected ${expected}, found ${describeValue(column)}`);
    }
    const values = column as ArrayLike<unknown>;
    if (length < 0) {
      length = values.length;
      lengthFrom = field.name;
    } else if (values.length !== length) {
      throw shapeError([collection, field.name], "column_length", `column has ${values.length} values, expected ${length} (the length of ${lengthFrom})`);
    }
    cells.set(field.name, values);
  }
  return { length: Math.max(length, 0), cells };
}

/**
 * Reads the fields of a collection from an Arrow-like table (`getChild(name)` per field);
 * columns the table has beyond those are ignored.
 *
 * @throws {RetentionInputError} naming a required column that is missing, or a column of a type that cannot hold its field
 */
export function readTableColumns(table: ArrowTableLike, collection: CollectionName): CheckedColumns {
  const length = table.numRows;
  if (!Number.isSafeInteger(length) || length < 0) {
    throw shapeError([collection], "invalid_table", `expected a table with a whole numRows, found numRows ${String(length)}`);
  }
  const cells = new Map<string, Cells>();
  for (const field of FIELDS[collection]) {
    const vector = table.getChild(field.name);
    if (vector === null || vector === undefined) {
      if (field.required) throw missingColumn(collection, field, tableColumnNames(table));
      continue;
    }
    if (typeof vector.toArray !== "function" || typeof vector.length !== "number") {
      throw shapeError([collection, field.name], "invalid_column_type", `expected an Arrow vector with length and toArray(), found ${describeValue(vector)}`);
    }
    if (vector.length !== length) {
      throw shapeError([collection, field.name], "column_length", `column has ${vector.length} values, expected the table's ${length} rows`);
    }
    cells.set(field.name, readArrowColumn(vector, field, collection));
  }
  return { length, cells };
}

function missingColumn(collection: CollectionName, field: FieldSpec, present: readonly string[]) {
  const near = suggestName(field.name, present.filter((name) => !FIELDS[collection].some((known) => known.name === name)));
  const hint = near === null ? "" : `; found ${JSON.stringify(near)}: did you mean ${JSON.stringify(field.name)}?`;
  return shapeError([collection, field.name], "missing_column", `missing required column ${JSON.stringify(field.name)}${hint}`);
}

import { checkColumnObject, readTableColumns, type CheckedColumns } from "./columnInput";
import { describeValue, isPlainObject } from "./describeValue";
import { shapeError } from "./errors";
import { COLLECTIONS, type CollectionName } from "./fieldSpecs";
import { unknownKeyMessage } from "./suggestKey";
import { isTableLike } from "./tableLike";

/** One collection as given: rows to validate one by one, or checked columns. */
export type CollectionSource =
  | { readonly kind: "rows"; readonly rows: readonly unknown[] }
  | { readonly kind: "columns"; readonly columns: CheckedColumns };

/** The collections of an input, each `null` when absent. */
export type LedgerSources = Readonly<Record<CollectionName, CollectionSource | null>>;

const EXPECTED_INPUT = "an array of rows, an Arrow table, { purchases, events, surveys, costs } or a Ledger";

/**
 * Sorts any input into its collections. A bare array or table is the `primary` collection
 * (purchases for metrics, surveys for NPS); a plain object holds `purchases`, `events`,
 * `surveys` and `costs`, each rows, columns or a table. Everything else is refused.
 *
 * @throws {RetentionInputError} for null, undefined, numbers, strings, booleans, functions, Maps,
 *   Sets and other class instances, unknown keys (with the nearest known one), and column problems
 */
export function readLedgerSources(input: unknown, primary: CollectionName): LedgerSources {
  const sources: Record<CollectionName, CollectionSource | null> = { purchases: null, events: null, surveys: null, costs: null };
  if (Array.isArray(input) || isTableLike(input)) {
    sources[primary] = readCollection(input, primary);
    return sources;
  }
  if (!isPlainObject(input)) {
    throw shapeError([], "invalid_input", `expected ${EXPECTED_INPUT}, found ${describeValue(input)}`);
  }
  for (const key of Object.keys(input)) {
    if (!(COLLECTIONS as readonly string[]).includes(key)) throw shapeError([], "unknown_key", unknownKeyMessage("key", key, COLLECTIONS));
  }
  for (const name of COLLECTIONS) {
    const value = Object.hasOwn(input, name) ? input[name] : undefined;
    sources[name] = value === undefined ? null : readCollection(value, name);
  }
  return sources;
}

/** Rows (an array), columns (a plain object of arrays) or a table, for one collection. */
function readCollection(value: unknown, name: CollectionName): CollectionSource {
  if (Array.isArray(value)) return { kind: "rows", rows: value };
  if (isTableLike(value)) return { kind: "columns", columns: readTableColumns(value, name) };
  if (isPlainObject(value)) return { kind: "columns", columns: checkColumnObject(value, name) };
  throw shapeError([name], "invalid_collection", `expected an array of rows, an object of columns or an Arrow table, found ${describeValue(value)}`);
}

/** Number of records in a source (0 when absent), for allocating columns once. */
export function sourceLength(source: CollectionSource | null): number {
  if (source === null) return 0;
  return source.kind === "rows" ? source.rows.length : source.columns.length;
}

import type { DateInput } from "../core/time";
import { toEpochMs } from "../core/time";
import { printValue } from "../input/describeValue";
import { RetentionOptionsError } from "../input/errors";
import { readOptions } from "../input/readOptions";
import { unknownKeyMessage } from "../input/suggestKey";
import { readDialect, type SqlDialect } from "./dialect";
import { quoteIdentifier, tableReference } from "./identifiers";

/** Column names of the purchases table; each defaults to the name shown. */
export interface SqlPurchaseColumns {
  /** Customer id, any type the engine compares for equality (default `customer_id`). */
  readonly customerId?: string | undefined;
  /** Purchase instant, a zone-less TIMESTAMP holding UTC (default `purchased_at`). */
  readonly date?: string | undefined;
  /** Amount, an exact DECIMAL; refunds negative (default `amount`). */
  readonly amount?: string | undefined;
}

/** Where the purchases are: every `…Sql` function over purchases takes these options. */
export interface SqlSourceOptions {
  /** The engine whose dialect to write. */
  readonly dialect: SqlDialect;
  /** The purchases table: a name, or a path such as `["analytics", "orders"]`. */
  readonly table: string | readonly string[];
  /** Its column names, when they differ from the defaults. */
  readonly columns?: SqlPurchaseColumns | undefined;
}

/** The source options, checked, with every name quoted for the dialect. */
export interface SqlSource {
  readonly dialect: SqlDialect;
  readonly table: string;
  readonly customerId: string;
  readonly date: string;
  readonly amount: string;
}

const SOURCE_KEYS = ["dialect", "table", "columns"] as const;

/** A table source read: its dialect, its quoted table, and each column's quoted name (`null`: not given, no default). */
export interface TableSource<K extends string> {
  readonly dialect: SqlDialect;
  readonly table: string;
  readonly columns: Readonly<Record<K, string | null>>;
}

/**
 * Reads the options of a `…Sql` function over one table: a plain object holding only
 * `SOURCE_KEYS` and the function's own `keys` (a misspelled key is a `RetentionOptionsError`
 * with a suggestion), the dialect, the table, and the `columns` object, whose keys are those of
 * `defaults`; each column is the given name or its default, quoted (`null` when neither).
 *
 * @example
 * readTableSource({ dialect: "duckdb", table: "t" }, "f", [], { id: "customer_id", segment: null }).columns
 * //=> { id: '"customer_id"', segment: null }
 */
export function readTableSource<K extends string>(options: object, functionName: string, keys: readonly string[], defaults: Readonly<Record<K, string | null>>): TableSource<K> {
  const read = readOptions(options, functionName) as unknown as Record<string, unknown>;
  checkKeys("option", read, [...SOURCE_KEYS, ...keys], "options");
  const dialect = readDialect(read.dialect);
  const given = read.columns === undefined ? {} : read.columns;
  if (given === null || typeof given !== "object" || Array.isArray(given)) {
    throw new RetentionOptionsError("columns", `expected an object of column names, found ${printValue(given)}`);
  }
  const names = given as Record<string, unknown>;
  const columnKeys = Object.keys(defaults) as K[];
  checkKeys("column", names, columnKeys, "columns");
  const columns = {} as Record<K, string | null>;
  for (const key of columnKeys) {
    const name = names[key] === undefined ? defaults[key] : names[key];
    columns[key] = name === null ? null : quoteIdentifier(dialect, name, `columns.${key}`);
  }
  return { dialect, table: tableReference(dialect, read.table, "table"), columns };
}

/**
 * Reads an options object of a `…Sql` function over purchases (`readTableSource` with the
 * purchase columns' defaults).
 *
 * @example
 * readSqlSource({ dialect: "duckdb", table: "orders" }, "customerSummarySql", ["asOf"]).customerId //=> '"customer_id"'
 */
export function readSqlSource(options: SqlSourceOptions, functionName: string, keys: readonly string[]): SqlSource {
  const { dialect, table, columns } = readTableSource(options, functionName, keys, { customerId: "customer_id", date: "purchased_at", amount: "amount" });
  return { dialect, table, customerId: columns.customerId!, date: columns.date!, amount: columns.amount! };
}

/** Throws on the first own key of `object` not in `allowed`. */
export function checkKeys(what: string, object: Record<string, unknown>, allowed: readonly string[], option: string): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) throw new RetentionOptionsError(option, unknownKeyMessage(what, key, allowed));
  }
}

/**
 * A required instant option (`asOf`, a period's start or end) as a `Date`.
 *
 * @example
 * readInstant("asOf", "1997-09-30").toISOString() //=> "1997-09-30T00:00:00.000Z"
 */
export function readInstant(option: string, value: DateInput | undefined): Date {
  const ms = toEpochMs(value);
  if (ms === null) throw new RetentionOptionsError(option, `expected a date (Date, ISO string or epoch milliseconds), found ${printValue(value)}`);
  return new Date(ms);
}

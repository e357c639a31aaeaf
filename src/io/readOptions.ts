import { RetentionOptionsError } from "../input/errors";
import { suggestName } from "../core/suggest";
import { describeValue, isPlainObject } from "../input/describeValue";
import { dateParser } from "./dateFormat";
import { CSV_DELIMITERS, type CsvDelimiter } from "./delimiter";
import { ALL_FIELDS, type RECORD_FIELDS, type RecordKind } from "./fields";

/** The text formats read: CSV with a header, a JSON array of objects, or NDJSON (one object per line). */
export type LedgerTextFormat = "csv" | "json" | "ndjson";

/** The character between an amount's whole and fractional parts. */
export type DecimalSeparator = "." | ",";

/** A field of a purchase, event or survey record that a column can be mapped to. */
export type LedgerField = (typeof RECORD_FIELDS)[RecordKind][keyof (typeof RECORD_FIELDS)[RecordKind]][number];

/** How text is read into records; `parseLedgerText` and `readLedger` share these. */
export interface ParseLedgerOptions {
  /**
   * Field → column name, e.g. `{ customerId: "client", at: "order_date", amount: "total" }`
   * (a `Map` works too). A mapped column missing from a source falls back to the field's own name.
   */
  readonly columns?: Readonly<Partial<Record<LedgerField, string>>> | ReadonlyMap<LedgerField, string>;
  /** A date-fns format of non-ISO dates (`yyyyMMdd`, `dd.MM.yyyy`), read in UTC. Default: ISO-8601. */
  readonly dateFormat?: string;
  /** `csv`, `json` or `ndjson`. Default: sniffed from the first character (`[` JSON, `{` NDJSON, else CSV). */
  readonly format?: LedgerTextFormat;
  /** The currency every purchase must be in. */
  readonly currency?: string;
  /** The CSV field separator. Default: sniffed from the header line. */
  readonly delimiter?: CsvDelimiter;
  /** `"."` (default) or `","` for amounts such as `12,50` and `1.234,56`. */
  readonly decimalSeparator?: DecimalSeparator;
}

/** Options checked and ready for the reader. */
export interface ResolvedReadOptions {
  readonly mapping: ReadonlyMap<string, string>;
  readonly dateFormat: string | null;
  readonly parseDate: ((text: string) => number | null) | null;
  readonly format: LedgerTextFormat | undefined;
  readonly currency: string | undefined;
  readonly delimiter: CsvDelimiter | undefined;
  readonly decimalSeparator: DecimalSeparator;
  /** How an option is named in hints: `dateFormat` for the library, `--date-format` for the CLI. */
  readonly optionName: (option: "dateFormat" | "delimiter") => string;
}

const FORMATS: readonly LedgerTextFormat[] = ["csv", "json", "ndjson"];
const SEPARATORS: readonly DecimalSeparator[] = [".", ","];
const PARSE_OPTION_KEYS: readonly string[] = ["columns", "dateFormat", "format", "currency", "delimiter", "decimalSeparator"];

/**
 * Checks reader options: `undefined` or an object whose keys are known (`extraKeys` adds the
 * caller's own); a misspelled key gets a suggestion. Throws `RetentionOptionsError` naming the option.
 */
export function resolveReadOptions(options: unknown, extraKeys: readonly string[] = [], optionName: ResolvedReadOptions["optionName"] = (name) => name): ResolvedReadOptions {
  if (options === undefined) options = {};
  if (!isPlainObject(options)) {
    throw new RetentionOptionsError("options", `expected an object of options, found ${describeValue(options)}`);
  }
  const known = [...PARSE_OPTION_KEYS, ...extraKeys];
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      const near = suggestName(key, known);
      throw new RetentionOptionsError(key, `unknown option${near === null ? ` (options: ${known.join(", ")})` : `; did you mean "${near}"?`}`);
    }
  }
  const o = options as Record<string, unknown>;
  const dateFormat = optionalText(o, "dateFormat");
  return {
    mapping: readColumns(o.columns),
    dateFormat: dateFormat ?? null,
    parseDate: dateFormat === undefined ? null : dateParser(dateFormat),
    format: oneOf(o, "format", FORMATS),
    currency: optionalText(o, "currency"),
    delimiter: oneOf(o, "delimiter", CSV_DELIMITERS),
    decimalSeparator: oneOf(o, "decimalSeparator", SEPARATORS) ?? ".",
    optionName,
  };
}

function readColumns(columns: unknown): ReadonlyMap<string, string> {
  if (columns === undefined) return new Map();
  if (!isPlainObject(columns) && !(columns instanceof Map)) throw new RetentionOptionsError("columns", `expected an object of field → column name, found ${describeValue(columns)}`);
  const entries: [unknown, unknown][] = columns instanceof Map ? [...columns.entries()] : Object.entries(columns);
  const mapping = new Map<string, string>();
  for (const [field, column] of entries) {
    if (typeof field !== "string" || !ALL_FIELDS.includes(field)) {
      const near = typeof field === "string" ? suggestName(field, ALL_FIELDS) : null;
      throw new RetentionOptionsError("columns", `unknown field ${typeof field === "string" ? JSON.stringify(field) : describeValue(field)}${near === null ? ` (fields: ${ALL_FIELDS.join(", ")})` : `; did you mean "${near}"?`}`);
    }
    if (typeof column !== "string" || column.trim() === "") throw new RetentionOptionsError("columns", `expected a column name for "${field}", found ${describeValue(column)}`);
    mapping.set(field, column.trim());
  }
  return mapping;
}

function optionalText(o: Record<string, unknown>, key: string): string | undefined {
  const value = o[key];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.trim() === "") throw new RetentionOptionsError(key, `expected a non-empty string, found ${describeValue(value)}`);
  return value;
}

function oneOf<T extends string>(o: Record<string, unknown>, key: string, allowed: readonly T[]): T | undefined {
  const value = o[key];
  if (value === undefined) return undefined;
  if (!(allowed as readonly unknown[]).includes(value)) throw new RetentionOptionsError(key, `expected ${allowed.map((a) => JSON.stringify(a)).join(" | ")}, found ${describeValue(value)}`);
  return value as T;
}

import { suggestName } from "../../core/suggest";
import { RECORD_FIELDS } from "../../io/fields";
import { CliError } from "../errors";

/** A column of the input as DuckDB describes it. */
export interface DuckColumn {
  readonly name: string;
  readonly type: string;
}

/** Each purchase field the input has, with its column. */
export type FieldColumns = ReadonlyMap<string, DuckColumn>;

/**
 * Picks each purchase field's column as the in-memory reader does (`RecordBuilder`): the
 * `--columns` name when the input has it, else the field's own name. A required field with
 * neither, or a mapped column the input lacks while the field's own name is missing too, is a
 * `CliError` listing the input's columns.
 *
 * @example
 * fieldColumns("o.csv", [{ name: "client", type: "VARCHAR" }, …], new Map([["customerId", "client"]])).get("customerId") //=> { name: "client", type: "VARCHAR" }
 */
export function fieldColumns(name: string, columns: readonly DuckColumn[], mapping: ReadonlyMap<string, string>): FieldColumns {
  const byName = new Map(columns.map((column) => [column.name.trim(), column]));
  const listed = columns.map((column) => JSON.stringify(column.name)).join(", ");
  const picked = new Map<string, DuckColumn>();
  const { required, optional } = RECORD_FIELDS.purchases;
  for (const field of [...required, ...optional]) {
    const mapped = mapping.get(field);
    const column = (mapped === undefined ? undefined : byName.get(mapped)) ?? byName.get(field);
    if (column !== undefined) picked.set(field, column);
    else if ((required as readonly string[]).includes(field)) {
      throw new CliError(`${name}: missing column "${mapped ?? field}"${mapped === undefined ? "" : ` (or "${field}")`}; the input has: ${listed}`);
    }
  }
  for (const [field, column] of mapping) {
    if (!PURCHASE_FIELDS.has(field) || byName.has(column)) continue;
    const near = suggestName(column, [...byName.keys()]);
    throw new CliError(`--columns: no input has the column ${JSON.stringify(column)} mapped to ${field} (${name} has ${listed})${near === null ? "" : `; did you mean ${JSON.stringify(near)}?`}`);
  }
  return picked;
}

const PURCHASE_FIELDS: ReadonlySet<string> = new Set([...RECORD_FIELDS.purchases.required, ...RECORD_FIELDS.purchases.optional]);

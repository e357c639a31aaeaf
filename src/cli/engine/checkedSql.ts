import { MAX_ID_LENGTH } from "../../input/idLimits";
import { quoteIdentifier } from "../../sql/identifiers";
import { stringLiteral } from "../../sql/literals";
import { FILE_COLUMN } from "./duckInput";
import type { DuckColumn, FieldColumns } from "./purchaseColumns";

/** How text cells are read: `--date-format` as a `strptime` format (null: ISO-8601) and the decimal separator. */
export interface CellRules {
  readonly strptime: string | null;
  readonly decimalSeparator: "." | ",";
}

/** ISO-8601 as `parseIsoToEpochMs` reads it (src/core/time.ts), for RE2 with the `i` flag. */
const ISO = String.raw`\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}([.,]\d{1,9})?)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)?`;
/** A plain decimal as `MoneyReader` reads it: a sign, digits, one optional point. */
const PLAIN_DECIMAL = String.raw`[+-]?(\d+(\.\d*)?|\.\d+)`;
/** An amount with a decimal comma, as `fromDecimalComma` reads it: `12,50`, `1.234,56`. */
const COMMA_DECIMAL = String.raw`[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?`;
/** A quantity as the in-memory reader takes it (`PLAIN_DECIMAL` of recordBuilder.ts). */
const QUANTITY = String.raw`-?\d+(\.\d+)?`;

const q = (name: string): string => quoteIdentifier("duckdb", name, "columns");
const s = (text: string): string => stringLiteral("duckdb", text);
const text = (column: DuckColumn): string => `NULLIF(CAST(${q(column.name)} AS VARCHAR), '')`;
const isText = (column: DuckColumn): boolean => column.type === "VARCHAR" || column.type === "JSON";

/** A column's instant as a zone-less UTC TIMESTAMP, or NULL when it is not one (the session's zone is UTC). */
function instant(column: DuckColumn, rules: CellRules): string {
  const c = q(column.name);
  const type = column.type.toUpperCase();
  if (type.startsWith("TIMESTAMP") || type === "DATE") return `CAST(${c} AS TIMESTAMP)`;
  if (/^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|DOUBLE|FLOAT|DECIMAL.*)$/.test(type)) return `make_timestamp(TRY_CAST(${c} AS BIGINT) * 1000)`;
  const t = `trim(${text(column)})`;
  if (rules.strptime !== null) return `CAST(try_strptime(${t}, ${s(rules.strptime)}) AS TIMESTAMP)`;
  return `CASE WHEN regexp_full_match(${t}, ${s(ISO)}, 'i') THEN CAST(TRY_CAST(upper(replace(${t}, ',', '.')) AS TIMESTAMPTZ) AS TIMESTAMP) END`;
}

/** A money column as plain decimal text (`-12.5`), or NULL when it is not an amount. */
function plainMoney(column: DuckColumn, rules: CellRules): string {
  const t = `trim(${text(column)})`;
  if (rules.decimalSeparator === "," && isText(column)) {
    return `CASE WHEN regexp_full_match(${t}, ${s(COMMA_DECIMAL)}) THEN replace(replace(${t}, '.', ''), ',', '.') END`;
  }
  return `CASE WHEN regexp_full_match(${t}, ${s(PLAIN_DECIMAL)}) THEN ${t} END`;
}

/**
 * The SELECT of the checked purchases: per input row its file, the raw text of each field
 * (for messages), and the typed value, NULL where the cell is not valid: `customer_id`
 * (VARCHAR), `purchased_at` (a zone-less UTC TIMESTAMP), `amount_plain` (plain decimal text),
 * and the optional fields the input has (`order_id`, `cost_plain`, `quantity`, `currency`,
 * `category`). Every name is quoted and every value a literal (src/sql).
 *
 * @example
 * checkedSelect("read_csv(['o.csv'], …)", fields, { strptime: null, decimalSeparator: "." })
 * //=> "SELECT \"__retention_metrics_file\" AS file, … FROM read_csv(['o.csv'], …)"
 */
export function checkedSelect(reader: string, fields: FieldColumns, rules: CellRules): string {
  const id = fields.get("customerId")!;
  const at = fields.get("at")!;
  const amount = fields.get("amount")!;
  const parts = [
    `${q(FILE_COLUMN)} AS file`,
    `${text(id)} AS customer_id`,
    `${text(at)} AS at_text`,
    `${instant(at, rules)} AS purchased_at`,
    `${text(amount)} AS amount_text`,
    `${plainMoney(amount, rules)} AS amount_plain`,
  ];
  const orderId = fields.get("orderId");
  if (orderId !== undefined) parts.push(`${text(orderId)} AS order_id`);
  const cost = fields.get("cost");
  if (cost !== undefined) parts.push(`${text(cost)} AS cost_text`, `${plainMoney(cost, rules)} AS cost_plain`);
  const quantity = fields.get("quantity");
  if (quantity !== undefined) {
    const t = `trim(${text(quantity)})`;
    parts.push(`${text(quantity)} AS quantity_text`, `CASE WHEN regexp_full_match(${t}, ${s(QUANTITY)}) THEN CAST(${t} AS DOUBLE) END AS quantity`);
  }
  for (const [field, name] of [["currency", "currency"], ["category", "category"]] as const) {
    const column = fields.get(field);
    if (column !== undefined) parts.push(`${text(column)} AS ${name}`);
  }
  return `SELECT ${parts.join(", ")} FROM ${reader}`;
}

/** The fields a row of the checked view can fail on, each with the SQL condition of failing. */
export function failures(fields: FieldColumns): readonly { readonly field: string; readonly raw: string; readonly bad: string }[] {
  const list = [
    { field: "customerId", raw: "customer_id", bad: `customer_id IS NULL OR length(trim(customer_id)) = 0 OR contains(customer_id, chr(0)) OR length(customer_id) > ${MAX_ID_LENGTH}` },
    { field: "at", raw: "at_text", bad: "purchased_at IS NULL" },
    { field: "amount", raw: "amount_text", bad: `amount_plain IS NULL OR length(rtrim(split_part(amount_plain, '.', 2), '0')) > 15` },
  ];
  if (fields.has("cost")) list.push({ field: "cost", raw: "cost_text", bad: "cost_text IS NOT NULL AND cost_plain IS NULL" });
  if (fields.has("quantity")) list.push({ field: "quantity", raw: "quantity_text", bad: "quantity_text IS NOT NULL AND (quantity IS NULL OR quantity < 0 OR quantity <> floor(quantity) OR quantity > 9007199254740991)" });
  for (const [field, name] of [["orderId", "order_id"], ["category", "category"]] as const) {
    if (fields.has(field)) list.push({ field, raw: name, bad: `contains(${name}, chr(0)) OR length(${name}) > ${MAX_ID_LENGTH}` });
  }
  return list;
}

/** Decimal places of a plain amount, trailing zeros not counted (as `MoneyReader` counts them). */
export const PLACES = "length(rtrim(split_part(amount_plain, '.', 2), '0'))";

/** The amount as integer units of `10^-scale` (its places are at most `scale`), or NULL past BIGINT. */
export function unitsSql(scale: number): string {
  return `TRY_CAST(split_part(amount_plain, '.', 1) || rpad(split_part(amount_plain, '.', 2), ${scale}, '0') AS BIGINT)`;
}

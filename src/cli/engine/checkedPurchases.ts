import { RetentionInputError, type InputIssue } from "../../input/errors";
import { checkedSelect, failures, PLACES, type CellRules } from "./checkedSql";
import { FILE_COLUMN, readerSql, type DuckInput } from "./duckInput";
import type { DuckSession } from "./duckSession";
import { fieldColumns, type DuckColumn, type FieldColumns } from "./purchaseColumns";

/** Issues shown in full; the rest are counted. */
const SHOWN = 5;

/** The purchases DuckDB read and checked: the view `rm_checked`, and what the check found. */
export interface CheckedPurchases {
  readonly format: DuckInput["format"];
  readonly fields: FieldColumns;
  /** Rows per file, in the order they are read. */
  readonly files: readonly { readonly file: string; readonly rows: number }[];
  readonly rows: number;
  /** The most decimal places of any amount (trailing zeros not counted). */
  readonly scale: number;
  /**
   * True when an id holds a character from U+E000 up: there DuckDB's order (code points) and
   * the library's (`compareIds`, UTF-16 units) may differ, so results are ordered in JavaScript.
   */
  readonly wideIds: boolean;
  /** The latest purchase instant (epoch ms; -Infinity when there is none). */
  readonly latest: number;
  /** True when the input has no order id, cost or currency column: the aggregate queries of `retention-metrics/sql` then see all the ledger would. */
  readonly aggregatable: boolean;
}

/**
 * Has DuckDB read the input and type every row (the view `rm_checked`, see `checkedSelect`),
 * then checks it in one scan: a row whose id, date or amount is not valid fails the run with
 * the first five problems by file and line (CSV: the record's line, a header counted;
 * NDJSON: its line; a JSON array or Parquet: its record number) and a count of the rest.
 * Also creates the view `rm_purchases(customer_id, purchased_at, amount)` (amount an exact
 * DECIMAL) that the aggregate queries of `retention-metrics/sql` read.
 *
 * @throws {RetentionInputError} listing invalid records, as the in-memory reader does
 */
export async function checkPurchases(session: DuckSession, input: DuckInput, mapping: ReadonlyMap<string, string>, rules: CellRules & { readonly delimiter?: string | undefined }): Promise<CheckedPurchases> {
  let reader = readerSql(input, { delimiter: rules.delimiter });
  const described = await session.rows(`DESCRIBE SELECT * FROM ${reader}`);
  const columns: DuckColumn[] = described.map((row) => ({ name: String(row.column_name), type: String(row.column_type) })).filter((column) => column.name !== FILE_COLUMN);
  if (input.format === "json" || input.format === "ndjson") {
    // JSON values are read as their text, as the in-memory reader reads them, not as DuckDB's guessed types.
    reader = readerSql(input, { types: new Map(columns.map((column) => [column.name, "VARCHAR"])) });
    columns.forEach((column, i) => (columns[i] = { name: column.name, type: "VARCHAR" }));
  }
  const fields = fieldColumns(input.name, columns, mapping);
  await session.run(`CREATE OR REPLACE TEMP VIEW rm_checked AS ${checkedSelect(reader, fields, rules)}`);
  const checks = failures(fields);
  const anyBad = checks.map((check) => `(${check.bad})`).join(" OR ");
  const stats = await session.rows(
    `SELECT file, count(*) AS rows, count(*) FILTER (WHERE ${anyBad}) AS bad, COALESCE(max(${PLACES}) FILTER (WHERE NOT (${anyBad})), 0) AS places,
            COALESCE(bool_or(regexp_matches(customer_id, '[\\x{E000}-\\x{10FFFF}]')), false) AS wide, epoch_ms(max(date_trunc('millisecond', purchased_at))) AS latest FROM rm_checked GROUP BY file`,
  );
  const order = new Map(input.files.map((file, i) => [file, i]));
  stats.sort((a, b) => (order.get(String(a.file)) ?? 0) - (order.get(String(b.file)) ?? 0));
  const bad = stats.reduce((sum, row) => sum + Number(row.bad), 0);
  if (bad > 0) throw new RetentionInputError(await locate(session, input, checks, anyBad, rules), bad);
  const scale = stats.reduce((max, row) => Math.max(max, Number(row.places)), 0);
  const amount = `CAST(amount_plain AS DECIMAL(38, ${scale}))`;
  await session.run(`CREATE OR REPLACE TEMP VIEW rm_purchases AS SELECT customer_id, date_trunc('millisecond', purchased_at) AS purchased_at, ${amount} AS amount FROM rm_checked`);
  const files = stats.map((row) => ({ file: String(row.file), rows: Number(row.rows) }));
  return {
    format: input.format,
    fields,
    files,
    rows: files.reduce((sum, f) => sum + f.rows, 0),
    scale,
    wideIds: stats.some((row) => row.wide === true),
    latest: stats.reduce((max, row) => (row.latest === null ? max : Math.max(max, Number(row.latest))), Number.NEGATIVE_INFINITY),
    aggregatable: !["orderId", "cost", "currency"].some((field) => fields.has(field)),
  };
}

/**
 * The first invalid records, numbered within their file. Run on one thread so that DuckDB
 * reads rows in file order (`row_number() OVER ()` then numbers them as they stand).
 */
async function locate(session: DuckSession, input: DuckInput, checks: ReturnType<typeof failures>, anyBad: string, rules: CellRules): Promise<InputIssue[]> {
  const reason = `CASE ${checks.map((check, i) => `WHEN ${check.bad} THEN ${i}`).join(" ")} END`;
  const raw = `CASE ${checks.map((check, i) => `WHEN ${check.bad} THEN CAST(${check.raw} AS VARCHAR)`).join(" ")} END`;
  await session.run("SET threads = 1");
  const rows = await session.rows(
    `WITH numbered AS (SELECT row_number() OVER () AS n, * FROM rm_checked), placed AS (SELECT n - min(n) OVER (PARTITION BY file) + 1 AS row, * FROM numbered)
     SELECT file, row, ${reason} AS reason, ${raw} AS raw FROM placed WHERE ${anyBad} ORDER BY n LIMIT ${SHOWN}`,
  );
  await session.run("RESET threads");
  return rows.map((row, index) => {
    const check = checks[Number(row.reason)]!;
    return { index, path: ["purchases", check.field], code: `invalid_${check.field}`, message: message(check.field, row.raw === null ? null : String(row.raw), rules), ...placeOf(input.format, String(row.file), Number(row.row)) };
  });
}

/** What a cell should have been, in the in-memory reader's words. */
function message(field: string, raw: string | null, rules: CellRules): string {
  if (raw === null) return "missing value";
  const found = `found ${JSON.stringify(raw)}`;
  switch (field) {
    case "at":
      return rules.strptime === null ? `expected an ISO-8601 date (or pass --date-format), ${found}` : `expected a date in the --date-format format, ${found}`;
    case "amount":
    case "cost":
      return rules.decimalSeparator === "," ? `expected an amount with "," as the decimal separator (such as 1234,56 or 1.234,56), ${found}` : `expected a decimal amount such as 12.50 (at most 15 decimal places), ${found}`;
    case "quantity":
      return `expected a whole number ≥ 0 such as 2, ${found}`;
    case "orderId":
    case "category":
      return `expected text of at most 10000 characters without NUL, ${found}`;
    default:
      return `expected a non-empty customer id without NUL, ${found}`;
  }
}

/**
 * Where record `n` (1-based) of a file is, for messages: its line in a CSV (the header is line 1;
 * a record holding a quoted line break shifts the lines after it) or an NDJSON file, else its record number.
 */
export function placeOf(format: DuckInput["format"], file: string, n: number): { readonly source: string; readonly line?: number } {
  if (format === "csv") return { source: file, line: n + 1 };
  if (format === "ndjson") return { source: file, line: n };
  return { source: `${file} (record ${n})` };
}

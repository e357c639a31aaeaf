import type { DuckDBDataChunk } from "@duckdb/node-api";
import { RetentionInputError, type InputIssue } from "../../input/errors";
import type { Ledger } from "../../input/ledger";
import { createBuilderCore, type BuilderCore } from "../../input/ledgerBuilder";
import { readOptions } from "../../input/readOptions";
import { CliError } from "../errors";
import { placeOf, type CheckedPurchases } from "./checkedPurchases";
import { unitsSql } from "./checkedSql";
import type { DuckSession } from "./duckSession";

/** DuckDB's vector size: the rows of one chunk (a larger chunk gets a larger block). */
const CHUNK_ROWS = 2048;

/**
 * Streams the checked purchases from DuckDB into the library's ledger builder, chunk by chunk
 * (2,048 rows), as typed columns: no object per row. When the input has only the three
 * required fields, each chunk goes in as one block of integer money (`addPurchaseUnitRows`,
 * the in-memory CSV reader's fast path); otherwise each row's values go in through
 * `addPurchaseValues`, which takes the optional fields. The ledger equals the one the
 * in-memory reader builds from the same rows.
 *
 * @throws {RetentionInputError} the builder's issues (say, a currency other than `--currency`), each placed by file and record
 */
export async function streamLedger(session: DuckSession, checked: CheckedPurchases, currency: string | undefined): Promise<Ledger> {
  const core = createBuilderCore(readOptions(currency === undefined ? {} : { currency }, "createLedgerBuilder"), { purchases: checked.rows });
  const plain = checked.fields.size === 3;
  const at = "CAST(epoch_ms(purchased_at) AS DOUBLE)";
  const columns = plain
    ? `customer_id, ${at}, CAST(${unitsSql(checked.scale)} AS DOUBLE)`
    : `customer_id, ${at}, amount_plain, ${["cost_plain", "quantity", "order_id", "currency", "category"].map((name, i) => (checked.fields.has(["cost", "quantity", "orderId", "currency", "category"][i]!) ? name : "NULL")).join(", ")}`;
  const result = await session.connection.stream(`SELECT ${columns} FROM rm_checked`);
  const add = plain ? unitRows(core, checked.scale) : valueRows(core);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    add(chunk);
  }
  try {
    return core.builder.finish();
  } catch (error) {
    if (error instanceof RetentionInputError) throw new RetentionInputError(error.issues.map((issue) => place(issue, checked)), error.totalIssues);
    throw error;
  }
}

/** Adds a chunk of `customer_id, at, units` as one block of integer money. */
function unitRows(core: BuilderCore, scale: number): (chunk: DuckDBDataChunk) => void {
  const block = (size: number) => ({ customer: new Int32Array(size), at: new Float64Array(size), units: new Float64Array(size), places: new Int8Array(size).fill(scale) });
  let rows = block(CHUNK_ROWS);
  return (chunk) => {
    const n = chunk.rowCount;
    if (n > rows.customer.length) rows = block(n);
    const ids = chunk.getColumnVector(0);
    const at = chunk.getColumnVector(1);
    const units = chunk.getColumnVector(2);
    for (let j = 0; j < n; j++) {
      rows.customer[j] = core.registerCustomer(ids.getItem(j) as string);
      rows.at[j] = at.getItem(j) as number;
      const value = units.getItem(j) as number | null;
      if (value === null || !Number.isSafeInteger(value)) throw new CliError(`an amount is too large to hold exactly (more than 2^53 units of 10^-${scale})`);
      rows.units[j] = value;
    }
    core.addPurchaseUnitRows(rows, 0, n);
  };
}

/** Adds a chunk row by row with the optional fields. */
function valueRows(core: BuilderCore): (chunk: DuckDBDataChunk) => void {
  return (chunk) => {
    const n = chunk.rowCount;
    const v = Array.from({ length: 8 }, (_, i) => chunk.getColumnVector(i));
    const text = (i: number, j: number): string | undefined => (v[i]!.getItem(j) as string | null) ?? undefined;
    for (let j = 0; j < n; j++) {
      const quantity = v[4]!.getItem(j) as number | null;
      core.addPurchaseValues(v[0]!.getItem(j) as string, v[1]!.getItem(j) as number, v[2]!.getItem(j) as string, (v[3]!.getItem(j) as string | null) ?? null, quantity ?? undefined, text(5, j), text(6, j), text(7, j));
    }
  };
}

/** A builder issue (indexed over all rows) placed in its file (see `placeOf`). */
function place(issue: InputIssue, checked: CheckedPurchases): InputIssue {
  let index = issue.index;
  for (const { file, rows } of checked.files) {
    if (index < rows) return { ...issue, ...placeOf(checked.format, file, index + 1) };
    index -= rows;
  }
  return issue;
}

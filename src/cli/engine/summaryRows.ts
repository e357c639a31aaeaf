import { customerSummarySql } from "../../sql/customerSummarySql";
import type { EngineInput } from "./engineInput";

/** Purchases per run of the summary query: past this, customers are split into parts that are summarised one after another. */
const ROWS_PER_PART = 8_000_000;

/**
 * Runs `customerSummarySql` (as `options` asks) and keeps its rows, one per customer, in the
 * temporary table `rm_summary`; returns that table's name. The query groups purchases by
 * customer and day and ranks each customer's days (a window over all of them), which for tens
 * of millions of purchases needs more memory than a `--memory-limit` of a few GB allows even
 * with spilling. The checked purchases are first stored once (`typedPurchases`; DuckDB keeps
 * the table on disk past the limit); past `ROWS_PER_PART` purchases they are then summarised
 * in parts of customers (`hash(customer_id) % parts`), each part holding whole customers, so
 * the rows are the ones a single query gives.
 *
 * @param rowsPerPart - purchases per part (tests make it small)
 * @returns `"rm_summary"`
 */
export async function summaryRows(input: EngineInput, options: Omit<Parameters<typeof customerSummarySql>[0], "table" | "dialect">, rowsPerPart = ROWS_PER_PART): Promise<string> {
  const { session, checked } = input;
  const parts = Math.max(1, Math.ceil(checked.rows / rowsPerPart));
  const typed = await typedPurchases(input, parts);
  for (let part = 0; part < parts; part++) {
    await session.run(`CREATE OR REPLACE TEMP VIEW rm_part AS SELECT customer_id, purchased_at, amount FROM ${typed} WHERE part = ${part}`);
    const sql = customerSummarySql({ ...options, dialect: "duckdb", table: "rm_part" });
    await session.run(part === 0 ? `CREATE OR REPLACE TEMP TABLE rm_summary AS ${sql}` : `INSERT INTO rm_summary ${sql}`);
  }
  await session.run(`DROP TABLE ${typed}`);
  return "rm_summary";
}

/**
 * Stores the checked purchases once, typed, as the temporary table `rm_typed` (with `part`,
 * a hash of the id modulo `parts`), and returns its name. The queries of
 * `retention-metrics/sql` read their source more than once; on the view they would type every
 * row (casts, patterns) each time: on 1M purchases the summary query took 17 s on the view
 * against 5 s to store the table plus 1.5 s on it (shared machine).
 *
 * @example
 * await typedPurchases(input, 1) //=> "rm_typed"
 */
export async function typedPurchases(input: EngineInput, parts = 1): Promise<string> {
  const { session } = input;
  // Order does not matter in this table; keeping it would cost memory.
  await session.run("SET preserve_insertion_order = false");
  await session.run(`CREATE OR REPLACE TEMP TABLE rm_typed AS SELECT CAST(hash(customer_id) % ${parts} AS INTEGER) AS part, customer_id, purchased_at, amount FROM rm_purchases`);
  await session.run("RESET preserve_insertion_order");
  return "rm_typed";
}

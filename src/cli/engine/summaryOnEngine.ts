import { customerSummaryFromRows } from "../../sql/customerSummaryFromRows";
import { formatCsvMoney } from "../../report/format";
import { resolveAsOf } from "../../report/reportPeriod";
import type { CommandContext } from "../context";
import { csvCell } from "../csvWrite";
import { EXIT_OK } from "../errors";
import { emitSummary } from "../commands/summary";
import { json } from "../commands/common";
import { SUMMARY_CSV_HEADER } from "../summaryCsv";
import type { EngineInput } from "./engineInput";
import { summaryRows } from "./summaryRows";

/** Customers finished and written at a time: the rows in memory stay far below the file. */
const BATCH = 50_000;

/**
 * `summary --engine duckdb`: DuckDB runs `customerSummarySql` over the file (`summaryRows`:
 * one row per customer comes back, never the purchases), and `customerSummaryFromRows` finishes it; the
 * CSV is finished and written in batches of customers in id order, so the summary of a file
 * larger than memory is written with memory for a batch. Inputs with an order id, cost or
 * currency column take the ledger path instead (the query counts rows as orders).
 *
 * @returns the exit code
 */
export async function summaryOnEngine(ctx: CommandContext, format: "csv" | "json", timeUnit: "day" | "week"): Promise<number> {
  await ctx.withEngine(async (input) => {
    if (!input.checked.aggregatable) return emitSummary(ctx, await input.ledger(), format, timeUnit);
    const options = { asOf: resolveAsOf(ctx.args["as-of"], input.checked.latest), timeUnit } as const;
    const table = await summaryRows(input, options);
    if (format === "json") return ctx.emit(json(customerSummaryFromRows(await input.session.rows(`SELECT * FROM ${table}`), options)));
    await ctx.emitAsyncChunks(csvChunks(input, table, options, ctx.args["csv-raw"] === true));
  });
  return EXIT_OK;
}

/** The summary CSV: the header, then each batch of customers (DuckDB orders them by id) finished and written. */
async function* csvChunks(input: EngineInput, table: string, options: Parameters<typeof customerSummaryFromRows>[1], raw: boolean): AsyncGenerator<Uint8Array> {
  const scale = input.checked.scale;
  const line = (cells: readonly unknown[]): string => cells.map((cell) => csvCell(cell, { raw })).join(",");
  yield Buffer.from(`${SUMMARY_CSV_HEADER.join(",")}\n`);
  // With wide ids the rows are finished in one batch, which the finisher orders as the library does.
  const ordered = `SELECT * FROM ${table}${input.checked.wideIds ? "" : " ORDER BY customer_id"}`;
  const result = await input.session.connection.stream(ordered);
  let batch: Record<string, unknown>[] = [];
  const finish = (): Uint8Array => {
    const { customers } = customerSummaryFromRows(batch, options);
    batch = [];
    return Buffer.from(customers.map((c) => `${line([c.customerId, c.frequency, c.recency, c.T, formatCsvMoney(c.monetaryValue, scale), c.orders, formatCsvMoney(c.revenue, scale), c.firstOrder, c.lastOrder])}\n`).join(""));
  };
  for await (const rows of result.yieldRowObjectJson()) {
    for (const row of rows) batch.push(row);
    if (batch.length >= BATCH && !input.checked.wideIds) yield finish();
  }
  if (batch.length > 0) yield finish();
}

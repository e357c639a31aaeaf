import { choice } from "../args";
import type { CommandContext } from "../context";
import { EXIT_OK } from "../errors";
import { summaryCsvChunks } from "../summaryCsv";
import { asOfFlag, INPUT_FLAGS, json, timeUnitFlag, ENGINE_FLAGS } from "./common";

/** `summary`: per-customer frequency, recency, T and monetary value (CSV money: `formatCsvMoney`). */
export async function summaryCommand(ctx: CommandContext): Promise<number> {
  ctx.allow("summary", [...INPUT_FLAGS, ...ENGINE_FLAGS, "time-unit"]);
  const format = choice("format", ctx.args.format, ["csv", "json"], "csv");
  ctx.csvFormat(format);
  const timeUnit = timeUnitFlag(ctx);
  const ledger = await ctx.ledger(["purchases"]);
  const asOf = asOfFlag(ctx, ledger);
  // JSON needs the result object (and decimal.js): loaded only for it.
  if (format === "json") ctx.emit(json((await import("../../clv/customerSummary")).customerSummary(ledger, { asOf, timeUnit })));
  else await ctx.emitChunks(summaryCsvChunks(ledger, asOf, timeUnit, { raw: ctx.args["csv-raw"] === true }));
  return EXIT_OK;
}

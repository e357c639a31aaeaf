import type { Ledger } from "../../input/ledger";
import { choice } from "../args";
import type { CommandContext } from "../context";
import { EXIT_OK } from "../errors";
import { summaryCsvChunks } from "../summaryCsv";
import { asOfFlag, ENGINE_FLAGS, INPUT_FLAGS, json, timeUnitFlag } from "./common";

/** `summary`: per-customer frequency, recency, T and monetary value (CSV money: `formatCsvMoney`). */
export async function summaryCommand(ctx: CommandContext): Promise<number> {
  ctx.allow("summary", [...INPUT_FLAGS, ...ENGINE_FLAGS, "time-unit"]);
  const format = choice("format", ctx.args.format, ["csv", "json"], "csv");
  ctx.csvFormat(format);
  const timeUnit = timeUnitFlag(ctx);
  if (ctx.engine === "duckdb") return (await import("../engine/summaryOnEngine")).summaryOnEngine(ctx, format, timeUnit);
  await emitSummary(ctx, await ctx.ledger(["purchases"]), format, timeUnit);
  return EXIT_OK;
}

/** Writes the summary of a ledger as `summary` does. */
export async function emitSummary(ctx: CommandContext, ledger: Ledger, format: "csv" | "json", timeUnit: "day" | "week"): Promise<void> {
  const asOf = asOfFlag(ctx, ledger);
  // JSON needs the result object (and decimal.js): loaded only for it.
  if (format === "json") ctx.emit(json((await import("../../clv/customerSummary")).customerSummary(ledger, { asOf, timeUnit })));
  else await ctx.emitChunks(summaryCsvChunks(ledger, asOf, timeUnit, { raw: ctx.args["csv-raw"] === true }));
}

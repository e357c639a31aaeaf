import { loyalCustomers } from "../../segments/loyalCustomers";
import { ltvSegments } from "../../segments/ltvSegments";
import { choice } from "../args";
import type { CommandContext } from "../context";
import { EXIT_OK } from "../errors";
import type { SegmentsResult } from "../engine/segmentsOnEngine";
import { asOfFlag, INPUT_FLAGS, json, topFlag, ENGINE_FLAGS, SEGMENT_TIERS } from "./common";

/** The tiers, and the loyal customers when `withLoyal`, of the ledger the input flags give. */
async function segmentsOfLedger(ctx: CommandContext, withLoyal: boolean): Promise<SegmentsResult> {
  const ledger = await ctx.ledger(["purchases"]);
  return { tiers: ltvSegments(ledger, SEGMENT_TIERS), loyal: withLoyal ? loyalCustomers(ledger, { asOf: asOfFlag(ctx, ledger) }) : null };
}

/** `segments`: LTV tiers (Pareto 80% of revenue) and loyal customers (json), or each customer's tier (csv). */
export async function segmentsCommand(ctx: CommandContext): Promise<number> {
  ctx.allow("segments", [...INPUT_FLAGS, ...ENGINE_FLAGS, "top"]);
  const format = choice("format", ctx.args.format, ["json", "csv"], "json");
  ctx.csvFormat(format);
  const withLoyal = format === "json";
  const { tiers, loyal } = ctx.engine === "duckdb" ? await (await import("../engine/segmentsOnEngine")).segmentsOnEngine(ctx, withLoyal) : await segmentsOfLedger(ctx, withLoyal);
  if (loyal === null) {
    ctx.emit(ctx.csv(["customerId", "tier"], tiers.assignments));
    return EXIT_OK;
  }
  const top = topFlag(ctx, 20);
  const { assignments: _assignments, ...ltv } = tiers;
  ctx.emit(json({ ltvTiers: ltv, loyalCustomers: { ...loyal, customers: loyal.customers.slice(0, top) } }));
  return EXIT_OK;
}

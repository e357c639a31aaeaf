import { loyalCustomers } from "../../segments/loyalCustomers";
import { ltvSegments } from "../../segments/ltvSegments";
import { choice } from "../args";
import type { CommandContext } from "../context";
import { EXIT_OK } from "../errors";
import { asOfFlag, INPUT_FLAGS, json, topFlag, ENGINE_FLAGS } from "./common";

/** `segments`: LTV tiers (Pareto 80% of revenue) and loyal customers (json), or each customer's tier (csv). */
export async function segmentsCommand(ctx: CommandContext): Promise<number> {
  ctx.allow("segments", [...INPUT_FLAGS, ...ENGINE_FLAGS, "top"]);
  const format = choice("format", ctx.args.format, ["json", "csv"], "json");
  ctx.csvFormat(format);
  const ledger = await ctx.ledger(["purchases"]);
  const tiers = ltvSegments(ledger, { by: "revenue", method: "pareto", share: 0.8 });
  if (format === "csv") {
    ctx.emit(ctx.csv(["customerId", "tier"], tiers.assignments));
    return EXIT_OK;
  }
  const loyal = loyalCustomers(ledger, { asOf: asOfFlag(ctx, ledger) });
  const top = topFlag(ctx, 20);
  const { assignments: _assignments, ...ltv } = tiers;
  ctx.emit(json({ ltvTiers: ltv, loyalCustomers: { ...loyal, customers: loyal.customers.slice(0, top) } }));
  return EXIT_OK;
}

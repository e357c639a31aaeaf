import type { Granularity } from "../../core/calendar";
import { cohortRetention, type CohortRetention } from "../../metrics/cohortRetention";
import { formatInt, formatPercent } from "../../report/format";
import { markdownTable } from "../../report/markdownTable";
import { choice } from "../args";
import type { CommandContext } from "../context";
import { EXIT_OK } from "../errors";
import { asOfFlag, INPUT_FLAGS, json, ENGINE_FLAGS } from "./common";

/** The cohort table of the ledger the input flags give. */
async function cohortsOfLedger(ctx: CommandContext, granularity: Granularity): Promise<CohortRetention> {
  const ledger = await ctx.ledger(["purchases", "events"]);
  return cohortRetention(ledger, { granularity, asOf: asOfFlag(ctx, ledger) });
}

/** `cohorts`: the cohort table (customers returning per bucket) and its curve. */
export async function cohortsCommand(ctx: CommandContext): Promise<number> {
  ctx.allow("cohorts", [...INPUT_FLAGS, ...ENGINE_FLAGS, "period"]);
  const format = choice("format", ctx.args.format, ["csv", "json", "md"], "csv");
  ctx.csvFormat(format);
  const granularity = choice<Granularity>("period", ctx.args.period, ["day", "week", "month", "quarter", "year"], "month");
  const result = ctx.engine === "duckdb" ? await (await import("../engine/cohortsOnEngine")).cohortsOnEngine(ctx, granularity) : await cohortsOfLedger(ctx, granularity);
  if (format === "json") ctx.emit(json(result));
  else if (format === "csv") {
    ctx.emit(ctx.csv(["cohort", "start", "size", "offset", "customers", "rate"],
      result.cohorts.flatMap((c) => c.values.map((v, k) => [c.key, c.start, c.size, k, v, c.rates[k]]))));
  } else {
    const width = result.curve.length;
    const head = ["Cohort", "Customers", ...Array.from({ length: width }, (_, k) => String(k))];
    const rows = result.cohorts.map((c) => [c.key, formatInt(c.size), ...Array.from({ length: width }, (_, k) => (k < c.rates.length ? formatPercent(c.rates[k] ?? null) : ""))]);
    rows.push(["Average", "", ...result.curve.map((p) => formatPercent(p.rate))]);
    ctx.emit(`${markdownTable(head, rows)}\n`);
  }
  return EXIT_OK;
}

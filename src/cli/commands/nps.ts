import { nps } from "../../nps/nps";
import { npsBy } from "../../nps/npsBy";
import type { NpsResult } from "../../nps/npsFromCounts";
import { formatInt, formatNumber } from "../../report/format";
import { markdownTable } from "../../report/markdownTable";
import { choice } from "../args";
import type { CommandContext } from "../context";
import { CliError, EXIT_OK } from "../errors";
import { readPeriodFlag } from "./report";
import { INPUT_FLAGS, json } from "./common";

/**
 * `nps`: Net Promoter Score overall and by segment, optionally in `--period START..END`.
 * Every format carries the same rows: all responses, then one per segment, sorted, with the
 * responses without a segment last (JSON `key: null`, CSV an empty `segment`, Markdown "(no segment)").
 */
export async function npsCommand(ctx: CommandContext): Promise<number> {
  ctx.allow("nps", [...INPUT_FLAGS.filter((f) => f !== "as-of"), "period"]);
  const format = choice("format", ctx.args.format, ["json", "csv", "md"], "json");
  ctx.csvFormat(format);
  const period = ctx.args.period === undefined ? {} : readPeriodFlag(ctx.args.period);
  if (typeof period === "string") throw new CliError(`nps: --period takes START..END, found "${period}"`);
  const range = period;
  const ledger = await ctx.ledger(["surveys"]);
  const overall = nps(ledger, range);
  const groups = npsBy(ledger, "segment", range);
  if (format === "json") {
    ctx.emit(json({ ...overall, bySegment: groups }));
    return EXIT_OK;
  }
  const rows: [NpsResult, string | null | undefined][] = [[overall, undefined], ...groups.map((g): [NpsResult, string | null] => [g, g.key])];
  if (format === "csv") {
    ctx.emit(ctx.csv(["scope", "segment", "score", "responses", "promoters", "passives", "detractors", "marginOfError"],
      rows.map(([r, key]) => [key === undefined ? "all" : "segment", key ?? "", r.score, r.responses, r.promoters, r.passives, r.detractors, r.marginOfError])));
  } else {
    const label = (key: string | null | undefined): string => (key === undefined ? "All responses" : key === null ? "(no segment)" : key);
    ctx.emit(`${markdownTable(["Segment", "NPS", "Responses", "Promoters", "Passives", "Detractors", "Margin of error (95%)"],
      rows.map(([r, key]) => [label(key), formatNumber(r.score, 1), formatInt(r.responses), formatInt(r.promoters), formatInt(r.passives), formatInt(r.detractors), formatNumber(r.marginOfError, 1)]))}\n`);
  }
  return EXIT_OK;
}

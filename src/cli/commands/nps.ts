import { nps } from "../../nps/nps";
import { npsBy } from "../../nps/npsBy";
import { formatNumber } from "../../report/format";
import { choice } from "../args";
import type { CommandContext } from "../context";
import { toCsv } from "../csvWrite";
import { CliError, EXIT_OK } from "../errors";
import { readPeriodFlag } from "./report";
import { INPUT_FLAGS, json } from "./common";

/** `nps`: Net Promoter Score overall and by segment, optionally in `--period START..END`. */
export async function npsCommand(ctx: CommandContext): Promise<number> {
  ctx.allow("nps", [...INPUT_FLAGS.filter((f) => f !== "as-of"), "period"]);
  const format = choice("format", ctx.args.format, ["json", "csv", "md"], "json");
  const period = ctx.args.period === undefined ? {} : readPeriodFlag(ctx.args.period);
  if (typeof period === "string") throw new CliError(`nps: --period takes START..END, found "${period}"`);
  const range = period;
  const ledger = await ctx.ledger(["surveys"]);
  const overall = nps(ledger, range);
  const groups = npsBy(ledger, "segment", range);
  if (format === "json") ctx.emit(json({ ...overall, bySegment: groups }));
  else if (format === "csv") ctx.emit(toCsv(["scope", "score", "responses", "promoters", "passives", "detractors", "marginOfError"], [["all", overall.score, overall.responses, overall.promoters, overall.passives, overall.detractors, overall.marginOfError]]));
  else ctx.emit(`| NPS | Responses | Promoters | Passives | Detractors | Margin of error |\n| --- | --- | --- | --- | --- | --- |\n| ${formatNumber(overall.score, 1)} | ${overall.responses} | ${overall.promoters} | ${overall.passives} | ${overall.detractors} | ${formatNumber(overall.marginOfError, 1)} |\n`);
  return EXIT_OK;
}

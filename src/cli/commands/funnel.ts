import { funnel } from "../../journey/funnel";
import type { FunnelCounts } from "../../journey/funnelTypes";
import { formatInt, formatNumber, formatPercent } from "../../report/format";
import { markdownTable } from "../../report/markdownTable";
import { choice } from "../args";
import type { CommandContext } from "../context";
import { CliError, EXIT_OK } from "../errors";
import { INPUT_FLAGS, json } from "./common";
import { readPeriodFlag } from "./report";
import { readWithinFlag } from "../withinFlag";
import { DAY_MS } from "../../defection/gaps";

/** The `--fail-if` paths of the funnel's JSON (`#` is a step's index from 0). */
export const FUNNEL_KPIS: readonly (readonly string[])[] = [
  ["entered"], ["converted"], ["overallConversion"],
  ...["customers", "conversionFromPrevious", "conversionFromStart", "medianTimeFromPrevious", "dropped"].map((field) => ["steps", "#", field]),
];

/** `--steps signup,view,order,order:2`: the comma-separated steps, each trimmed. */
export function readStepsFlag(value: string | undefined): string[] {
  if (value === undefined) throw new CliError(`funnel: --steps is required, e.g. --steps signup,order,order:2`);
  const steps = value.split(",").map((step) => step.trim());
  if (steps.some((step) => step === "")) throw new CliError(`--steps: expected comma-separated steps with none empty, found "${value}"`);
  return steps;
}

/**
 * `funnel`: an ordered, first-touch funnel over events and orders (docs/journey.md), with
 * `--fail-if` thresholds on its JSON (FUNNEL_KPIS). JSON is the library's result; CSV and
 * Markdown hold one row per step.
 */
export async function funnelCommand(ctx: CommandContext): Promise<number> {
  ctx.allow("funnel", [...INPUT_FLAGS.filter((f) => f !== "as-of"), "period", "steps", "within", "fail-if", "thresholds-out"]);
  const format = choice("format", ctx.args.format, ["json", "csv", "md"], "json");
  ctx.csvFormat(format);
  const steps = readStepsFlag(ctx.args.steps);
  const within = readWithinFlag(ctx.args.within);
  const period = ctx.args.period === undefined ? {} : readPeriodFlag(ctx.args.period);
  if (typeof period === "string") throw new CliError(`funnel: --period takes START..END, found "${period}"`);
  const failIf = ctx.args["fail-if"] ?? [];
  const checks = failIf.length > 0 || ctx.args["thresholds-out"] !== undefined ? await import("../thresholds") : null;
  const thresholds = checks === null ? [] : failIf.map((text) => checks.readThresholdAmong(text, FUNNEL_KPIS, "the funnel", "docs/journey.md"));
  const ledger = await ctx.ledger(["purchases", "events"]);
  const result = funnel(ledger, { steps, ...(within === undefined ? {} : { within }), ...period });
  const body: unknown = JSON.parse(JSON.stringify(result));
  if (format === "json") ctx.emit(json(body));
  else if (format === "csv") {
    ctx.emit(ctx.csv(["index", "step", "customers", "conversionFromPrevious", "conversionFromStart", "medianTimeFromPreviousMs", "dropped"],
      result.steps.map((s) => [s.index, s.step, s.customers, s.conversionFromPrevious, s.conversionFromStart, s.medianTimeFromPrevious, s.dropped])));
  } else ctx.emit(funnelMarkdown(result));
  if (checks === null) return EXIT_OK;
  const results = thresholds.map((threshold) => checks.checkThreshold(body, threshold));
  if (ctx.args["thresholds-out"] !== undefined) ctx.writeFile(ctx.args["thresholds-out"], checks.thresholdsJson(results));
  return checks.reportOutcomes(ctx, results);
}

function funnelMarkdown(result: FunnelCounts): string {
  const rows = result.steps.map((s) => [String(s.index), s.step, formatInt(s.customers), formatPercent(s.conversionFromPrevious), formatPercent(s.conversionFromStart),
    s.medianTimeFromPrevious === null ? "—" : formatNumber(s.medianTimeFromPrevious / DAY_MS, 2), formatInt(s.dropped)]);
  const table = markdownTable(["#", "Step", "Customers", "From previous", "From start", "Median days from previous", "Dropped"], rows);
  return `${table}\nOverall conversion: ${formatPercent(result.overallConversion)} (${formatInt(result.converted)} of ${formatInt(result.entered)} who entered)\n`;
}

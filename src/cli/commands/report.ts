import { kpiReport, SKIPPABLE_SECTIONS, type SkippableSection } from "../../report/kpiReport";
import { renderHtml } from "../../report/renderHtml";
import { renderMarkdown } from "../../report/renderMarkdown";
import type { ReportPeriodOption } from "../../report/reportPeriod";
import { choice, numberFlag } from "../args";
import { penalizerFlag } from "./common";
import type { CommandContext } from "../context";
import { toCsv } from "../csvWrite";
import { CliError, EXIT_OK, EXIT_THRESHOLD } from "../errors";
import { checkThreshold, parseThreshold } from "../thresholds";

const FLAGS = ["purchases", "events", "surveys", "columns", "date-format", "input-format", "currency", "delimiter", "decimal-separator", "as-of", "period", "format", "out", "html", "time-unit", "fail-if", "top", "horizon", "discount-rate", "penalizer", "skip"];

/** Reads `--period month|quarter|year|START..END`. */
export function readPeriodFlag(value: string | undefined): ReportPeriodOption {
  if (value === undefined) return "month";
  if (value === "month" || value === "quarter" || value === "year") return value;
  const [start, end, extra] = value.split("..");
  if (start === undefined || end === undefined || extra !== undefined || start === "" || end === "") {
    throw new CliError(`--period: expected month | quarter | year | START..END, found "${value}"`);
  }
  return { start, end };
}

/** Flattens the JSON report into `path,value` rows (leaves only). */
function flatten(node: unknown, path: string, rows: [string, unknown][]): void {
  if (node !== null && typeof node === "object") {
    for (const [key, child] of Object.entries(node)) flatten(child, path === "" ? key : `${path}.${key}`, rows);
  } else rows.push([path, node]);
}

/** `retention-metrics report`: the whole KPI report, with `--fail-if` thresholds. */
export async function reportCommand(ctx: CommandContext): Promise<number> {
  ctx.allow("report", FLAGS);
  const format = choice("format", ctx.args.format, ["json", "md", "html", "csv"], "json");
  const thresholds = (ctx.args["fail-if"] ?? []).map(parseThreshold);
  const period = readPeriodFlag(ctx.args.period);
  const timeUnit = choice("time-unit", ctx.args["time-unit"], ["day", "week"], "week");
  const top = numberFlag("top", ctx.args.top, (n) => Number.isInteger(n) && n >= 0, "an integer ≥ 0");
  const horizon = numberFlag("horizon", ctx.args.horizon, (n) => n > 0, "a positive number of time units");
  const discount = numberFlag("discount-rate", ctx.args["discount-rate"], (n) => n >= 0 && n < 10, "a yearly rate such as 0.1");
  const penalizer = penalizerFlag(ctx);
  const skip = (ctx.args.skip ?? []).flatMap((list) => list.split(",")).map((name) => choice<SkippableSection>("skip", name.trim(), SKIPPABLE_SECTIONS, "cohorts"));
  const ledger = await ctx.ledger(["purchases", "events", "surveys"]);
  const report = kpiReport(ledger, {
    asOf: ctx.args["as-of"],
    period,
    timeUnit,
    skip,
    ...(top === undefined ? {} : { top }),
    ...(horizon === undefined ? {} : { clvHorizon: horizon }),
    ...(discount === undefined ? {} : { annualDiscountRate: discount }),
    ...(penalizer === undefined ? {} : { penalizer }),
  });
  const json: unknown = JSON.parse(JSON.stringify(report));
  if (format === "json") ctx.emit(`${JSON.stringify(json, null, 2)}\n`);
  else if (format === "md") ctx.emit(renderMarkdown(report));
  else if (format === "html") ctx.emit(renderHtml(report));
  else {
    const rows: [string, unknown][] = [];
    flatten(json, "", rows);
    ctx.emit(toCsv(["kpi", "value"], rows));
  }
  if (ctx.args.html !== undefined) ctx.writeFile(ctx.args.html, renderHtml(report));
  let failed = false;
  for (const threshold of thresholds) {
    const result = checkThreshold(json, threshold);
    if (result.status !== "ok") failed = true;
    const label = result.status === "ok" ? "ok" : "FAIL";
    ctx.note(`${ctx.color ? (result.status === "ok" ? "\x1b[32m" : "\x1b[31m") + label + "\x1b[0m" : label}: ${result.message}`);
  }
  return failed ? EXIT_THRESHOLD : EXIT_OK;
}

import { kpiReport, SKIPPABLE_SECTIONS, type SkippableSection } from "../../report/kpiReport";
import { renderHtml } from "../../report/renderHtml";
import { renderMarkdown } from "../../report/renderMarkdown";
import type { RenderOptions } from "../../report/renderOptions";
import type { ReportPeriodOption } from "../../report/reportPeriod";
import { choice, numberFlag } from "../args";
import { escapeControlCharacters } from "../../io/escapeControl";
import { paint } from "../color";
import { penalizerFlag } from "./common";
import type { CommandContext } from "../context";
import { CliError, EXIT_OK, EXIT_THRESHOLD } from "../errors";
import { annotation, checkThreshold, readThreshold, thresholdsJson, toOutcomes } from "../thresholds";

const FLAGS = ["purchases", "events", "surveys", "columns", "date-format", "input-format", "currency", "delimiter", "decimal-separator", "as-of", "period", "format", "out", "html", "time-unit", "fail-if", "thresholds-out", "top", "horizon", "discount-rate", "penalizer", "skip", "csv-raw"];

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

/**
 * `retention-metrics report`: the whole KPI report, with `--fail-if` thresholds (shown in the
 * Markdown and HTML reports, written by `--thresholds-out`, annotated under GitHub Actions).
 */
export async function reportCommand(ctx: CommandContext): Promise<number> {
  ctx.allow("report", FLAGS);
  const format = choice("format", ctx.args.format, ["json", "md", "html", "csv"], "json");
  ctx.csvFormat(format);
  const thresholds = (ctx.args["fail-if"] ?? []).map(readThreshold);
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
    onProgress: (phase, done, total) => ctx.progress.phase(phase, done, total),
    ...(top === undefined ? {} : { top }),
    ...(horizon === undefined ? {} : { clvHorizon: horizon }),
    ...(discount === undefined ? {} : { annualDiscountRate: discount }),
    ...(penalizer === undefined ? {} : { penalizer }),
  });
  ctx.progress.done();
  const json: unknown = JSON.parse(JSON.stringify(report));
  const results = thresholds.map((threshold) => checkThreshold(json, threshold));
  const rendering: RenderOptions = results.length === 0 ? {} : { thresholds: toOutcomes(results) };
  if (format === "json") ctx.emit(`${JSON.stringify(json, null, 2)}\n`);
  else if (format === "md") ctx.emit(renderMarkdown(report, rendering));
  else if (format === "html") ctx.emit(renderHtml(report, rendering));
  else {
    const rows: [string, unknown][] = [];
    flatten(json, "", rows);
    ctx.emit(ctx.csv(["kpi", "value"], rows));
  }
  if (ctx.args.html !== undefined) ctx.writeFile(ctx.args.html, renderHtml(report, rendering));
  if (ctx.args["thresholds-out"] !== undefined) ctx.writeFile(ctx.args["thresholds-out"], thresholdsJson(results));
  const annotate = ctx.io.env.GITHUB_ACTIONS === "true";
  for (const result of results) {
    const passed = result.outcome === "pass";
    ctx.io.stderr.write(`${paint(passed ? "ok" : "FAIL", passed ? "green" : "red", ctx.color)}: ${escapeControlCharacters(result.message)}\n`);
    if (annotate && !passed) ctx.io.stderr.write(annotation(result));
  }
  return results.every((r) => r.outcome === "pass") ? EXIT_OK : EXIT_THRESHOLD;
}

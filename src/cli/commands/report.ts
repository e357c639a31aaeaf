import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { kpiReportWith, SKIPPABLE_SECTIONS, type KpiReport, type KpiReportOptions, type SkippableSection } from "../../report/kpiReport";
import { IN_THREAD } from "../../report/predictionEngine";
import { threadedEngine } from "../predictionThread";
import type { RenderOptions } from "../../report/renderOptions";
import type { ReportPeriodOption } from "../../report/reportPeriod";
import { readWithinFlag } from "../withinFlag";
import { choice, numberFlag } from "../args";
import { penalizerFlag, ENGINE_FLAGS } from "./common";
import type { CommandContext } from "../context";
import { CliError, EXIT_OK } from "../errors";

const FLAGS = ["purchases", "events", "surveys", "costs", "columns", "date-format", "input-format", "currency", "delimiter", "decimal-separator", "as-of", "period", "format", "out", "html", "time-unit", "fail-if", "thresholds-out", "top", "horizon", "discount-rate", "penalizer", "skip", "csv-raw", "point-value", "expiry", "benchmarks", "save-rate", "retention-rate", "future-cohorts", "model", "threads", ...ENGINE_FLAGS];

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

/** A purchases file this large (1 MB) starts the report's second thread before it is read. */
const PRESTART_BYTES = 1 << 20;

/** The size of a file argument; 0 for standard input or a file that cannot be read (the reader then says why). */
function fileBytes(path: string | undefined): number {
  if (path === undefined || path === "-") return 0;
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
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
  const failIf = ctx.args["fail-if"] ?? [];
  // The thresholds' code, with the report's JSON Schema and zod's full build, loads only when asked for.
  const checks = failIf.length > 0 || ctx.args["thresholds-out"] !== undefined ? await import("../thresholds") : null;
  const thresholds = checks === null ? [] : failIf.map(checks.readThreshold);
  const period = readPeriodFlag(ctx.args.period);
  const timeUnit = choice("time-unit", ctx.args["time-unit"], ["day", "week"], "week");
  const top = numberFlag("top", ctx.args.top, (n) => Number.isInteger(n) && n >= 0, "an integer ≥ 0");
  const horizon = numberFlag("horizon", ctx.args.horizon, (n) => n > 0, "a positive number of time units");
  const discount = numberFlag("discount-rate", ctx.args["discount-rate"], (n) => n >= 0 && n < 10, "a yearly rate such as 0.1");
  const penalizer = penalizerFlag(ctx);
  const model = ctx.args.model === undefined ? undefined : choice("model", ctx.args.model, ["bg-nbd", "auto"], "bg-nbd");
  const saveRate = numberFlag("save-rate", ctx.args["save-rate"], (n) => n >= 0 && n <= 1, "a share in [0, 1] such as 0.2");
  const retentionRate = numberFlag("retention-rate", ctx.args["retention-rate"], (n) => n >= 0 && n < 1, "a yearly rate in [0, 1) such as 0.8");
  const futureCohorts = numberFlag("future-cohorts", ctx.args["future-cohorts"], (n) => Number.isInteger(n) && n >= 1 && n <= 100, "a whole number of years from 1 to 100");
  // The benchmarks' reader, with the report's JSON Schema for its path check, loads only when asked for.
  const benchmarkFile = ctx.args.benchmarks;
  const benchmarkList = benchmarkFile === undefined ? null : (await import("../benchmarksFile")).readBenchmarksFile(benchmarkFile);
  const skip = (ctx.args.skip ?? []).flatMap((list) => list.split(",")).map((name) => choice<SkippableSection>("skip", name.trim(), SKIPPABLE_SECTIONS, "cohorts"));
  const threads = numberFlag("threads", ctx.args.threads, (n) => Number.isInteger(n) && n >= 1, "a whole number ≥ 1") ?? availableParallelism();
  const options: KpiReportOptions = {
    asOf: ctx.args["as-of"],
    period,
    timeUnit,
    skip,
    onProgress: (phase, done, total) => ctx.progress.phase(phase, done, total),
    ...(top === undefined ? {} : { top }),
    ...(horizon === undefined ? {} : { clvHorizon: horizon }),
    ...(discount === undefined ? {} : { annualDiscountRate: discount }),
    ...(penalizer === undefined ? {} : { penalizer }),
    ...(model === undefined ? {} : { model }),
    ...(ctx.args["point-value"] === undefined ? {} : { pointValue: ctx.args["point-value"] }),
    ...(ctx.args.expiry === undefined ? {} : { pointsExpiry: readWithinFlag(ctx.args.expiry, "expiry") }),
    ...(saveRate === undefined ? {} : { saveRate }),
    equity: { retentionRate, futureCohorts },
  };
  // With two threads or more, the model fits, the predictions' center run and the total CLV's
  // interval run beside the other sections; for a large purchases file the thread loads while it is read.
  const threaded = threads > 1 ? threadedEngine(fileBytes(ctx.args.purchases) >= PRESTART_BYTES) : undefined;
  let report: KpiReport;
  try {
    report = kpiReportWith(await ctx.ledger(["purchases", "events", "surveys"]), options, threaded ?? IN_THREAD);
  } finally {
    threaded?.close();
  }
  ctx.progress.done();
  const benchmarks = benchmarkList === null ? null : (await import("../../report/compareToBenchmarks")).compareToBenchmarks(report, benchmarkList);
  const json: unknown = JSON.parse(JSON.stringify(benchmarks === null ? report : { ...report, benchmarks }));
  const results = checks === null ? [] : thresholds.map((threshold) => checks.checkThreshold(json, threshold));
  const rendering: RenderOptions = {
    ...(checks === null || results.length === 0 ? {} : { thresholds: checks.toOutcomes(results) }),
    ...(benchmarks === null ? {} : { benchmarks }),
  };
  // The renderers load only for the formats that use them.
  const renderHtml = async () => (await import("../../report/renderHtml")).renderHtml(report, rendering);
  if (format === "json") ctx.emit(`${JSON.stringify(json, null, 2)}\n`);
  else if (format === "md") ctx.emit((await import("../../report/renderMarkdown")).renderMarkdown(report, rendering));
  else if (format === "html") ctx.emit(await renderHtml());
  else {
    const rows: [string, unknown][] = [];
    flatten(json, "", rows);
    ctx.emit(ctx.csv(["kpi", "value"], rows));
  }
  if (ctx.args.html !== undefined) ctx.writeFile(ctx.args.html, await renderHtml());
  if (checks !== null && ctx.args["thresholds-out"] !== undefined) ctx.writeFile(ctx.args["thresholds-out"], checks.thresholdsJson(results));
  return checks === null ? EXIT_OK : checks.reportOutcomes(ctx, results);
}

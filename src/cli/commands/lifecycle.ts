import { bucketStart, type Granularity } from "../../core/calendar";
import { dateOption } from "../../core/period";
import { lifecycle, type LifecyclePeriod } from "../../journey/lifecycle";
import { formatInt, formatNumber } from "../../report/format";
import { markdownTable } from "../../report/markdownTable";
import { choice } from "../args";
import type { CommandContext } from "../context";
import { CliError, EXIT_OK } from "../errors";
import { asOfFlag, INPUT_FLAGS, json } from "./common";

const COUNTS = ["active", "previousActive", "new", "returning", "resurrected", "dormant", "dormantBar", "quickRatio"] as const;

/**
 * The `--fail-if` paths of `lifecycle`'s JSON (docs/journey.md): every count of the latest
 * period or of any period (`index` is kpiPaths' array-index marker, loaded only with the thresholds).
 */
export function lifecycleKpis(index: string): (readonly string[])[] {
  return [...COUNTS.map((kpi) => ["latest", kpi]), ...COUNTS.map((kpi) => ["periods", index, kpi])];
}

/**
 * `lifecycle`: new, returning, resurrected and dormant customers per period, with the quick
 * ratio. Periods are the whole ones from the period of `--from` (default: of the first order)
 * to `--as-of`. The JSON is `lifecycle`'s result plus `latest`, the last period (or null).
 */
export async function lifecycleCommand(ctx: CommandContext): Promise<number> {
  ctx.allow("lifecycle", [...INPUT_FLAGS, "period", "from", "fail-if", "thresholds-out"]);
  const format = choice("format", ctx.args.format, ["json", "csv", "md"], "json");
  ctx.csvFormat(format);
  const granularity = choice<Granularity>("period", ctx.args.period, ["day", "week", "month", "quarter", "year"], "month");
  const failIf = ctx.args["fail-if"] ?? [];
  const checks = failIf.length > 0 || ctx.args["thresholds-out"] !== undefined ? await import("../thresholds") : null;
  const kpis = checks === null ? [] : lifecycleKpis((await import("../kpiPaths")).INDEX);
  const thresholds = checks === null ? [] : failIf.map((text) => checks.readThresholdAmong(text, kpis, "lifecycle's JSON", "docs/journey.md"));
  const from = ctx.args.from === undefined ? null : dateOption("from", ctx.args.from);
  const ledger = await ctx.ledger(["purchases"]);
  const asOf = asOfFlag(ctx, ledger);
  const first = from ?? (ledger.purchases.count === 0 ? asOf : ledger.purchases.at[0]!);
  const start = bucketStart(first, granularity);
  if (!(start < asOf)) throw new CliError(`lifecycle: --as-of (${new Date(asOf).toISOString()}) must be after the start (${new Date(start).toISOString()})`);
  const result = lifecycle(ledger, { granularity, start, end: asOf });
  const output: unknown = JSON.parse(JSON.stringify({ ...result, latest: result.periods.at(-1) ?? null }));
  const results = checks === null ? [] : thresholds.map((threshold) => checks.checkThreshold(output, threshold));
  if (format === "json") ctx.emit(json(output));
  else if (format === "csv") {
    ctx.emit(ctx.csv(["period", "start", "end", ...COUNTS], result.periods.map((p) => [p.key, p.start, p.end, ...COUNTS.map((kpi) => p[kpi])])));
  } else {
    const row = (p: LifecyclePeriod): string[] => [p.key, ...[p.active, p.new, p.returning, p.resurrected, p.dormantBar].map(formatInt), formatNumber(p.quickRatio, 2)];
    ctx.emit(`${markdownTable(["Period", "Active", "New", "Returning", "Resurrected", "Dormant", "Quick ratio"], result.periods.map(row))}\n`);
  }
  if (checks !== null && ctx.args["thresholds-out"] !== undefined) ctx.writeFile(ctx.args["thresholds-out"], checks.thresholdsJson(results));
  return checks === null ? EXIT_OK : checks.reportOutcomes(ctx, results);
}

import { Decimal } from "../core/money";
import { RetentionOptionsError } from "../input/errors";
import type { BenchmarkComparison, BenchmarkResult } from "./compareToBenchmarks";
import { formatMoney, formatPercent, humanize } from "./format";

/** A number KPI as the benchmark table shows it: six significant digits, no exponent for everyday sizes. */
function formatFigure(value: number | Decimal | null, currency: string | null): string {
  if (value === null) return "n/a";
  if (Decimal.isDecimal(value)) return formatMoney(value, currency);
  return String(Number(value.toPrecision(6)));
}

function signed(value: number | Decimal | null, currency: string | null): string {
  const text = formatFigure(value, currency);
  const positive = value !== null && (Decimal.isDecimal(value) ? value.isPositive() && !value.isZero() : value > 0);
  return positive ? `+${text}` : text;
}

/** "3 benchmarks: 1 ahead, 1 behind, 0 equal, 1 unknown." */
function caption(c: BenchmarkComparison): string {
  return `${c.count} benchmark${c.count === 1 ? "" : "s"}: ${c.ahead} ahead, ${c.behind} behind, ${c.equal} equal, ${c.unknown} unknown.`;
}

/** The benchmarks table shared by the Markdown and HTML reports: one row per benchmark, in the order given. */
export function benchmarkTable(c: BenchmarkComparison, currency: string | null): { caption: string; header: string[]; rows: string[][] } {
  return {
    caption: caption(c),
    header: ["KPI", "Ours", "Benchmark", "Gap", "Gap (share)", "Better when", "Status", "Source"],
    rows: c.results.map((r: BenchmarkResult) => [
      r.path,
      formatFigure(r.ours, currency),
      formatFigure(r.benchmark, currency),
      signed(r.gap, currency),
      formatPercent(r.gapShare),
      r.betterWhen,
      r.status === "unknown" && r.reason !== null ? `unknown: ${r.reason}` : humanize(r.status),
      r.source ?? "",
    ]),
  };
}

/** Checks the renderers' `benchmarks` option: a `compareToBenchmarks` result, or nothing. */
export function readRenderBenchmarks(options: unknown, caller: string): BenchmarkComparison | null {
  if (options === null || typeof options !== "object") return null;
  const value = (options as { benchmarks?: unknown }).benchmarks;
  if (value === undefined) return null;
  const results = typeof value === "object" && value !== null ? (value as { results?: unknown }).results : undefined;
  if (!Array.isArray(results)) throw new RetentionOptionsError("benchmarks", `${caller} expects a compareToBenchmarks result`);
  return value as BenchmarkComparison;
}

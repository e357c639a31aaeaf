import { Decimal, type MoneyInput } from "../core/money";
import { toPlainDecimalString } from "../core/plainDecimal";
import { describeValue } from "../input/describeValue";
import { IssueCollector, shapeError } from "../input/errors";
import type { KpiReport } from "./kpiReport";
import { readReport } from "./readReport";
import { lookupReportPath, numericKpi, splitReportPath } from "./reportPath";

/** Which side of a benchmark is the good one. */
export type BenchmarkDirection = "higher" | "lower";

/** Where a KPI stands against its benchmark; `unknown` when the report has no number there. */
export type BenchmarkStatus = "ahead" | "behind" | "equal" | "unknown";

/** A figure the user compares a KPI with: their own target, or a published industry figure they cite. */
export interface Benchmark {
  /** A KPI path of the report's JSON form, as `--fail-if` reads it (`retention.rate`, `cohorts.curve[1].rate`). */
  readonly path: string;
  /** The benchmark: a number, or for a money KPI a decimal string, number or Decimal. */
  readonly value: MoneyInput;
  /** Where the figure comes from (shown in the reports); optional. */
  readonly source?: string | undefined;
  /** Whether a higher or a lower value of the KPI is better. */
  readonly betterWhen: BenchmarkDirection;
}

/** One KPI against its benchmark. */
export interface BenchmarkResult {
  /** The path as given (trimmed). */
  readonly path: string;
  readonly source: string | null;
  readonly betterWhen: BenchmarkDirection;
  /** `money` when the KPI is money (ours, benchmark and gap are then exact `Decimal`s); `null` when ours is unknown. */
  readonly kind: "number" | "money" | null;
  /** The report's value; `null` when the KPI is null, absent or not a number (see `reason`). */
  readonly ours: number | Decimal | null;
  readonly benchmark: number | Decimal;
  /** ours − benchmark; `null` when ours is. */
  readonly gap: number | Decimal | null;
  /** gap ÷ |benchmark|; `null` when ours is null, the benchmark is 0, or the share is beyond a number's range. */
  readonly gapShare: number | null;
  readonly status: BenchmarkStatus;
  /** Why `status` is `unknown` or `gapShare` is `null`; `null` otherwise. */
  readonly reason: string | null;
}

/** Every benchmark's result, in the order given, with the counts by status. */
export interface BenchmarkComparison {
  readonly results: readonly BenchmarkResult[];
  readonly count: number;
  readonly ahead: number;
  readonly behind: number;
  readonly equal: number;
  readonly unknown: number;
}

interface CheckedBenchmark {
  readonly path: string;
  readonly keys: readonly string[];
  readonly value: Decimal;
  readonly source: string | null;
  readonly betterWhen: BenchmarkDirection;
}

const DIRECTIONS: readonly BenchmarkDirection[] = ["higher", "lower"];

/**
 * Checks benchmark rows: each a plain object with a KPI `path`, a finite `value`, an optional
 * string `source` and `betterWhen` "higher" or "lower". Every bad field is an issue naming its
 * row and field.
 *
 * @throws {RetentionInputError} when `benchmarks` is not an array or a row is invalid
 * @example
 * readBenchmarks([{ path: "retention.rate", value: 0.6, betterWhen: "higher" }])[0].keys //=> ["retention", "rate"]
 */
export function readBenchmarks(benchmarks: unknown): readonly CheckedBenchmark[] {
  if (!Array.isArray(benchmarks)) throw shapeError([], "invalid_type", `compareToBenchmarks expects an array of { path, value, source?, betterWhen }, found ${describeValue(benchmarks)}`);
  const issues = new IssueCollector();
  const checked: CheckedBenchmark[] = [];
  benchmarks.forEach((row: unknown, index) => {
    const issue = (field: string, message: string): void => issues.add({ index, path: [field], code: "invalid_benchmark", message });
    if (typeof row !== "object" || row === null || Array.isArray(row)) {
      issues.add({ index, path: [], code: "invalid_type", message: `expected an object { path, value, source?, betterWhen }, found ${describeValue(row)}` });
      return;
    }
    const { path, value, source, betterWhen } = row as Record<string, unknown>;
    const before = issues.total;
    const keys = typeof path === "string" ? splitReportPath(path) : null;
    if (keys === null) issue("path", `expected a KPI path such as "retention.rate" or "cohorts.curve[1].rate", found ${describeValue(path)}`);
    const text = value === null || typeof value === "boolean" ? null : toPlainDecimalString(value as MoneyInput);
    // A benchmark is compared as a number for number KPIs, so it must be one (|value| ≤ Number.MAX_VALUE).
    const plain = text !== null && Number.isFinite(Number(text)) ? text : null;
    if (plain === null) issue("value", `expected a finite number or decimal string within a number's range, found ${describeValue(value)}`);
    if (source !== undefined && typeof source !== "string") issue("source", `expected a string or nothing, found ${describeValue(source)}`);
    if (!DIRECTIONS.includes(betterWhen as BenchmarkDirection)) issue("betterWhen", `expected "higher" or "lower", found ${describeValue(betterWhen)}`);
    if (keys !== null && plain !== null && issues.total === before) {
      checked.push({ path: (path as string).trim(), keys, value: new Decimal(plain), source: (source as string | undefined) ?? null, betterWhen: betterWhen as BenchmarkDirection });
    }
  });
  issues.throwIfAny();
  return checked;
}

function compareOne(json: unknown, b: CheckedBenchmark): BenchmarkResult {
  const base = { path: b.path, source: b.source, betterWhen: b.betterWhen };
  const found = lookupReportPath(json, b.keys);
  const unknown = (reason: string): BenchmarkResult => ({ ...base, kind: null, ours: null, benchmark: b.value.toNumber(), gap: null, gapShare: null, status: "unknown", reason });
  if (found.kind === "null") return unknown(`${b.path} is null (${found.at} is null): undefined for this data`);
  if (found.kind === "absent") return unknown(`${b.path} is ${found.why}`);
  if (found.value === null) return unknown(`${b.path} is null: undefined for this data`);
  if (numericKpi(found.value) === null) return unknown(`${b.path} is not a number (${JSON.stringify(found.value)?.slice(0, 60) ?? "undefined"})`);
  const money = typeof found.value === "string";
  const ours = new Decimal(money ? (found.value as string) : (found.value as number));
  const gap = ours.minus(b.value);
  const sign = gap.isZero() ? 0 : gap.isNegative() ? -1 : 1;
  const status: BenchmarkStatus = sign === 0 ? "equal" : (sign > 0) === (b.betterWhen === "higher") ? "ahead" : "behind";
  const share = b.value.isZero() ? null : gap.div(b.value.abs()).toNumber();
  const gapShare = share !== null && Number.isFinite(share) ? share : null;
  const numberGap = gap.toNumber();
  if (!money && !Number.isFinite(numberGap)) return unknown(`the gap between ${b.path} (${String(found.value)}) and the benchmark is beyond a number's range`);
  return {
    ...base,
    kind: money ? "money" : "number",
    ours: money ? ours : (found.value as number),
    benchmark: money ? b.value : b.value.toNumber(),
    gap: money ? gap : numberGap,
    gapShare,
    status,
    reason: share === null ? "the benchmark is 0: no gap as a share" : gapShare === null ? "the gap is beyond a number's range as a share of the benchmark" : null,
  };
}

/** The report's JSON form, as `--fail-if` reads it; a report that cannot be serialised (a BigInt, a cycle) is a typed error. */
function reportJson(report: KpiReport): unknown {
  try {
    return JSON.parse(JSON.stringify(report)) as unknown;
  } catch (error) {
    throw shapeError([], "invalid_report", `compareToBenchmarks could not read the report as JSON, which is not as kpiReport returns it (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * Compares KPIs of a report with benchmarks the user supplies; the library ships no industry
 * figures. Each `path` is read from the report's JSON form exactly as the CLI's `--fail-if`
 * reads it (money as exact decimals). gap = ours − benchmark; gapShare = gap ÷ |benchmark|;
 * status is `ahead` when the gap lies on the `betterWhen` side, `behind` on the other,
 * `equal` at 0 and `unknown` when the KPI is null, absent (an unavailable section, a row past
 * a list's end, a path the report does not have) or not a number (docs/report.md, "Benchmarks").
 *
 * @param report - a `kpiReport` result, or its JSON form
 * @param benchmarks - `{ path, value, source?, betterWhen: "higher" | "lower" }[]`
 * @returns one result per benchmark, in the order given, with the counts by status
 * @throws {RetentionInputError} when `report` is not a kpiReport result, or a benchmark row is invalid (names the row and field)
 * @example
 * compareToBenchmarks(report, [{ path: "retention.rate", value: 0.6, betterWhen: "higher", source: "our 2025 target" }])
 * //=> { results: [{ path: "retention.rate", ours: 0.75, benchmark: 0.6, gap: 0.15, gapShare: 0.25, status: "ahead", ... }],
 * //     count: 1, ahead: 1, behind: 0, equal: 0, unknown: 0 }
 */
export function compareToBenchmarks(report: KpiReport, benchmarks: readonly Benchmark[]): BenchmarkComparison {
  readReport(report, "compareToBenchmarks");
  const checked = readBenchmarks(benchmarks);
  const json = reportJson(report);
  const results = checked.map((b) => compareOne(json, b));
  const count = (status: BenchmarkStatus): number => results.filter((r) => r.status === status).length;
  return { results, count: results.length, ahead: count("ahead"), behind: count("behind"), equal: count("equal"), unknown: count("unknown") };
}

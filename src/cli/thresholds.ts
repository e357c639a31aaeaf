import type { ThresholdOutcome, ThresholdOutcomeKind } from "../report/renderOptions";
import { CliError } from "./errors";
import { fits, kpiPaths, spell } from "./kpiPaths";
import { editDistance } from "../core/suggest";
import { escapeControlCharacters } from "../io/escapeControl";
import { paint } from "./color";
import { lookupReportPath, numericKpi, REPORT_PATH_PATTERN, splitReportPath } from "../report/reportPath";
import type { CommandContext } from "./context";
import { EXIT_OK, EXIT_THRESHOLD } from "./errors";

/** A comparison operator of `--fail-if`. */
export type ThresholdOperator = "<" | "<=" | ">" | ">=" | "==" | "!=";

/** One `--fail-if "path op value"` condition: the run fails when it holds. */
export interface Threshold {
  readonly text: string;
  readonly path: readonly string[];
  readonly operator: ThresholdOperator;
  readonly value: number;
}

/** The verdict on one threshold. */
export interface ThresholdResult {
  readonly threshold: Threshold;
  /** `fail` (the condition holds), `pass`, `null` (the KPI is null), `unknown` (not in this report or not a number). */
  readonly outcome: ThresholdOutcomeKind;
  /** The KPI's value in the JSON report (money as a decimal string); `null` when null or absent. */
  readonly value: number | string | null;
  readonly message: string;
}

const PATTERN = new RegExp(`^\\s*(${REPORT_PATH_PATTERN})\\s*(<=|>=|==|!=|<|>)\\s*(\\S+)\\s*$`);

/** Parses `"retention.rate < 0.6"`; paths may index arrays as `cohorts.curve[1].rate` or `.1.`. */
export function parseThreshold(text: string): Threshold {
  const match = PATTERN.exec(text);
  const value = match === null ? Number.NaN : Number(match[3]);
  if (match === null || !Number.isFinite(value)) {
    throw new CliError(`--fail-if: expected "path op number" with op one of < <= > >= == !=, found "${text}"`);
  }
  const path = splitReportPath(match[1]!)!;
  return { text: text.trim(), path, operator: match[2] as ThresholdOperator, value };
}

/**
 * Parses a threshold and checks that its path names a KPI of the report (a number or money
 * field of `KpiReportJsonSchema`). A path that names none is a configuration error (exit 2)
 * with the nearest KPI path; a KPI that is null or absent for this data is judged later.
 */
export function readThreshold(text: string): Threshold {
  return readThresholdAmong(text, kpiPaths(), "the report", "docs/report.md");
}

/**
 * Parses a threshold and checks that its path fits one of `kpis` (patterns with `#` for an
 * index), as `readThreshold` does for the report; `source` and `docs` name the JSON and the
 * page that lists its fields, for the message.
 */
export function readThresholdAmong(text: string, kpis: readonly (readonly string[])[], source: string, docs: string): Threshold {
  const threshold = parseThreshold(text);
  const { path } = threshold;
  if (kpis.some((kpi) => fits(path, kpi))) return threshold;
  throw new CliError(`--fail-if "${threshold.text}": ${spell(path, [])} names no KPI of ${source}; did you mean ${nearestKpi(path, kpis)}? (${docs} lists every field)`);
}

/** The KPI of `kpis` nearest to `path` (edit distance), spelled as a user would type it. */
export function nearestKpi(path: readonly string[], kpis: readonly (readonly string[])[]): string {
  const typed = path.join(".");
  let best = "";
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const kpi of kpis) {
    const candidate = spell(kpi, path);
    const d = editDistance(typed, candidate.replace(/\[(\d+)\]/g, ".$1"));
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function holds(actual: number, op: ThresholdOperator, limit: number): boolean {
  switch (op) {
    case "<": return actual < limit;
    case "<=": return actual <= limit;
    case ">": return actual > limit;
    case ">=": return actual >= limit;
    case "==": return actual === limit;
    case "!=": return actual !== limit;
  }
}

/**
 * Checks a threshold against the report's JSON form. Money (decimal strings) compares as a
 * number. A null KPI (or one under a null, such as `retention.previous.rate` without a
 * previous period) is `null`; a KPI of an unavailable section or a row past a list's end is
 * `unknown`. Both fail: a missing figure never passes silently.
 */
export function checkThreshold(json: unknown, threshold: Threshold): ThresholdResult {
  const name = threshold.path.join(".");
  const condition = `fails if ${threshold.operator} ${threshold.value}`;
  const found = lookupReportPath(json, threshold.path);
  if (found.kind === "null" || (found.kind === "value" && found.value === null)) {
    const where = found.kind === "null" && found.at !== name ? ` (${found.at} is null)` : "";
    return { threshold, outcome: "null", value: null, message: `${name} is null${where}: undefined for this data, ${condition}: failing` };
  }
  if (found.kind === "absent") return { threshold, outcome: "unknown", value: null, message: `${name} is ${found.why}, ${condition}: failing` };
  const actual = found.value;
  const numeric = numericKpi(actual);
  if (numeric === null) {
    return { threshold, outcome: "unknown", value: null, message: `${name} is not a number (${JSON.stringify(actual)?.slice(0, 60) ?? "undefined"}), ${condition}: failing` };
  }
  const crossed = holds(numeric, threshold.operator, threshold.value);
  return { threshold, outcome: crossed ? "fail" : "pass", value: actual as number | string, message: `${name} = ${String(actual)} (${condition}): ${crossed ? "THRESHOLD CROSSED" : "ok"}` };
}

/** The outcomes as the renderers show them. */
export function toOutcomes(results: readonly ThresholdResult[]): ThresholdOutcome[] {
  return results.map((r) => ({ threshold: r.threshold.text, value: r.value, outcome: r.outcome }));
}

/** The JSON `--thresholds-out` writes. */
export function thresholdsJson(results: readonly ThresholdResult[]): string {
  const body = {
    kind: "retention-metrics/thresholds",
    passed: results.every((r) => r.outcome === "pass"),
    thresholds: results.map((r) => ({
      threshold: r.threshold.text,
      path: r.threshold.path.join("."),
      operator: r.threshold.operator,
      limit: r.threshold.value,
      value: r.value,
      outcome: r.outcome,
      message: r.message,
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** Escapes workflow-command data: `%`, CR and LF (GitHub Actions "workflow commands"). */
export function escapeAnnotationData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow-command property value: the data escapes plus `:` and `,`. */
export function escapeAnnotationProperty(text: string): string {
  return escapeAnnotationData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** A GitHub Actions `::error` annotation line for a failed threshold. */
export function annotation(result: ThresholdResult): string {
  return `::error title=${escapeAnnotationProperty(`KPI threshold ${result.threshold.text}`)}::${escapeAnnotationData(result.message)}\n`;
}

/**
 * Prints each threshold's outcome to stderr (with an `::error` annotation for a failure under
 * GitHub Actions) and returns the exit code: 0 when every threshold passed, 1 otherwise.
 */
export function reportOutcomes(ctx: CommandContext, results: readonly ThresholdResult[]): number {
  const annotate = ctx.io.env.GITHUB_ACTIONS === "true";
  for (const result of results) {
    const passed = result.outcome === "pass";
    ctx.io.stderr.write(`${paint(passed ? "ok" : "FAIL", passed ? "green" : "red", ctx.color)}: ${escapeControlCharacters(result.message)}\n`);
    if (annotate && !passed) ctx.io.stderr.write(annotation(result));
  }
  return results.every((r) => r.outcome === "pass") ? EXIT_OK : EXIT_THRESHOLD;
}

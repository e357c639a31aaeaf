import type { ThresholdOutcome, ThresholdOutcomeKind } from "../report/renderOptions";
import { escapeControlCharacters } from "../io/escapeControl";
import { paint } from "./color";
import type { CommandContext } from "./context";
import { CliError, EXIT_OK, EXIT_THRESHOLD } from "./errors";
import { fits, kpiPaths, spell } from "./kpiPaths";
import { editDistance } from "../core/suggest";

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

const PATTERN = /^\s*([A-Za-z_$][\w$]*(?:(?:\.[\w$]+)|(?:\[\d+\]))*)\s*(<=|>=|==|!=|<|>)\s*(\S+)\s*$/;

/** Parses `"retention.rate < 0.6"`; paths may index arrays as `cohorts.curve[1].rate` or `.1.`. */
export function parseThreshold(text: string): Threshold {
  const match = PATTERN.exec(text);
  const value = match === null ? Number.NaN : Number(match[3]);
  if (match === null || !Number.isFinite(value)) {
    throw new CliError(`--fail-if: expected "path op number" with op one of < <= > >= == !=, found "${text}"`);
  }
  const path = match[1]!.replace(/\[(\d+)\]/g, ".$1").split(".");
  return { text: text.trim(), path, operator: match[2] as ThresholdOperator, value };
}

/**
 * Parses a threshold and checks that its path names a KPI of the report (a number or money
 * field of `KpiReportJsonSchema`). A path that names none is a configuration error (exit 2)
 * with the nearest KPI path; a KPI that is null or absent for this data is judged later.
 */
export function readThreshold(text: string): Threshold {
  return readThresholdAmong(text, kpiPaths(), "names no KPI of the report", "docs/report.md lists every field");
}

/**
 * `readThreshold` for a command whose JSON output is not the report: `kpis` are its KPI paths
 * (`#` an index, `*` a key), `unknown` ends the message for a path among none of them, and
 * `where` says where they are documented.
 */
export function readThresholdAmong(text: string, kpis: readonly (readonly string[])[], unknown: string, where: string): Threshold {
  const threshold = parseThreshold(text);
  const { path } = threshold;
  if (kpis.some((kpi) => fits(path, kpi))) return threshold;
  const typed = path.join(".");
  let best = "";
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const kpi of kpis) {
    const candidate = spell(kpi, path);
    const d = editDistance(typed, candidate.replace(/\[(\d+)\]/g, ".$1"));
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  throw new CliError(`--fail-if "${threshold.text}": ${spell(path, [])} ${unknown}; did you mean ${best}? (${where})`);
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

/** What a path leads to in the JSON report: a value, a null on the way, or an absent section or row. */
type Found = { readonly kind: "value"; readonly value: unknown } | { readonly kind: "null"; readonly at: string } | { readonly kind: "absent"; readonly why: string };

function lookup(json: unknown, path: readonly string[]): Found {
  let node = json;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const at = path.slice(0, i).join(".");
    if (node === null) return { kind: "null", at };
    if (typeof node !== "object") return { kind: "absent", why: "not in the report" };
    const record = node as Record<string, unknown>;
    if (record.available === false && typeof record.reason === "string" && !Object.hasOwn(record, key)) return { kind: "absent", why: `not available (${at}: ${record.reason})` };
    if (!Object.hasOwn(record, key)) return { kind: "absent", why: "not in the report" };
    node = record[key];
  }
  return { kind: "value", value: node };
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
  const found = lookup(json, threshold.path);
  if (found.kind === "null" || (found.kind === "value" && found.value === null)) {
    const where = found.kind === "null" && found.at !== name ? ` (${found.at} is null)` : "";
    return { threshold, outcome: "null", value: null, message: `${name} is null${where}: undefined for this data, ${condition}: failing` };
  }
  if (found.kind === "absent") return { threshold, outcome: "unknown", value: null, message: `${name} is ${found.why}, ${condition}: failing` };
  const actual = found.value;
  const numeric = typeof actual === "number" ? actual : typeof actual === "string" && /^-?\d+(\.\d+)?$/.test(actual) ? Number(actual) : null;
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
 * Prints each verdict on stderr (`ok:` or `FAIL:`, with `::error` annotations under GitHub
 * Actions) and returns the exit code: 0 when every threshold passed, else 1.
 */
export function printVerdicts(ctx: CommandContext, results: readonly ThresholdResult[]): number {
  const annotate = ctx.io.env.GITHUB_ACTIONS === "true";
  for (const result of results) {
    const passed = result.outcome === "pass";
    ctx.io.stderr.write(`${paint(passed ? "ok" : "FAIL", passed ? "green" : "red", ctx.color)}: ${escapeControlCharacters(result.message)}\n`);
    if (annotate && !passed) ctx.io.stderr.write(annotation(result));
  }
  return results.every((r) => r.outcome === "pass") ? EXIT_OK : EXIT_THRESHOLD;
}

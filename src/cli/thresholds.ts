import { CliError } from "./errors";

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
  /** `crossed` (condition holds), `ok`, `null` (the KPI is null), `unknown` (no such KPI or not a number). */
  readonly status: "crossed" | "ok" | "null" | "unknown";
  readonly actual: unknown;
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

function lookup(json: unknown, path: readonly string[]): unknown {
  let node = json;
  for (const key of path) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * Checks a threshold against the report's JSON form. Money (decimal strings) compares as a
 * number. A null KPI or an unknown path fails: a missing figure never passes silently.
 */
export function checkThreshold(json: unknown, threshold: Threshold): ThresholdResult {
  const name = threshold.path.join(".");
  const condition = `fails if ${threshold.operator} ${threshold.value}`;
  const actual = lookup(json, threshold.path);
  if (actual === null) return { threshold, status: "null", actual, message: `${name} is null (undefined for this data), ${condition}: failing` };
  const numeric = typeof actual === "number" ? actual : typeof actual === "string" && /^-?\d+(\.\d+)?$/.test(actual) ? Number(actual) : null;
  if (numeric === null) {
    const found = actual === undefined ? "not in the report" : `not a number (${JSON.stringify(actual).slice(0, 60)})`;
    return { threshold, status: "unknown", actual, message: `${name} is ${found}, ${condition}: failing` };
  }
  const crossed = holds(numeric, threshold.operator, threshold.value);
  return { threshold, status: crossed ? "crossed" : "ok", actual, message: `${name} = ${String(actual)} (${condition}): ${crossed ? "THRESHOLD CROSSED" : "ok"}` };
}

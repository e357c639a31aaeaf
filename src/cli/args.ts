import { parseArgs } from "node:util";
import { CliError } from "./errors";
import { nearest, typoBudget } from "../core/suggest";

/** The flags every subcommand understands (unused ones are rejected per command). */
export const OPTIONS = {
  purchases: { type: "string" },
  events: { type: "string" },
  surveys: { type: "string" },
  costs: { type: "string" },
  by: { type: "string" },
  margin: { type: "string" },
  program: { type: "string" },
  baseline: { type: "string" },
  columns: { type: "string", multiple: true },
  "date-format": { type: "string" },
  "input-format": { type: "string" },
  engine: { type: "string" },
  "memory-limit": { type: "string" },
  currency: { type: "string" },
  delimiter: { type: "string" },
  "decimal-separator": { type: "string" },
  "as-of": { type: "string" },
  period: { type: "string" },
  from: { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  html: { type: "string" },
  "time-unit": { type: "string" },
  "fail-if": { type: "string", multiple: true },
  "thresholds-out": { type: "string" },
  model: { type: "string" },
  horizon: { type: "string" },
  "discount-rate": { type: "string" },
  interval: { type: "string" },
  draws: { type: "string" },
  seed: { type: "string" },
  penalizer: { type: "string" },
  top: { type: "string" },
  within: { type: "string" },
  "min-value": { type: "string" },
  skip: { type: "string", multiple: true },
  steps: { type: "string" },
  "point-value": { type: "string" },
  expiry: { type: "string" },
  cohort: { type: "string" },
  "csv-raw": { type: "boolean" },
  benchmarks: { type: "string" },
  "save-rate": { type: "string" },
  "retention-rate": { type: "string" },
  "future-cohorts": { type: "string" },
  threads: { type: "string" },
  "calibration-end": { type: "string" },
  "observation-end": { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

/** Parsed command line: the subcommand and its flag values. */
export interface ParsedArgs {
  readonly command: string | undefined;
  readonly values: { readonly [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true } ? string[] : (typeof OPTIONS)[K] extends { type: "boolean" } ? boolean : string };
}

/** Long and short names of every flag. */
const FLAG_NAMES: ReadonlySet<string> = new Set(Object.entries(OPTIONS).flatMap(([name, option]) => ("short" in option ? [name, option.short] : [name])));

/**
 * Refuses the first unknown flag, suggesting the nearest known one:
 * `unknown option --purchase; did you mean --purchases?`.
 */
function refuseUnknownFlags(argv: readonly string[]): void {
  const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== "option" || FLAG_NAMES.has(token.name)) continue;
    const guess = token.name.length > 1 ? nearest(token.name, Object.keys(OPTIONS), typoBudget(token.name)) : null;
    throw new CliError(`unknown option ${token.rawName}${guess === null ? " (see retention-metrics --help)" : `; did you mean --${guess}?`}`);
  }
}

/** Parses argv with `node:util` `parseArgs`; unknown flags and extra words are usage errors. */
export function readArgs(argv: readonly string[]): ParsedArgs {
  refuseUnknownFlags(argv);
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  if (parsed.positionals.length > 1) throw new CliError(`unexpected argument "${parsed.positionals[1]!}"`);
  return { command: parsed.positionals[0], values: parsed.values as ParsedArgs["values"] };
}

/** Reads a flag that must be one of `allowed`. */
export function choice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new CliError(`--${flag}: expected ${allowed.join(" | ")}, found "${value}"`);
  return value as T;
}

/** Reads a numeric flag. */
export function numberFlag(flag: string, value: string | undefined, check: (n: number) => boolean, expected: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || !check(n)) throw new CliError(`--${flag}: expected ${expected}, found "${value}"`);
  return n;
}

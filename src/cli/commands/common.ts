import type { Ledger } from "../../input/ledger";
import { latestRecord } from "../../report/dataSpan";
import { resolveAsOf } from "../../report/reportPeriod";
import { choice, numberFlag } from "../args";
import type { CommandContext } from "../context";

/** `--as-of`, or the end of the latest UTC day in the data. */
export function asOfFlag(ctx: CommandContext, ledger: Ledger): number {
  return resolveAsOf(ctx.args["as-of"], latestRecord(ledger));
}

/** `--time-unit day|week` (default week). */
export function timeUnitFlag(ctx: CommandContext): "day" | "week" {
  return choice<"day" | "week">("time-unit", ctx.args["time-unit"], ["day", "week"], "week");
}

/** `--top N` (default `fallback`). */
export function topFlag(ctx: CommandContext, fallback: number): number {
  return numberFlag("top", ctx.args.top, (n) => Number.isInteger(n) && n >= 0, "an integer ≥ 0") ?? fallback;
}

/** `--penalizer X`: the L2 penalty of the BG/NBD and Gamma-Gamma fits (undefined: none). */
export function penalizerFlag(ctx: CommandContext): number | undefined {
  return numberFlag("penalizer", ctx.args.penalizer, (n) => n >= 0, "a number ≥ 0 such as 0.001");
}

/** Pretty JSON with a final newline. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The LTV tiers `segments` prints: customers ranked by revenue, the top ones holding 80% of it. */
export const SEGMENT_TIERS = { by: "revenue", method: "pareto", share: 0.8 } as const;

/** Flags of the commands that run on `--engine duckdb` (report, summary, cohorts, fit, predict, segments). */
export const ENGINE_FLAGS = ["engine", "memory-limit"];

/** Input flags every data command accepts. */
export const INPUT_FLAGS = ["purchases", "events", "surveys", "columns", "date-format", "input-format", "currency", "delimiter", "decimal-separator", "as-of", "format", "out", "csv-raw"];

import type { DurationInput } from "../core/time";
import { DAY_MS } from "../defection/gaps";
import { CliError } from "./errors";

const WITHIN = /^(\d+)(ms|s|min|h|d|w|mo|y)$/;
const UNIT_MS: ReadonlyMap<string, number> = new Map([["ms", 1], ["s", 1000], ["min", 60_000], ["h", 3_600_000], ["d", DAY_MS], ["w", 7 * DAY_MS]]);

/**
 * `--within 30d` (the funnel's conversion window, the follow-up list's survey window): a whole
 * number and a unit, always both, so "30" is never read as the wrong unit; milliseconds
 * for ms, s, min, h, d and w; a calendar `Duration` for mo (months) and y (years).
 */
export function readWithinFlag(value: string | undefined, flag = "within"): DurationInput | undefined {
  if (value === undefined) return undefined;
  const match = WITHIN.exec(value.trim());
  if (match === null || Number(match[1]) === 0) throw new CliError(`--${flag}: expected a positive whole number and a unit (ms, s, min, h, d, w, mo, y) such as 30d, found "${value}"`);
  const n = Number(match[1]);
  const unit = match[2]!;
  if (unit === "mo") return { months: n };
  if (unit === "y") return { years: n };
  return n * UNIT_MS.get(unit)!;
}


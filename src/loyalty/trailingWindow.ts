import { durationOption } from "../input/optionReaders";
import { subtractDuration, type DurationInput } from "../core/time";
import { RetentionOptionsError } from "../input/errors";

/** A validated trailing window; `fixedMs` is its length when it never depends on the calendar. */
export interface TrailingWindow {
  readonly duration: DurationInput;
  readonly fixedMs: number | null;
}

const FIXED_FIELDS = ["weeks", "days", "hours", "minutes", "seconds"] as const;
const FIELD_MS = [604_800_000, 86_400_000, 3_600_000, 60_000, 1_000] as const;

/**
 * Validates a window (a positive date-fns `Duration` or milliseconds). A duration without
 * years or months and with whole fields has a fixed length in UTC (no daylight saving), so
 * the hot loops subtract milliseconds instead of calling date-fns for every order.
 */
export function readTrailingWindow(duration: DurationInput, name: string): TrailingWindow {
  durationOption(name, duration);
  const probe = Date.UTC(2000, 2, 1);
  const from = typeof duration === "number" || (typeof duration === "object" && duration !== null) ? subtractDuration(probe, duration) : Number.NaN;
  if (!Number.isFinite(from) || !(from < probe)) {
    throw new RetentionOptionsError(name, `expected a positive duration (e.g. { days: 365 }) or milliseconds, found ${JSON.stringify(duration)}`);
  }
  if (typeof duration === "number") return { duration, fixedMs: duration };
  if ((duration.years ?? 0) !== 0 || (duration.months ?? 0) !== 0) return { duration, fixedMs: null };
  let ms = 0;
  for (let i = 0; i < FIXED_FIELDS.length; i++) {
    const value = duration[FIXED_FIELDS[i]!] ?? 0;
    if (!Number.isInteger(value)) return { duration, fixedMs: null };
    ms += value * FIELD_MS[i]!;
  }
  return { duration, fixedMs: ms };
}

/** Start of the trailing window that ends at `at`. */
export function trailingStart(window: TrailingWindow, at: number): number {
  return window.fixedMs === null ? subtractDuration(at, window.duration) : at - window.fixedMs;
}

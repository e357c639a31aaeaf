import { durationOption } from "../input/optionReaders";
import { RetentionOptionsError } from "../input/errors";
import { toEpochMs, type DateInput, type DurationInput, subtractDuration } from "./time";
import { printValue } from "../input/describeValue";

/** A half-open period `[start, end)` in UTC. */
export interface PeriodOptions {
  readonly start: DateInput;
  readonly end: DateInput;
}

/** An optional half-open range; a missing bound is open. */
export interface RangeOptions {
  readonly start?: DateInput | undefined;
  readonly end?: DateInput | undefined;
}

/** A period as it appears in results. */
export interface Period {
  readonly start: Date;
  readonly end: Date;
}

/** A range as it appears in results; `null` is an open bound. */
export interface Range {
  readonly start: Date | null;
  readonly end: Date | null;
}

/** Reads a date option, or throws `RetentionOptionsError` naming it. */
export function dateOption(name: string, value: unknown): number {
  const ms = toEpochMs(value);
  if (ms === null) {
    throw new RetentionOptionsError(name, `expected a Date, an ISO-8601 string or epoch milliseconds, found ${printValue(value)}`);
  }
  return ms;
}

/** Reads `[start, end)`; both are required and `start` must be before `end`. */
export function readPeriod(options: PeriodOptions | undefined, fn: string): { start: number; end: number } {
  if (options === undefined || options.start === undefined || options.end === undefined) {
    throw new RetentionOptionsError("start", `${fn} needs { start, end }`);
  }
  const start = dateOption("start", options.start);
  const end = dateOption("end", options.end);
  if (!(start < end)) {
    throw new RetentionOptionsError("end", `${fn} needs start before end, found ${new Date(start).toISOString()} ≥ ${new Date(end).toISOString()}`);
  }
  return { start, end };
}

/** Reads an optional range; open bounds become ±Infinity internally. */
export function readRange(options: RangeOptions | undefined): { start: number; end: number; range: Range } {
  const start = options?.start === undefined ? Number.NEGATIVE_INFINITY : dateOption("start", options.start);
  const end = options?.end === undefined ? Number.POSITIVE_INFINITY : dateOption("end", options.end);
  if (!(start < end)) throw new RetentionOptionsError("end", "expected start before end");
  return {
    start,
    end,
    range: {
      start: Number.isFinite(start) ? new Date(start) : null,
      end: Number.isFinite(end) ? new Date(end) : null,
    },
  };
}

/**
 * The start of the window of length `window` that ends at `at`; the window must be positive,
 * or a `RetentionOptionsError` names the option (`activeWindow` unless told otherwise). A
 * `Duration`'s fields must be whole numbers ≥ 0 (`durationOption`).
 */
export function windowStart(at: number, window: DurationInput, option = "activeWindow"): number {
  const from = subtractDuration(at, durationOption(option, window));
  if (!Number.isFinite(from) || !(from < at)) {
    throw new RetentionOptionsError(option, `expected a positive duration or milliseconds, found ${JSON.stringify(window)}`);
  }
  return from;
}

import { durationOption } from "../input/optionReaders";
import { RetentionOptionsError } from "../input/errors";
import { addDuration, type DurationInput } from "../core/time";

const EXACT_MS: Readonly<Record<string, number>> = { weeks: 604_800_000, days: 86_400_000, hours: 3_600_000, minutes: 60_000, seconds: 1000 };

/**
 * The end of a window that opens at an instant, as a function of it: `Infinity` without a
 * window; `t + ms` for milliseconds or a `Duration` of weeks, days, hours, minutes and seconds
 * (exact in UTC, which has no daylight saving); date-fns `add` in UTC when it has months or
 * years (one month from Jan 31 ends on the last day of February). The window is half-open:
 * an instant exactly at its end is outside it. Throws `RetentionOptionsError` naming `option`
 * unless the window is positive.
 *
 * @example
 * windowEnd({ days: 1 }, "within")(0) //=> 86400000
 */
export function windowEnd(value: unknown, option: string): (opensAt: number) => number {
  if (value === undefined) return () => Number.POSITIVE_INFINITY;
  const window = durationOption(option, value);
  const ms = exactMs(window);
  const positive = ms === null ? addDuration(0, window) > 0 : ms > 0;
  if (!positive) throw new RetentionOptionsError(option, `expected a positive duration or milliseconds, found ${JSON.stringify(value)}`);
  if (ms !== null) return (opensAt) => opensAt + ms;
  return (opensAt) => addDuration(opensAt, window);
}

function exactMs(window: DurationInput): number | null {
  if (typeof window === "number") return window;
  let ms = 0;
  for (const [field, part] of Object.entries(window)) {
    if (part === undefined) continue;
    const unit = EXACT_MS[field];
    if (unit === undefined) return null;
    ms += (part as number) * unit;
  }
  return ms;
}

import { dateOption } from "../core/period";
import type { DurationInput } from "../core/time";
import { durationOption } from "../input/optionReaders";
import { RetentionOptionsError } from "../input/errors";
import { describeValue } from "../input/describeValue";

/** The one redemption order: oldest points first. */
export type RedemptionOrder = "fifo";

/** Default age buckets of outstanding points, in days: 0–29, 30–89, 90–179, 180–364, 365+. */
export const DEFAULT_AGE_BUCKET_DAYS: readonly number[] = [30, 90, 180, 365];

/** `asOf`, required. */
export function requiredAsOf(value: unknown, fn: string): number {
  if (value === undefined) throw new RetentionOptionsError("asOf", `${fn} needs { asOf }`);
  return dateOption("asOf", value);
}

/** `redemptionOrder`: `"fifo"` (the default, and the only order). */
export function readRedemptionOrder(value: unknown): RedemptionOrder {
  if (value === undefined || value === "fifo") return "fifo";
  throw new RetentionOptionsError("redemptionOrder", `expected "fifo" (oldest points redeemed first), found ${describeValue(value)}`);
}

/** `expiry`: a positive duration (milliseconds or a `Duration`), or `null` when not given. */
export function readExpiry(value: unknown, name = "expiry"): DurationInput | null {
  if (value === undefined) return null;
  const duration = durationOption(name, value);
  const positive = typeof duration === "number" ? duration > 0 : Object.values(duration).some((part) => (part as number | undefined ?? 0) > 0);
  if (!positive) throw new RetentionOptionsError(name, `expected a positive duration such as { months: 12 }, found ${describeValue(value)}`);
  return duration;
}

/** `ageBucketDays`: ascending whole days > 0 that split outstanding points by age (at most 50). */
export function readAgeBuckets(value: unknown): readonly number[] {
  if (value === undefined) return DEFAULT_AGE_BUCKET_DAYS;
  const expected = "expected an ascending array of at most 50 whole numbers of days > 0, such as [30, 90, 180, 365]";
  if (!Array.isArray(value) || value.length > 50) throw new RetentionOptionsError("ageBucketDays", `${expected}, found ${describeValue(value)}`);
  const days: number[] = [];
  for (const entry of value as unknown[]) {
    if (!(Number.isSafeInteger(entry) && (entry as number) > 0 && (entry as number) <= 1_000_000 && (days.length === 0 || (entry as number) > days.at(-1)!))) {
      throw new RetentionOptionsError("ageBucketDays", `${expected}, found ${describeValue(entry)} at position ${days.length}`);
    }
    days.push(entry as number);
  }
  return days;
}

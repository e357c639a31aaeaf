import { addBuckets, bucketStart } from "../core/calendar";
import { dateOption, readPeriod, type PeriodOptions } from "../core/period";
import { RetentionOptionsError } from "../input/errors";
import type { ReportPeriodKind } from "./types";

/** `month`, `quarter`, `year`, or an explicit `{ start, end }`. */
export type ReportPeriodOption = "month" | "quarter" | "year" | PeriodOptions;

/** The resolved periods, in epoch ms. */
export interface ResolvedPeriods {
  readonly kind: ReportPeriodKind;
  readonly start: number;
  readonly end: number;
  readonly previousStart: number;
}

/**
 * The period reported and the one before it. A calendar kind gives the last complete UTC
 * calendar period ending at or before `asOf` (asOf on a boundary ends it; otherwise the period
 * before the one holding asOf) and the calendar period before that. `{ start, end }` gives
 * itself and `[start − (end − start), start)`.
 */
export function resolvePeriods(period: ReportPeriodOption | undefined, asOf: number): ResolvedPeriods {
  const option = period ?? "month";
  if (typeof option === "object" && option !== null) {
    const { start, end } = readPeriod(option, "kpiReport");
    return { kind: "custom", start, end, previousStart: start - (end - start) };
  }
  if (option !== "month" && option !== "quarter" && option !== "year") {
    throw new RetentionOptionsError("period", `expected "month", "quarter", "year" or { start, end }, found ${JSON.stringify(option)}`);
  }
  const end = bucketStart(asOf, option);
  const start = addBuckets(end, option, -1);
  return { kind: option, start, end, previousStart: addBuckets(start, option, -1) };
}

/** Reads `asOf`, defaulting to the end of the latest UTC day holding a record. */
export function resolveAsOf(asOf: unknown, latest: number): number {
  if (asOf !== undefined) return dateOption("asOf", asOf);
  if (!Number.isFinite(latest)) {
    throw new RetentionOptionsError("asOf", "kpiReport needs asOf when the input holds no dated record");
  }
  return bucketStart(latest, "day") + 86_400_000;
}

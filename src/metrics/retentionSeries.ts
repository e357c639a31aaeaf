import { GRANULARITIES, bucketKey, checkGranularity, checkWeekStartsOn, type Granularity, type WeekStartsOn } from "../core/calendar";
import { dateOption } from "../core/period";
import type { DateInput, DurationInput } from "../core/time";
import { RetentionOptionsError } from "../input/errors";
import { toLedger, type MetricInput } from "../input/toLedger";
import { bucketIndex, bucketIndexStart, checkBucketCount } from "../core/bucketIndex";
import { retentionRate, type RetentionRate } from "./retentionRate";
import { readOptions } from "../input/readOptions";

/** Options of `retentionSeries`. */
export interface RetentionSeriesOptions {
  readonly granularity: Granularity;
  /** The series covers the calendar periods that lie inside `[from, to)`. */
  readonly from: DateInput;
  readonly to: DateInput;
  /** Active window for every period (date-fns `Duration` or ms); default: each period's own length. */
  readonly activeWindow?: DurationInput | undefined;
  /** First day of the week for weekly periods (default 1, Monday: ISO weeks). */
  readonly weekStartsOn?: WeekStartsOn | undefined;
}

/** `retentionRate` of one calendar period, labelled with the period's key. */
export interface RetentionSeriesPoint extends RetentionRate {
  /** `2024-01-15`, `2024-W03`, `2024-01`, `2024-Q1` or `2024`. */
  readonly key: string;
}

/**
 * `retentionRate` for each consecutive calendar period (UTC) in `[from, to)`: retention over
 * time from one ledger, validated once.
 *
 * point_p = retentionRate(ledger, { start: p.start, end: p.end, activeWindow }), with the
 * default active window of each period equal to its own length (a 31-day window for
 * January, 29 days for February 2024). Periods are the whole buckets inside `[from, to)`:
 * a partial bucket at either end is left out. At most `MAX_BUCKETS` (100,000) periods: a
 * wider range is a `RetentionOptionsError` (option `to`), raised before any work.
 *
 * @param input - purchases, `{ purchases, events }`, or a prepared `Ledger`
 * @param options - granularity, from, to, optional activeWindow and weekStartsOn
 * @returns one `retentionRate` result per period, oldest first, each with its `key`
 * @throws {RetentionInputError} when a row is invalid
 * @throws {RetentionOptionsError} on an unknown granularity, a bad date, from ≥ to, more than 100,000 periods, or a window that is not positive
 * @example
 * retentionSeries(purchases, { granularity: "month", from: "2024-01-01", to: "2024-04-01" })
 * //=> [{ key: "2024-01", rate: 0.5, startCount: 4, ... }, { key: "2024-02", ... }, { key: "2024-03", ... }]
 */
export function retentionSeries(input: MetricInput, options: RetentionSeriesOptions): RetentionSeriesPoint[] {
  options = readOptions(options, "retentionSeries");
  const ledger = toLedger(input);
  const granularity = checkGranularity(options?.granularity, GRANULARITIES, "retentionSeries");
  const weekStartsOn = checkWeekStartsOn(options.weekStartsOn);
  if (options.from === undefined || options.to === undefined) {
    throw new RetentionOptionsError(options.from === undefined ? "from" : "to", "retentionSeries needs { from, to }");
  }
  const from = dateOption("from", options.from);
  const to = dateOption("to", options.to);
  if (!(from < to)) throw new RetentionOptionsError("to", "expected from before to");
  const points: RetentionSeriesPoint[] = [];
  let index = bucketIndex(from, granularity, weekStartsOn);
  if (bucketIndexStart(index, granularity, weekStartsOn) < from) index++;
  checkBucketCount("to", bucketIndex(to, granularity, weekStartsOn) - index, `${granularity} periods between from and to`);
  for (let start = bucketIndexStart(index, granularity, weekStartsOn); ; index++) {
    const end = bucketIndexStart(index + 1, granularity, weekStartsOn);
    if (!(Number.isFinite(start) && Number.isFinite(end))) {
      throw new RetentionOptionsError(Number.isFinite(start) ? "to" : "from", `a ${granularity} period reaches past the dates a Date can hold (±8.64e15 ms, years −271821 to 275760)`);
    }
    if (end > to) break;
    const period = { start, end, activeWindow: options.activeWindow };
    points.push({ key: bucketKey(start, granularity, weekStartsOn), ...retentionRate(ledger, period) });
    start = end;
  }
  return points;
}

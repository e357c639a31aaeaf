import { transactionModelLabel } from "../clv/models/modelLabel";
import { GRANULARITIES, type Granularity } from "../core/calendar";
import { toEpochMs } from "../core/time";
import type { TrackingSeries } from "../diagnostics/trackingSeries";
import { RetentionOptionsError } from "../input/errors";
import { describeValue } from "../input/describeValue";

/** One period as the tracking chart draws it. */
export interface ChartPeriod {
  readonly index: number;
  /** The period's first day, `YYYY-MM-DD`. */
  readonly start: string;
  readonly phase: "calibration" | "holdout";
  readonly actual: number;
  readonly expected: number;
  readonly actualCumulative: number;
  readonly expectedCumulative: number;
}

const NUMBERS = ["index", "actual", "expected", "actualCumulative", "expectedCumulative"] as const;

/**
 * Reads a `trackingSeries` result (as returned, or after a JSON round trip: dates as ISO
 * strings) for a chart, checking every field it draws.
 *
 * @throws {RetentionOptionsError} (option `series`) naming the first field that is not as `trackingSeries` returns it
 */
export function readTrackingSeries(series: TrackingSeries, fn: string): { periods: ChartPeriod[]; granularity: Granularity | null; model: string; customers: number } {
  const fail = (what: string, value: unknown): never => {
    throw new RetentionOptionsError("series", `${fn} expects a trackingSeries result; ${what} is ${describeValue(value)}`);
  };
  if (typeof series !== "object" || series === null) fail("the series", series);
  if (!Array.isArray(series.periods)) fail("periods", series.periods);
  const periods = series.periods.map((period, i): ChartPeriod => {
    if (typeof period !== "object" || period === null) fail(`periods[${i}]`, period);
    for (const name of NUMBERS) if (!(typeof period[name] === "number" && Number.isFinite(period[name]))) fail(`periods[${i}].${name}`, period[name]);
    if (period.phase !== "calibration" && period.phase !== "holdout") fail(`periods[${i}].phase`, period.phase);
    const start = toEpochMs(period.start);
    if (start === null) fail(`periods[${i}].start`, period.start);
    const { index, phase, actual, expected, actualCumulative, expectedCumulative } = period;
    return { index, start: new Date(start!).toISOString().slice(0, 10), phase, actual, expected, actualCumulative, expectedCumulative };
  });
  const granularity = GRANULARITIES.includes(series.granularity) ? series.granularity : null;
  const customers = typeof series.customerCount === "number" && Number.isFinite(series.customerCount) ? series.customerCount : 0;
  return { periods, granularity, model: transactionModelLabel(series.model), customers };
}

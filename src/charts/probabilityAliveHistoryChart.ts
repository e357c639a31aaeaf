import { dateOption } from "../core/period";
import { toEpochMs, type DateInput } from "../core/time";
import { transactionModelLabel } from "../clv/models/modelLabel";
import type { TransactionModel } from "../clv/models/modelTypes";
import { TRANSACTION_MODELS } from "../clv/models/modelTypes";
import { probabilityAlive } from "../clv/models/probabilityAlive";
import { readChartModel } from "./modelGrid";
import { describeValue } from "../input/describeValue";
import { RetentionInputError, RetentionOptionsError, shapeError } from "../input/errors";
import { readOptions } from "../input/readOptions";
import type { VegaLiteSpec } from "../report/toVegaLite";
import { chartSpec, CHART_FORMATS, unavailableChart } from "./chartSpec";

/** Options of `probabilityAliveHistoryChart`: one customer's purchase dates and the last day to draw. */
export interface ProbabilityAliveHistoryOptions {
  /** The customer's purchase instants (any order; purchases on the same UTC day are one transaction). */
  readonly purchases: readonly DateInput[];
  /** The last day drawn (inclusive, UTC): usually the summary's `asOf`. */
  readonly end: DateInput;
  /** The customer's id, for the title. */
  readonly customerId?: string | undefined;
}

/** Most days a history may span (about 55 years), so no input draws millions of points. */
export const MAX_HISTORY_DAYS = 20_000;

const DAY_MS = 86_400_000;
const UNIT_DAYS: Readonly<Partial<Record<TransactionModel["timeUnit"], number>>> = { day: 1, week: 7 };

/**
 * P(alive) history of one customer, as lifetimes' `plot_history_alive`: for every UTC day d
 * from the first purchase to `end`, P(alive) (`probabilityAlive`) of the history known on
 * d: frequency = transaction days up to d − 1, recency = last − first transaction day,
 * T = d − first day, in the model's time unit (day, or week = 7 days, the units
 * `customerSummary` measures time in; a model in another unit is a `RetentionOptionsError`).
 * P(alive) jumps to 1 at each purchase and decays until the next; dashed rules mark the
 * purchases. No purchase at or before `end`: a chart that says so.
 *
 * @param model - a fitted BG/NBD or Pareto/NBD model in days or weeks
 * @param options - the customer's `purchases`, the `end` day, and `customerId`
 * @returns a Vega-Lite v5 line chart of P(alive) by day, with the purchases as rules
 * @throws {RetentionInputError} when a purchase is not a date (naming its index)
 * @throws {RetentionOptionsError} when the model, `end` or the span is invalid
 * @example
 * probabilityAliveHistoryChart(bgNbdWeeks, { purchases: ["1997-01-01", "1997-02-10"], end: "1997-09-30" }).data.values[0]
 * //=> { date: "1997-01-01", kind: "P(alive)", value: 1 }
 */
export function probabilityAliveHistoryChart(model: TransactionModel, options: ProbabilityAliveHistoryOptions): VegaLiteSpec {
  const fn = "probabilityAliveHistoryChart";
  const checked = readChartModel<TransactionModel>(model, TRANSACTION_MODELS, fn);
  const unitDays = UNIT_DAYS[checked.timeUnit];
  if (unitDays === undefined) throw new RetentionOptionsError("model", `${fn} draws models fitted in days or weeks (as customerSummary measures time); this one is in ${checked.timeUnit}s`);
  const o = readOptions(options, fn);
  if (!Array.isArray(o.purchases)) throw shapeError(["purchases"], "invalid_type", `${fn} expects purchases, an array of dates, found ${describeValue(o.purchases)}`);
  const endDay = Math.floor(dateOption("end", o.end) / DAY_MS);
  const days = purchaseDays(o.purchases as readonly unknown[], endDay);
  const who = typeof o.customerId === "string" ? `customer ${o.customerId}` : "one customer";
  const title = `Probability ${who} is alive over time`;
  if (days.length === 0) return unavailableChart(title, `no purchase at or before ${isoDay(endDay)}`);
  const first = days[0]!;
  if (endDay - first > MAX_HISTORY_DAYS) throw new RetentionOptionsError("end", `${fn} draws at most ${MAX_HISTORY_DAYS} days; the first purchase is ${endDay - first} days before end`);
  const values: { date: string; kind: string; value: number }[] = [];
  let next = 0;
  for (let d = first; d <= endDay; d++) {
    while (next < days.length && days[next]! <= d) next++;
    const history = { frequency: next - 1, recency: (days[next - 1]! - first) / unitDays, T: (d - first) / unitDays };
    values.push({ date: isoDay(d), kind: "P(alive)", value: probabilityAlive(checked, history) });
  }
  for (const d of days) values.push({ date: isoDay(d), kind: "Purchase", value: 1 });
  return chartSpec({
    title,
    description: `P(alive) under the ${transactionModelLabel(checked.model)} model of ${who} on each day from the first purchase (${isoDay(first)}) to ${isoDay(endDay)}; dashed rules are the ${days.length} purchase days.`,
    values,
    layer: [
      {
        transform: [{ filter: "datum.kind === 'Purchase'" }],
        mark: { type: "rule", strokeDash: [4, 3], color: "#c2410c" },
        encoding: { x: { field: "date", type: "temporal", title: "Date" }, tooltip: [{ field: "date", type: "temporal", title: "Purchase", format: "%Y-%m-%d" }] },
      },
      {
        transform: [{ filter: "datum.kind === 'P(alive)'" }],
        mark: { type: "line", interpolate: "step-after", color: "#08458f" },
        encoding: {
          x: { field: "date", type: "temporal", title: "Date" },
          y: { field: "value", type: "quantitative", title: "P(alive)", scale: { domain: [0, 1] }, axis: { format: ".0%" } },
          tooltip: [{ field: "date", type: "temporal", title: "Day", format: "%Y-%m-%d" }, { field: "value", type: "quantitative", title: "P(alive)", format: CHART_FORMATS.percent }],
        },
      },
    ],
  });
}

/** The distinct UTC days of the purchases at or before `endDay`, ascending. */
function purchaseDays(purchases: readonly unknown[], endDay: number): number[] {
  const days = new Set<number>();
  purchases.forEach((value, index) => {
    const ms = toEpochMs(value);
    if (ms === null) throw new RetentionInputError([{ index, path: ["purchases"], code: "invalid_date", message: `expected a Date, an ISO-8601 string or epoch milliseconds, found ${describeValue(value)}` }]);
    const day = Math.floor(ms / DAY_MS);
    if (day <= endDay) days.add(day);
  });
  return [...days].sort((a, b) => a - b);
}

/** `YYYY-MM-DD` of a UTC day number. */
const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

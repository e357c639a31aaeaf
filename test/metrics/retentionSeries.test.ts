import { describe, expect, it } from "vitest";
import {
  createLedger,
  RetentionOptionsError,
  retentionRate,
  retentionSeries,
  type CustomerEvent,
  type Purchase,
} from "retention-metrics";

const DAY = 86_400_000;
const purchases: Purchase[] = [
  { customerId: "a", at: "2023-12-20", amount: "5" },
  { customerId: "a", at: "2024-01-10", amount: "5" },
  { customerId: "a", at: "2024-02-10", amount: "5" },
  { customerId: "b", at: "2024-01-20", amount: "9" },
  { customerId: "__proto__", at: "2024-02-25", amount: "3" },
  { customerId: "__proto__", at: "2024-03-20", amount: "3" },
];
const events: CustomerEvent[] = [
  { customerId: "s", at: "2023-11-01", type: "signup" },
  { customerId: "s", at: "2024-02-15", type: "cancel" },
];
const input = Object.freeze({
  purchases: Object.freeze(purchases.map((row) => Object.freeze({ ...row }))),
  events: Object.freeze(events.map((row) => Object.freeze({ ...row }))),
});

describe("retentionSeries", () => {
  it("is retentionRate for each calendar month, with each month's own length as window", () => {
    const series = retentionSeries(input, { granularity: "month", from: "2024-01-01", to: "2024-04-01" });
    expect(series.map((point) => point.key)).toEqual(["2024-01", "2024-02", "2024-03"]);
    expect(series.map((point) => point.activeWindowMs)).toEqual([31 * DAY, 29 * DAY, 31 * DAY]);
    const ledger = createLedger(input);
    const months = [["2024-01-01", "2024-02-01"], ["2024-02-01", "2024-03-01"], ["2024-03-01", "2024-04-01"]] as const;
    months.forEach(([start, end], i) => {
      expect(series[i]).toEqual({ key: months[i]![0].slice(0, 7), ...retentionRate(ledger, { start, end }) });
    });
  });

  it("matches hand-worked February counts", () => {
    // February, window 29 days. Start (02-01): a (01-10), b (01-20), s (signed up) → S = 3.
    // End (03-01): a (02-10), __proto__ (02-25) active, s cancelled → E = {a, __proto__}.
    // S ∩ E = {a} → rate 1/3; __proto__ is new in February.
    const feb = retentionSeries(input, { granularity: "month", from: "2024-02-01", to: "2024-03-01" })[0]!;
    expect(feb).toMatchObject({ startCount: 3, endCount: 2, retainedCount: 1, newCount: 1, rate: 1 / 3 });
  });

  it("passes an explicit activeWindow to every period", () => {
    const series = retentionSeries(input, { granularity: "month", from: "2024-01-01", to: "2024-03-01", activeWindow: { days: 90 } });
    expect(series.map((point) => point.activeWindowMs)).toEqual([90 * DAY, 90 * DAY]);
  });

  it("keeps only whole periods inside [from, to)", () => {
    const keys = (from: string, to: string): string[] =>
      retentionSeries(input, { granularity: "month", from, to }).map((point) => point.key);
    expect(keys("2024-01-15", "2024-04-10")).toEqual(["2024-02", "2024-03"]);
    expect(keys("2024-01-15", "2024-02-10")).toEqual([]);
  });

  it("labels weeks across a year boundary, with weekStartsOn", () => {
    const iso = retentionSeries(input, { granularity: "week", from: "2024-12-23", to: "2025-01-13" });
    expect(iso.map((point) => point.key)).toEqual(["2024-W52", "2025-W01", "2025-W02"]);
    const sunday = retentionSeries(input, { granularity: "week", from: "2024-12-22", to: "2025-01-05", weekStartsOn: 0 });
    expect(sunday.map((point) => [point.key, point.period.start.toISOString().slice(0, 10)])).toEqual([
      ["2024-W52", "2024-12-22"],
      ["2025-W01", "2024-12-29"],
    ]);
  });

  it("gives null rates for every period of empty input", () => {
    const series = retentionSeries([], { granularity: "quarter", from: "2024-01-01", to: "2025-01-01" });
    expect(series.map((point) => [point.key, point.rate, point.startCount])).toEqual([
      ["2024-Q1", null, 0],
      ["2024-Q2", null, 0],
      ["2024-Q3", null, 0],
      ["2024-Q4", null, 0],
    ]);
  });

  it("rejects bad options with RetentionOptionsError", () => {
    expect(() => retentionSeries(input, { granularity: "hour" as "day", from: "2024-01-01", to: "2024-02-01" })).toThrow(RetentionOptionsError);
    expect(() => retentionSeries(input, { granularity: "month", to: "2024-02-01" } as never)).toThrow(/from/);
    expect(() => retentionSeries(input, { granularity: "month", from: "2024-02-01", to: "2024-01-01" })).toThrow(RetentionOptionsError);
    expect(() => retentionSeries(input, { granularity: "month", from: "2024-01-01", to: "2024-03-01", activeWindow: -5 })).toThrow(/activeWindow/);
  });
});

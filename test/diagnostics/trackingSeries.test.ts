import { describe, expect, it } from "vitest";
import { createLedger, customerSummary, fitParetoNbd, RetentionOptionsError, type BgNbdModel, type ParetoNbdModel } from "../../src/index";
import { trackingSeries } from "../../src/diagnostics/trackingSeries";
import { cdnowPurchases } from "../clv/cdnowFixtures";

/*
 * Golden figures: the BTYD walkthrough (Dziurzynski, Wadsworth & McCarthy, "BTYD: Implementing
 * Buy 'Til You Die Models", CRAN BTYD 2.4.3, inst/doc/BTYD-walkthrough.pdf). CDNOW sample,
 * same-day purchases merged, calibration to 1997-09-30 (39 weeks), tracking over 78 weeks of
 * 7 days from 1997-01-01; it prints columns 20:25 of the tracking matrices:
 * - § 3 (BG/NBD, params 0.2425982 4.4136842 0.7929899 2.4261667): `inc.tracking[,20:25]`
 *   actual 73 55 70 33 56 99, expected 76.86531 74.88843 73.04554 71.32166 69.70412 68.18213;
 *   `cum.tracking[,20:25]` actual 1359 1414 1484 1517 1573 1672, expected 1312.458 1387.346
 *   1460.392 1531.713 1601.418 1669.6.
 * - § 2 (Pareto/NBD, params printed as 0.553 10.58 0.606 11.656, LL −9594.976):
 *   `round(inc.tracking[,20:25], 3)` expected 78.308 76.419 74.648 72.983 71.414 69.933;
 *   `round(cum.tracking[,20:25], 3)` expected 1308.856 1385.275 1459.923 1532.906 1604.32 1674.253.
 * The BG/NBD parameters are printed to 7 significant digits, which moves the 7th digit of the
 * expectations, so those are compared to 6 significant digits (relative 1e-6). The Pareto/NBD
 * parameters are printed to 3 decimals only; its expectations are compared with our own fit
 * (same LL, −9594.976) to relative 1e-4.
 */
const purchases = cdnowPurchases();
const window = { calibrationEnd: "1997-10-01", end: "1998-07-01" } as const;
const fitBase = { logLikelihood: -9582.429, converged: true, iterations: 0, observations: 2357, timeUnit: "week", penalizer: 0 } as const;
const bgNbd: BgNbdModel = { ...fitBase, model: "bg-nbd", params: { r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 } };
const actualWeekly = [73, 55, 70, 33, 56, 99];
const actualCumulative = [1359, 1414, 1484, 1517, 1573, 1672];

function expectRelative(values: readonly number[], printed: readonly number[], tolerance: number): void {
  expect(values).toHaveLength(printed.length);
  values.forEach((value, i) => expect(Math.abs(value - printed[i]!) / printed[i]!).toBeLessThan(tolerance));
}

describe("trackingSeries on CDNOW (BTYD walkthrough)", () => {
  const series = trackingSeries(bgNbd, purchases, window);
  const weeks = series.periods.slice(19, 25);

  it("lays out 78 weeks from 1997-01-01, 39 of them calibration, with all 2,357 customers", () => {
    expect(series.periods).toHaveLength(78);
    expect(series.origin).toEqual(new Date("1997-01-01"));
    expect(series.periods[0]).toMatchObject({ index: 1, start: new Date("1997-01-01"), end: new Date("1997-01-08"), phase: "calibration" });
    expect(series.periods[38]).toMatchObject({ index: 39, end: new Date("1997-10-01"), phase: "calibration" });
    expect(series.periods[39]).toMatchObject({ index: 40, phase: "holdout" });
    expect(series.periods[77]!.end).toEqual(new Date("1998-07-01"));
    expect(series).toMatchObject({ customerCount: 2357, skippedCustomerCount: 0, calibration: { periods: 39 }, holdout: { periods: 39 } });
  });

  it("counts the printed actual repeat transactions, weekly and cumulative", () => {
    expect(weeks.map((w) => w.actual)).toEqual(actualWeekly);
    expect(weeks.map((w) => w.actualCumulative)).toEqual(actualCumulative);
  });

  it("agrees with the calibration summary: calibration repeats = Σ frequency (asOf 1997-09-30)", () => {
    const summary = customerSummary(purchases, { asOf: "1997-09-30", timeUnit: "week" });
    expect(series.calibration.actual).toBe(summary.customers.reduce((sum, row) => sum + row.frequency, 0));
    expect(series.calibration.actual + series.holdout.actual).toBe(series.periods[77]!.actualCumulative);
  });

  it("reproduces the printed BG/NBD expectations to 6 significant digits", () => {
    expectRelative(weeks.map((w) => w.expected), [76.86531, 74.88843, 73.04554, 71.32166, 69.70412, 68.18213], 1e-6);
    expectRelative(weeks.map((w) => w.expectedCumulative), [1312.458, 1387.346, 1460.392, 1531.713, 1601.418, 1669.6], 1e-6);
  });

  it("reproduces the printed Pareto/NBD expectations with our fit of the same likelihood", () => {
    const fit = fitParetoNbd(customerSummary(purchases, { asOf: "1997-09-30", timeUnit: "week" }));
    expect(fit.logLikelihood).toBeCloseTo(-9594.976, 2);
    const pareto = trackingSeries(fit, purchases, window).periods.slice(19, 25);
    expect(pareto.map((w) => w.actual)).toEqual(actualWeekly);
    expectRelative(pareto.map((w) => w.expected), [78.308, 76.419, 74.648, 72.983, 71.414, 69.933], 1e-4);
    expectRelative(pareto.map((w) => w.expectedCumulative), [1308.856, 1385.275, 1459.923, 1532.906, 1604.32, 1674.253], 1e-4);
  });

  it("gives the same answer from a ledger, and months partition the same transactions", () => {
    expect(trackingSeries(bgNbd, createLedger({ purchases }), window)).toEqual(series);
    const monthly = trackingSeries(bgNbd, purchases, { ...window, granularity: "month" });
    expect(monthly.periods).toHaveLength(18);
    expect(monthly.periods[17]!.actualCumulative).toBe(series.periods[77]!.actualCumulative);
    expect(monthly.periods[17]!.expectedCumulative).toBeCloseTo(series.periods[77]!.expectedCumulative, 9);
  });
});

describe("trackingSeries by hand", () => {
  // Pareto/NBD with r = 1, α = 10, s = 2, β = 10 in days: E[X(t)] = rβ/(α(s−1))·(1 − β/(β+t)) = t/(10+t).
  const pareto: ParetoNbdModel = { ...fitBase, timeUnit: "day", model: "pareto-nbd", params: { r: 1, alpha: 10, s: 2, beta: 10 } };
  const rows = [
    { customerId: "a", at: "2024-01-01T09:00:00Z", amount: "10" },
    { customerId: "a", at: "2024-01-01T18:00:00Z", amount: "5" }, // same day: one transaction
    { customerId: "a", at: "2024-01-09", amount: "7" },
    { customerId: "a", at: "2024-01-10", amount: "-7" }, // refunds only: no transaction
    { customerId: "__proto__", at: "2024-01-03", amount: "3" },
    { customerId: "__proto__", at: "2024-01-20", amount: "4" },
    { customerId: "__proto__", at: "2024-01-22", amount: "4" }, // at end: left out
    { customerId: "late", at: "2024-01-16", amount: "9" }, // enters after calibrationEnd: skipped
  ];
  const E = (t: number): number => t / (10 + t);
  const series = trackingSeries(pareto, Object.freeze(rows.map((row) => Object.freeze(row))), { calibrationEnd: "2024-01-15", end: "2024-01-22" });

  it("counts repeat days per week and sums E[X(b − entry)] over customers", () => {
    expect(series.periods.map((p) => [p.phase, p.actual, p.actualCumulative])).toEqual([
      ["calibration", 0, 0],
      ["calibration", 1, 1],
      ["holdout", 1, 2],
    ]);
    const cumulative = [E(7) + E(5), E(14) + E(12), E(21) + E(19)];
    series.periods.forEach((p, i) => expect(p.expectedCumulative).toBeCloseTo(cumulative[i]!, 12));
    expect(series.periods[1]!.expected).toBeCloseTo(cumulative[1]! - cumulative[0]!, 12);
    expect(series).toMatchObject({ customerCount: 2, skippedCustomerCount: 1 });
    expect(series.holdout.percentageError).toBeCloseTo(cumulative[2]! - cumulative[1]! - 1, 12);
  });

  it("answers empty input with no periods and null errors", () => {
    const empty = trackingSeries(pareto, [], { calibrationEnd: "2024-01-15", end: "2024-01-22" });
    expect(empty).toMatchObject({ origin: null, periods: [], customerCount: 0, holdout: { actual: 0, expected: 0, percentageError: null } });
  });

  it("rejects what it cannot answer with typed errors", () => {
    const options = { calibrationEnd: "2024-01-15", end: "2024-01-22" };
    expect(() => trackingSeries({ ...pareto, timeUnit: "period" }, rows, options)).toThrow(RetentionOptionsError);
    expect(() => trackingSeries(null as never, rows, options)).toThrow(RetentionOptionsError);
    expect(() => trackingSeries(pareto, rows, { calibrationEnd: "2024-01-22", end: "2024-01-15" })).toThrow(/end after calibrationEnd/);
    expect(() => trackingSeries(pareto, rows, { ...options, granularity: "fortnight" as never })).toThrow(RetentionOptionsError);
    expect(() => trackingSeries(pareto, rows, { ...options, end: "9999-12-31" })).toThrow(/ceiling/);
    expect(() => trackingSeries(pareto, rows, null as never)).toThrow(RetentionOptionsError);
  });
});

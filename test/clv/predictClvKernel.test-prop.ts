import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BgNbdModel, GammaGammaModel, ParetoNbdModel, TimeUnit, TransactionModel } from "../../src/index";
import { readSummaryRows } from "../../src/clv/summaryRows";
import { kernelScratch, predictRows, rowPredictions, stepSchedule } from "../../src/clv/models/predictionKernel";
import { expectSameAsOracle } from "./oracleComparison";

const base = { logLikelihood: 0, converged: true, iterations: 0, observations: 1, penalizer: 0 };
/** Log-uniform on [10^lo, 10^hi]. */
const logUniform = (lo: number, hi: number): fc.Arbitrary<number> => fc.double({ min: lo, max: hi, noNaN: true }).map((e) => 10 ** e);
const unit = fc.constantFrom<TimeUnit>("day", "week", "month", "period");

const transactionModel: fc.Arbitrary<TransactionModel> = fc.oneof(
  fc.record({ r: logUniform(-2, 1.5), alpha: logUniform(-2, 2.5), a: logUniform(-2, 1.5), b: logUniform(-2, 2) }).map((params): BgNbdModel => ({ ...base, timeUnit: "week", model: "bg-nbd", params })),
  fc.record({ r: logUniform(-2, 1.5), alpha: logUniform(-2, 2.5), s: logUniform(-2, 1.5), beta: logUniform(-2, 2.5) }).map((params): ParetoNbdModel => ({ ...base, timeUnit: "week", model: "pareto-nbd", params })),
);
const spendModel = fc.record({ p: logUniform(-1, 1.5), q: logUniform(-0.5, 1.5), gamma: logUniform(-1, 2) }).map((params): GammaGammaModel => ({ ...base, timeUnit: "week", model: "gamma-gamma", params }));

/**
 * Summaries with few distinct frequencies, so groups are large enough to be interpolated: T
 * from 0 to 1e12 (scaled per data set, from 0 or from a floor), frequency 0 included, spend
 * sometimes missing.
 */
const summary = fc
  .tuple(
    fc.array(
      fc.tuple(fc.constantFrom(0, 0, 0, 1, 1, 2, 140), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 50_000 })),
      { minLength: 1, maxLength: 150, size: "max" },
    ),
    fc.constantFrom(1, 10, 100, 1e4, 1e12),
    fc.constantFrom(0, 0.5, 0.9),
    fc.constantFrom(false, false, false, true),
  )
  .map(([rows, scale, floor, someMissing]) =>
    rows.map(([frequency, share, position, cents], i) => {
      const T = (floor + (1 - floor) * position) * scale;
      return {
        customerId: `c${i}`,
        frequency,
        recency: frequency === 0 ? 0 : share * T,
        T,
        monetaryValue: frequency === 0 || (someMissing && i === 5) ? undefined : (cents / 100).toFixed(2),
      };
    }),
  );

const options = fc.record({
  horizon: fc.double({ min: 0.5, max: 40, noNaN: true }),
  discountRate: fc.oneof(fc.constant(0), fc.double({ min: -0.5, max: 1, noNaN: true })),
  step: fc.option(fc.double({ min: 0.7, max: 8, noNaN: true }), { nil: undefined }),
});

describe("predictClv against the pre-issue-13 oracle (properties)", () => {
  it("gives the same results to 1e-9 relative, the same nulls and the same errors, for random models, summaries and options", () => {
    let interpolated = 0;
    let worst = 0;
    fc.assert(
      fc.property(transactionModel, spendModel, summary, options, unit, (model, spend, rows, settings, timeUnit) => {
        const unitModel = { ...model, timeUnit } as TransactionModel;
        worst = Math.max(worst, expectSameAsOracle(unitModel, { ...spend, timeUnit }, { customers: rows, timeUnit }, settings));
        const columns = readSummaryRows(rows, "test");
        const steps = Math.ceil(settings.horizon / (settings.step ?? 1) - 1e-9);
        const include = Uint8Array.from(rows, (row) => (row.frequency === 0 || row.monetaryValue !== undefined ? 1 : 0));
        interpolated += predictRows(unitModel, stepSchedule(steps, settings.step ?? 1, settings.horizon, settings.discountRate), columns, include).interpolated;
      }),
      { numRuns: 120 },
    );
    // The interpolated path, not only the direct one, was compared (the largest difference seen in development: 1.8e-15).
    expect(worst).toBeLessThanOrEqual(1e-9);
    expect(interpolated).toBeGreaterThan(100);
  });

  it("agrees with the oracle where a prediction is subnormal, to a few of its steps (a counterexample fast-check found, seed -314579397)", () => {
    // P(alive) of a customer with 140 purchases all at time 0 is 5.3e-318: the two paths' expected purchases differ by one step of 4.9e-324, 6.5e-9 of the value.
    // Twenty rows, one T a little apart, so the stretch of T is interpolated.
    const customers = Array.from({ length: 20 }, (_, i) => (i === 8 ? { customerId: "c8", frequency: 140, recency: 0, T: 9, monetaryValue: "0.01" } : { customerId: `c${i}`, frequency: 0, recency: 0, T: i === 13 ? 9.000000023025853 : 9 }));
    const model: ParetoNbdModel = { ...base, timeUnit: "day", model: "pareto-nbd", params: { r: 1, alpha: 0.04886234668482273, s: 1, beta: 1 } };
    const spend: GammaGammaModel = { ...base, timeUnit: "day", model: "gamma-gamma", params: { p: 1, q: 1, gamma: 1 } };
    expect(expectSameAsOracle(model, spend, { customers, timeUnit: "day" }, { horizon: 15.006327623320233, discountRate: 0 })).toBeLessThanOrEqual(1e-9);
  });

  it("gives the same predictions, bit for bit, in arrays handed back to it (the intervals' runs), whatever they held before", () => {
    fc.assert(
      fc.property(transactionModel, transactionModel, summary, options, (first, second, rows, settings) => {
        const columns = readSummaryRows(rows, "test");
        const schedule = stepSchedule(Math.ceil(settings.horizon / (settings.step ?? 1) - 1e-9), settings.step ?? 1, settings.horizon, settings.discountRate);
        const include = Uint8Array.from(rows, (row, i) => (i % 3 === 2 ? 0 : 1));
        const reuse = { scratch: kernelScratch(columns.count), into: rowPredictions(columns.count) };
        const { a, b, v, groupOf, segmentOf } = reuse.scratch;
        for (const array of [reuse.into.value, reuse.into.expected, reuse.into.alive, a, b, v, groupOf, segmentOf]) array.fill(7);
        // A table of sums marked filled, and wrong distinct times kept for other rows (equal, but not the same object).
        reuse.scratch.curves = { pairs: new Float64Array(2 * columns.count + 2).fill(7), filled: new Uint8Array(columns.count + 1).fill(1) };
        const wrong = { values: Float64Array.of(1e9), index: new Uint32Array(columns.count) };
        reuse.scratch.times = { rows: readSummaryRows(rows, "test"), T: wrong, recency: wrong };
        reuse.into.failed.fill(1);
        reuse.into.interpolated = 99;
        // A second model's run overwrites what the first left, rows left out included.
        for (const model of [first, second]) {
          const reused = predictRows(model, schedule, columns, include, reuse);
          expect(reused).toBe(reuse.into);
          expect({ ...reused }).toEqual({ ...predictRows(model, schedule, columns, include) });
        }
      }),
      { numRuns: 60 },
    );
    const bgNbd: BgNbdModel = { ...base, timeUnit: "week", model: "bg-nbd", params: { r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 } };
    expect(() => predictRows(bgNbd, stepSchedule(1, 1, 1, 0), readSummaryRows([{ customerId: "a", frequency: 0, recency: 0, T: 1 }], "test"), Uint8Array.of(1), { scratch: kernelScratch(1), into: rowPredictions(2) })).toThrow(RangeError);
  });
});

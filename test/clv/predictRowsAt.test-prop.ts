import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BgNbdModel, ModifiedBgNbdModel, ParetoNbdModel, TransactionModel } from "../../src/index";
import { readSummaryRows } from "../../src/clv/summaryRows";
import { predictRows, predictRowsAt, stepSchedule, type RowPredictions } from "../../src/clv/models/predictionKernel";

const base = { logLikelihood: 0, converged: true, iterations: 0, observations: 1, penalizer: 0, timeUnit: "week" } as const;
/** Log-uniform on [10^lo, 10^hi]. */
const logUniform = (lo: number, hi: number): fc.Arbitrary<number> => fc.double({ min: lo, max: hi, noNaN: true }).map((e) => 10 ** e);

/** A fitted model's parameters and multipliers for each: the intervals' ±1 sd points move the later parameters and keep the earlier ones. */
const family = fc.oneof(
  fc.record({ r: logUniform(-2, 1.5), alpha: logUniform(-2, 2.5), a: logUniform(-2, 1.5), b: logUniform(-2, 2) }).map((params) => ({ model: "bg-nbd" as const, params })),
  fc.record({ r: logUniform(-2, 1.5), alpha: logUniform(-2, 2.5), a: logUniform(-2, 1.5), b: logUniform(-2, 2) }).map((params) => ({ model: "mbg-nbd" as const, params })),
  fc.record({ r: logUniform(-2, 1.5), alpha: logUniform(-2, 2.5), s: logUniform(-2, 1.5), beta: logUniform(-2, 2.5) }).map((params) => ({ model: "pareto-nbd" as const, params })),
);

/** Points as the intervals make them: along column j of L, parameters j… move by exp(±shift) and the earlier ones stay. */
function points(fit: { model: "bg-nbd" | "mbg-nbd" | "pareto-nbd"; params: Record<string, number> }, shifts: readonly number[]): TransactionModel[] {
  const names = Object.keys(fit.params);
  const out: TransactionModel[] = [];
  for (let j = 0; j < names.length; j++) {
    for (const sign of [1, -1]) {
      const params: Record<string, number> = {};
      names.forEach((name, i) => (params[name] = i < j ? fit.params[name]! : fit.params[name]! * Math.exp(sign * shifts[i]!)));
      out.push({ ...base, model: fit.model, params } as unknown as BgNbdModel | ModifiedBgNbdModel | ParetoNbdModel);
    }
  }
  return out;
}

/** Summaries with few distinct frequencies and many customers, so that stretches are interpolated. */
const summary = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(0, 1, 1, 2), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 150, size: "max" }),
    fc.constantFrom(1, 30, 100, 1e4),
  )
  .map(([rows, scale]) =>
    rows.map(([frequency, share, position], i) => {
      const T = position * scale;
      return { customerId: `c${i}`, frequency, recency: frequency === 0 ? 0 : share * T, T, monetaryValue: frequency === 0 ? undefined : "10.00" };
    }),
  );

const same = (a: RowPredictions, b: RowPredictions): void => {
  for (const key of ["value", "expected", "alive", "failed"] as const) expect(Array.from(a[key])).toEqual(Array.from(b[key]));
  expect(a.interpolated).toBe(b.interpolated);
};

describe("predictRowsAt (the intervals' points in one kernel pass)", () => {
  it("gives each model the bits predictRows gives it alone, with shared shifts or not", () => {
    let shared = 0;
    fc.assert(
      fc.property(family, fc.array(fc.double({ min: 0, max: 0.5, noNaN: true }), { minLength: 4, maxLength: 4 }), summary, fc.integer({ min: 1, max: 20 }), (fit, shifts, rows, steps) => {
        const models = points(fit, shifts);
        const columns = readSummaryRows(rows, "test");
        const include = new Uint8Array(columns.count).fill(1);
        const schedule = stepSchedule(steps, 1, steps, 0.01);
        const together = predictRowsAt(models, schedule, columns, include);
        expect(together).toHaveLength(models.length);
        models.forEach((model, p) => same(together[p]!, predictRows(model, schedule, columns, include)));
        shared += together.reduce((sum, run) => sum + run.interpolated, 0) > 0 ? 1 : 0;
      }),
      { numRuns: 60 },
    );
    // Some runs interpolated (the shared weights were used), not only summed directly.
    expect(shared).toBeGreaterThan(5);
  });
});

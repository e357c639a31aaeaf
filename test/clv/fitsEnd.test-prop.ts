import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitBgNbd, fitGammaGamma, fitParetoNbd, fitShiftedBetaGeometric, isModelFitError, RetentionInputError, RetentionOptionsError, type FittedModel, type ModelName } from "../../src/index";
import { MAX_FIT_WORK, withFitWorkLimit } from "../../src/clv/models/fitWorkMeter";

/*
 * Issue 13: on any small summary every fit returns a converged model with finite, positive
 * parameters and a finite log-likelihood, or throws ModelFitError (or RetentionInputError for
 * rows it cannot take); it never hangs and never returns NaN. A fiftieth of the work budget
 * keeps each case short: the bound, not the data, decides how long a failing fit runs.
 */

const WORK_LIMIT = MAX_FIT_WORK / 50;

/** A magnitude from 1e-9 to 1e12, most of them ordinary. */
const scale = fc.oneof({ weight: 4, arbitrary: fc.double({ min: 0.1, max: 500, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(1e-9, 1e-6, 1, 1e6, 1e12) });

const history = fc
  .tuple(
    fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 60 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 1, 1e6) }),
    fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(1)),
    scale,
    fc.option(fc.oneof(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.constant(1)), { nil: undefined }),
    scale,
  )
  .map(([frequency, share, T, weight, spend]) => ({ frequency, recency: frequency === 0 ? 0 : share * T, T, monetaryValue: frequency === 0 ? 0 : spend, ...(weight === undefined ? {} : { weight }) }));

/** Every row repeated `copies` times: identical histories, which the fits merge. */
const summaries = fc.tuple(fc.array(history, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 50 })).map(([rows, copies]) => rows.flatMap((row) => Array.from({ length: copies }, () => row)));

function expectFiniteOrTypedError(fit: () => FittedModel<ModelName, object>): void {
  let model: FittedModel<ModelName, object>;
  try {
    model = withFitWorkLimit(WORK_LIMIT, fit);
  } catch (error) {
    if (isModelFitError(error)) {
      expect(error.message.length).toBeGreaterThan(0);
      if (error.diagnostics.reason === "not-converged") expect(error.message).toContain("penalizer");
      return;
    }
    if (error instanceof RetentionInputError || error instanceof RetentionOptionsError) return;
    throw error;
  }
  expect(model.converged).toBe(true);
  expect(Number.isFinite(model.logLikelihood)).toBe(true);
  for (const value of Object.values(model.params) as number[]) {
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThan(0);
  }
  for (const value of Object.values(model.standardErrors ?? {}) as number[]) expect(Number.isFinite(value)).toBe(true);
}

describe("every fit ends on any small summary, with finite numbers or a typed error", () => {
  it("BG/NBD, Pareto/NBD and Gamma-Gamma", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(summaries, fc.constantFrom(0, 0, 0.001), (rows, penalizer) => {
        expectFiniteOrTypedError(() => fitBgNbd(rows, { penalizer }));
        expectFiniteOrTypedError(() => fitParetoNbd(rows, { penalizer }));
        expectFiniteOrTypedError(() => fitGammaGamma(rows, { penalizer }));
      }),
      { numRuns: 25 },
    );
  });

  it("the sBG on any cohort", { timeout: 60_000 }, () => {
    const cohort = fc
      .tuple(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(1, 1e12)), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }))
      .map(([initial, shares]) => {
        const alive = [initial];
        for (const share of shares) alive.push(Math.floor(alive[alive.length - 1]! * share));
        return { alive };
      });
    fc.assert(
      fc.property(cohort, fc.constantFrom(0, 0.001), (c, penalizer) => expectFiniteOrTypedError(() => fitShiftedBetaGeometric(c, { penalizer }))),
      { numRuns: 60 },
    );
  });
});

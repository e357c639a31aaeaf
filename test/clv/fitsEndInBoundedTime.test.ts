import { describe, expect, it } from "vitest";
import { fitBgNbd, fitGammaGamma, fitParetoNbd, fitShiftedBetaGeometric, isModelFitError, type FittedModel, type ModelName } from "../../src/index";
import { FitWorkBudgetSpent, FitWorkMeter, MAX_EVALUATION_SHARE, MAX_FIT_WORK, withFitWorkLimit } from "../../src/clv/models/fitWorkMeter";
import { compressHistories } from "../../src/clv/models/compress";
import { paretoNbdLogLikelihood } from "../../src/clv/models/paretoNbdMath";
import { readSummaryRows } from "../../src/clv/summaryRows";
import { degenerateCohorts, degenerateSummaries } from "./degenerateSummaries";

/*
 * Issue 13: every fit ends in bounded time on any data, converged or with a ModelFitError
 * that says why and suggests the penalizer. Each degenerate set at 10k customers here, with a
 * tenth of the work budget so the run stays short (the budget, not the data, sets how long a
 * fit that does not converge runs); the 100k timings at the full budget are in
 * `npx tsx bench/clv.ts degenerate`.
 */

const TEST_WORK_LIMIT = MAX_FIT_WORK / 10;

type Outcome = { model: FittedModel<ModelName, object> } | { error: string; reason: string };

function outcome(fit: () => FittedModel<ModelName, object>): Outcome {
  try {
    return { model: fit() };
  } catch (error) {
    if (!isModelFitError(error)) throw error;
    return { error: error.message, reason: error.diagnostics.reason };
  }
}

/** Converged with finite parameters (edge warnings naming the penalizer), or a ModelFitError that says why and what to try. */
function expectBoundedAnswer(result: Outcome): void {
  if ("error" in result) {
    if (result.reason === "no-data") expect(result.error).toMatch(/no .* to fit/);
    else expect(result.error).toMatch(/did not converge within|no starting point|not finite/);
    if (result.reason === "not-converged") expect(result.error).toContain("penalizer");
    return;
  }
  expect(result.model.converged).toBe(true);
  expect(Number.isFinite(result.model.logLikelihood)).toBe(true);
  for (const value of Object.values(result.model.params)) expect(Number.isFinite(value) && (value as number) > 0).toBe(true);
  for (const warning of result.model.warnings ?? []) expect(warning).toContain("penalizer");
}

const n = 10_000;
const summaries = degenerateSummaries(n);
const fits = { fitBgNbd, fitParetoNbd, fitGammaGamma } as const;

describe("every fit ends on every degenerate summary (10k customers)", () => {
  for (const [name, rows] of Object.entries(summaries)) {
    for (const [fitName, fit] of Object.entries(fits)) {
      it(`${fitName}: ${name}`, { timeout: 20_000 }, () => {
        expectBoundedAnswer(withFitWorkLimit(TEST_WORK_LIMIT, () => outcome(() => fit(rows))));
      });
    }
  }
});

describe("the sBG ends on every degenerate cohort", () => {
  for (const [name, cohort] of Object.entries(degenerateCohorts(n))) {
    it(name, { timeout: 20_000 }, () => expectBoundedAnswer(withFitWorkLimit(TEST_WORK_LIMIT, () => outcome(() => fitShiftedBetaGeometric(cohort)))));
  }
});

describe("the work budget", () => {
  it("the meter throws once the fit's total passes its limit, and flags one evaluation past a tenth of it", () => {
    const meter = new FitWorkMeter(100);
    meter.charge(60);
    expect(() => meter.charge(60)).toThrow(FitWorkBudgetSpent);
    const fresh = new FitWorkMeter();
    expect(fresh.limit).toBe(MAX_FIT_WORK);
    fresh.evaluationStart();
    fresh.charge(MAX_EVALUATION_SHARE * MAX_FIT_WORK);
    expect(fresh.overEvaluationLimit()).toBe(false);
    fresh.charge(1);
    expect(fresh.overEvaluationLimit()).toBe(true);
    fresh.evaluationStart();
    expect(fresh.overEvaluationLimit()).toBe(false);
    expect(withFitWorkLimit(5, () => new FitWorkMeter().limit)).toBe(5);
    expect(new FitWorkMeter().limit).toBe(MAX_FIT_WORK);
  });

  it("a Pareto/NBD evaluation at parameters whose ₂F₁ series crawl is abandoned (NaN), not run for minutes", { timeout: 20_000 }, () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ frequency: 1 + (i % 7), recency: 3 + (i % 7) + i / 20_000, T: 40 + (i % 7) + i / 20_000 }));
    const data = compressHistories(readSummaryRows(rows, "test"));
    const crawling = [1.7e8, 1.73e8, 2.4e-11, 13_320];
    const meter = new FitWorkMeter();
    const started = performance.now();
    expect(paretoNbdLogLikelihood(crawling, data, meter)).toBeNaN();
    expect(meter.spent).toBeGreaterThan(MAX_EVALUATION_SHARE * MAX_FIT_WORK);
    expect(meter.spent).toBeLessThan(MAX_EVALUATION_SHARE * MAX_FIT_WORK * 1.1);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("the same likelihood without a meter gives the same value where it is cheap (the meter only counts)", () => {
    const data = compressHistories(readSummaryRows([{ frequency: 2, recency: 5, T: 10 }, { frequency: 0, recency: 0, T: 8 }], "test"));
    const params = [0.55, 10.6, 0.61, 11.7];
    expect(paretoNbdLogLikelihood(params, data, new FitWorkMeter())).toBe(paretoNbdLogLikelihood(params, data));
  });

  it("a fit that runs out of budget says so, with the best point reached and what to try", { timeout: 30_000 }, () => {
    const rows = summaries["recency = T, distinct per customer"]!;
    try {
      withFitWorkLimit(TEST_WORK_LIMIT, () => fitParetoNbd(rows));
      expect.unreachable("the fit should have run out of budget");
    } catch (error) {
      if (!isModelFitError(error)) throw error;
      expect(error.diagnostics.reason).toBe("not-converged");
      expect(error.message).toContain(`did not converge within its work budget (${TEST_WORK_LIMIT.toExponential()} work units, here `);
      expect(error.message).toMatch(/here \d+ likelihood evaluations over 10000 distinct \(frequency, recency, T\) histories\)/);
      expect(error.message).toMatch(/heading to 0 or ∞.*penalizer.*fewer distinct histories/);
      expect(error.diagnostics.params).not.toBeNull();
      expect(Number.isFinite(error.diagnostics.logLikelihood)).toBe(true);
    }
  });
});

describe("a penalizer ends what it promises to", () => {
  it("the degenerate sets the error points to the penalizer for converge with { penalizer: 0.001 } or say to raise it", { timeout: 30_000 }, () => {
    for (const name of ["everyone buys every day", "everyone bought once", "one customer"]) {
      for (const fit of [fitBgNbd, fitParetoNbd]) {
        const result = withFitWorkLimit(TEST_WORK_LIMIT, () => outcome(() => fit(summaries[name]!, { penalizer: 0.001 })));
        if ("error" in result) expect(result.error).toMatch(/a larger penalizer than 0\.001/);
        else expect(result.model.penalizer).toBe(0.001);
      }
    }
  });
});

import { describe, expect, it } from "vitest";
import { fitBgNbd, fitGammaGamma } from "../../src/index";
import { bfgs } from "../../src/clv/models/bfgs";
import { fitBgNbdColumns } from "../../src/clv/models/fitBgNbd";
import { fitGammaGammaColumns } from "../../src/clv/models/fitGammaGamma";
import { readSummaryRows } from "../../src/clv/summaryRows";
import { maximizeLikelihood, type FitProblem } from "../../src/clv/models/maximizeLikelihood";
import { standardErrors, standardErrorsFromGradient } from "../../src/clv/models/standardErrors";
import { cdnowSpendRows, cdnowSummaryRows } from "./cdnowFixtures";

/*
 * Issue 13: a gradient fit runs its second start only when the first did not converge or
 * ended at the edge of the parameter space, and takes its standard errors from central
 * differences of the analytic gradient.
 */

/** A one-parameter problem with an analytic gradient that records every point it is evaluated at. */
function problem(ll: (theta: number) => [number, number], seen: number[]): FitProblem {
  return {
    model: "gamma-gamma",
    names: ["theta"],
    logLikelihood: ([theta = 0]) => ll(theta)[0],
    logLikelihoodWithGradient: ([theta = 0], gradient) => {
      seen.push(theta);
      const [value, slope] = ll(theta);
      gradient[0] = slope;
      return value;
    },
    starts: [[1], [50]],
    observations: 10,
    timeUnit: "period",
  };
}

describe("the second start", () => {
  it("is skipped when the first converges at an interior point", () => {
    const seen: number[] = [];
    const fit = maximizeLikelihood<{ theta: number }>(problem((t) => [-10 * (t - 2) ** 2, -20 * (t - 2)], seen), {});
    expect(fit.params.theta).toBeCloseTo(2, 6);
    expect(seen.some((t) => t > 40)).toBe(false);
  });

  it("runs when the first ends at the edge of the parameter space", () => {
    const seen: number[] = [];
    const fit = maximizeLikelihood<{ theta: number }>(problem((t) => [-10 / t, 10 / (t * t)], seen), {});
    expect(fit.warnings?.length).toBe(1);
    expect(seen.some((t) => Math.abs(t - 50) < 1e-9)).toBe(true);
  });
});

describe("a BFGS run at the edge of the parameter space", () => {
  it("bfgs ends, converged, at the first step where the caller's stopWhen says so", () => {
    const fg = (x: readonly number[], g: number[]): number => ((g[0] = -Math.exp(-x[0]!)), Math.exp(-x[0]!));
    const plain = bfgs(fg, [0]);
    const asked: number[] = [];
    const stopped = bfgs(fg, [0], { stopWhen: (x) => (asked.push(x[0]!), x[0]! > 5) });
    expect(plain.converged && stopped.converged).toBe(true);
    expect(stopped.x[0]).toBeGreaterThan(5);
    expect(stopped.x[0]).toBe(asked.at(-1));
    expect(asked.slice(0, -1).every((x) => x <= 5)).toBe(true);
    expect(stopped.iterations).toBe(asked.length);
    expect(stopped.evaluations).toBeLessThan(plain.evaluations);
  });

  it("so a fit heading to ∞ stops once a step gains less than 1e-9 of the objective there, with its warning", () => {
    // −LL/N = 100 + 1/θ: the gradient in ln θ reaches 1e-9 only at θ ≈ 1e9, but once past the
    // edge (θ > 1e4) a step gains less than 1e-9 of 1 + |100 + 1/θ| from θ ≈ 10⁸ / 4 or so on.
    const seen: number[] = [];
    const fit = maximizeLikelihood<{ theta: number }>(problem((t) => [-10 * (100 + 1 / t), 10 / (t * t)], seen), {});
    expect(fit.params.theta).toBeGreaterThan(1e4);
    expect(fit.params.theta).toBeLessThan(1e9);
    expect(fit.warnings).toHaveLength(1);
  });
});

describe("standard errors from the analytic gradient", () => {
  it("give lifetimes' published se(coef) for BG/NBD on CDNOW (Quickstart: 0.012557, 0.378221, 0.185719, 0.705345)", () => {
    // lifetimes docs/Quickstart.md, `bgf.summary` on cdnow_customers.csv, to within 5·10⁻⁶ (its
    // optimum differs from ours in the 7th digit); the second differences of the likelihood used
    // before issue 13 gave a = 0.185683 and b = 0.705209, off by 4·10⁻⁵ and 1.4·10⁻⁴ (rounding noise).
    const errors = fitBgNbd(cdnowSummaryRows(), { timeUnit: "week" }).standardErrors!;
    expect(errors.r).toBeCloseTo(0.012557, 5);
    expect(errors.alpha).toBeCloseTo(0.378221, 5);
    expect(errors.a).toBeCloseTo(0.185719, 5);
    expect(errors.b).toBeCloseTo(0.705345, 5);
  });

  it("agree with the values before issue 13 (second differences of the likelihood) to 3·10⁻⁴ relative", () => {
    const before = {
      bgNbd: { r: 0.012557211178218739, alpha: 0.3782172063872265, a: 0.18568298525330273, b: 0.7052085273537232 },
      gammaGamma: { p: 1.1896544649910037, q: 0.2901598625849273, gamma: 4.159874765704556 },
      bgNbdPenalized: { r: 0.0065599883282348136, alpha: 0.11383198836943308, a: 0.0431501081179222, b: 0.09475386412404524 },
    };
    const now = {
      bgNbd: fitBgNbd(cdnowSummaryRows(), { timeUnit: "week" }).standardErrors!,
      gammaGamma: fitGammaGamma(cdnowSpendRows(), { timeUnit: "week" }).standardErrors!,
      bgNbdPenalized: fitBgNbd(cdnowSummaryRows(), { timeUnit: "week", penalizer: 0.01 }).standardErrors!,
    };
    for (const [fit, values] of Object.entries(before)) {
      for (const [name, value] of Object.entries(values)) {
        const current = (now[fit as keyof typeof now] as unknown as Record<string, number>)[name]!;
        expect(Math.abs(current / value - 1), `${fit} ${name}`).toBeLessThan(3e-4);
      }
    }
  });

  it("equal the inverse Hessian of a quadratic exactly, as the likelihood-value differences do", () => {
    // LL = −(3θ₀² + 2θ₀θ₁ + θ₁²)/2: information [[3, 1], [1, 1]], inverse [[0.5, −0.5], [−0.5, 1.5]].
    const ll = ([a = 0, b = 0]: readonly number[]): number => -(3 * a * a + 2 * a * b + b * b) / 2;
    const gradientAt = ([a = 0, b = 0]: readonly number[], gradient: number[]): number => {
      gradient[0] = -(3 * a + b);
      gradient[1] = -(a + b);
      return ll([a, b]);
    };
    const fromGradient = standardErrorsFromGradient(gradientAt, [1, 2])!;
    expect(fromGradient[0]).toBeCloseTo(Math.sqrt(0.5), 9);
    expect(fromGradient[1]).toBeCloseTo(Math.sqrt(1.5), 9);
    const fromValues = standardErrors(ll, [1, 2])!;
    expect(fromValues[0]).toBeCloseTo(Math.sqrt(0.5), 6);
    expect(fromValues[1]).toBeCloseTo(Math.sqrt(1.5), 6);
  });

  it("are null where the information is not positive definite or the gradient is not finite", () => {
    expect(standardErrorsFromGradient(([a = 0], g) => ((g[0] = 2 * a), a * a), [1])).toBeNull();
    expect(standardErrorsFromGradient((_, g) => ((g[0] = 0), Number.NaN), [1])).toBeNull();
  });
});

describe("fits without standard errors (the report's)", () => {
  it("give the same model, less the standard errors and the covariance (null, with the reason)", () => {
    const rows = readSummaryRows(cdnowSummaryRows(), "test");
    const spend = readSummaryRows(cdnowSpendRows(), "test");
    const { standardErrors: bgNbdErrors, covariance: bgNbdCovariance, covarianceReason: _b, ...bgNbd } = fitBgNbdColumns(rows, {});
    const { standardErrors: gammaGammaErrors, covariance: gammaGammaCovariance, covarianceReason: _g, ...gammaGamma } = fitGammaGammaColumns(spend, {});
    expect(bgNbdErrors).toBeDefined();
    expect(gammaGammaErrors).toBeDefined();
    expect(bgNbdCovariance).not.toBeNull();
    expect(gammaGammaCovariance).not.toBeNull();
    const reason = /not computed/;
    expect(fitBgNbdColumns(rows, {}, false)).toEqual({ ...bgNbd, covariance: null, covarianceReason: expect.stringMatching(reason) });
    expect(fitGammaGammaColumns(spend, {}, false)).toEqual({ ...gammaGamma, covariance: null, covarianceReason: expect.stringMatching(reason) });
  });
});

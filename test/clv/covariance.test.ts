import { describe, expect, it } from "vitest";
import { fitBgNbd, fitGammaGamma, fitParetoNbd, fitShiftedBetaGeometric } from "../../src/index";
import { maximizeLikelihood } from "../../src/clv/models/maximizeLikelihood";
import { asymptoticCovariance } from "../../src/clv/models/standardErrors";
import { xoshiro128StarStar, seededRandom } from "../../src/clv/models/seededRandom";
import { cdnowSpendRows, cdnowSummaryRows } from "./cdnowFixtures";

describe("the fits' covariance", () => {
  it("is the inverse of the information: a quadratic's exactly ([[3, 1], [1, 1]]⁻¹ = [[0.5, −0.5], [−0.5, 1.5]])", () => {
    const inverse = asymptoticCovariance([
      [3, 1],
      [1, 1],
    ])!;
    expect(inverse[0]![0]).toBeCloseTo(0.5, 14);
    expect(inverse[0]![1]).toBeCloseTo(-0.5, 14);
    expect(inverse[1]![1]).toBeCloseTo(1.5, 14);
    expect(asymptoticCovariance([[1, 2], [2, 1]])).toBeNull();
  });

  it("has the standard errors on its diagonal, is symmetric, named, frozen and plain JSON (every fit)", () => {
    const fits = [
      fitBgNbd(cdnowSummaryRows(), { timeUnit: "week" }),
      fitParetoNbd(cdnowSummaryRows(), { timeUnit: "week" }),
      fitGammaGamma(cdnowSpendRows(), { timeUnit: "week" }),
      fitShiftedBetaGeometric({ alive: [1000, 869, 743, 653, 593, 551, 517, 491] }),
    ];
    for (const fit of fits) {
      const { names, matrix } = fit.covariance!;
      expect(fit.covarianceReason).toBeNull();
      expect(names).toEqual(Object.keys(fit.params));
      const errors = fit.standardErrors as unknown as Record<string, number>;
      names.forEach((name, i) => {
        expect(Math.sqrt(matrix[i]![i]!)).toBe(errors[name]);
        names.forEach((_, j) => expect(matrix[i]![j]).toBe(matrix[j]![i]));
      });
      expect(Object.isFrozen(fit.covariance) && Object.isFrozen(matrix) && Object.isFrozen(matrix[0])).toBe(true);
      expect(JSON.parse(JSON.stringify(fit)).covariance).toEqual(fit.covariance);
    }
  });

  it("shows CDNOW's BG/NBD a and b strongly correlated (the ridge lifetimes users see), r and α too", () => {
    const { matrix } = fitBgNbd(cdnowSummaryRows(), { timeUnit: "week" }).covariance!;
    const correlation = (i: number, j: number): number => matrix[i]![j]! / Math.sqrt(matrix[i]![i]! * matrix[j]![j]!);
    expect(correlation(2, 3)).toBeGreaterThan(0.9);
    expect(correlation(0, 1)).toBeGreaterThan(0.7);
  });

  it("is null with the reason when the information is not positive definite", () => {
    // LL = −(ln θ₀)²: flat in θ₁, so the information is singular.
    const fit = maximizeLikelihood<{ u: number; v: number }>(
      { model: "sbg", names: ["u", "v"], logLikelihood: ([u = 1]) => -(Math.log(u) ** 2), starts: [[2, 1]], observations: 1, timeUnit: "period" },
      {},
    );
    expect(fit.covariance).toBeNull();
    expect(fit.covarianceReason).toMatch(/not positive definite/);
    expect(fit.standardErrors).toBeUndefined();
  });
});

describe("seededRandom (xoshiro128**)", () => {
  it("steps as the reference C code does (state 1, 2, 3, 4: 11520, 0, 5927040, 70819200, 2031721883, 1637235492)", () => {
    // Outputs of Blackman & Vigna's xoshiro128starstar.c (prng.di.unimi.it), compiled and run with s = {1, 2, 3, 4}.
    const state = new Uint32Array([1, 2, 3, 4]);
    expect(Array.from({ length: 6 }, () => xoshiro128StarStar(state))).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it("gives the same numbers for a seed, in [0, 1), with the mean and variance of a uniform", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const values = Array.from({ length: 20000 }, () => a());
    expect(values.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(values.every((u) => u >= 0 && u < 1)).toBe(true);
    const mean = values.reduce((s, u) => s + u, 0) / values.length;
    const variance = values.reduce((s, u) => s + (u - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.003);
    expect(seededRandom(43)()).not.toBe(seededRandom(42)());
  });
});

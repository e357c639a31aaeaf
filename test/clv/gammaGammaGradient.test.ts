import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gammaGammaLogLikelihood, spendRows } from "../../src/clv/models/gammaGammaLikelihood";
import { fitGammaGamma } from "../../src/index";
import { numericGradient } from "./numericGradient";

describe("gammaGammaLogLikelihood's analytic gradient", () => {
  it("equals central differences on random customers and parameters", () => {
    const customer = fc.record({ x: fc.integer({ min: 1, max: 40 }), z: fc.double({ min: 0.5, max: 500, noNaN: true }), w: fc.integer({ min: 1, max: 5 }) });
    fc.assert(
      fc.property(
        fc.array(customer, { minLength: 1, maxLength: 30 }),
        fc.tuple(fc.double({ min: 0.2, max: 20, noNaN: true }), fc.double({ min: 0.2, max: 20, noNaN: true }), fc.double({ min: 0.5, max: 500, noNaN: true })),
        (customers, params) => {
          const data = spendRows(
            customers.length,
            Float64Array.from(customers, (c) => c.x),
            Float64Array.from(customers, (c) => c.z),
            Float64Array.from(customers, (c) => c.w),
          );
          const gradient = [0, 0, 0];
          const value = gammaGammaLogLikelihood(params, data, gradient);
          expect(value).toBe(gammaGammaLogLikelihood(params, data));
          const numeric = numericGradient(params, (at) => gammaGammaLogLikelihood(at, data));
          for (let i = 0; i < 3; i++) expect(Math.abs(gradient[i]! - numeric[i]!)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(numeric[i]!)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("lets the fit take BFGS steps: CDNOW-like spends fit in few iterations", () => {
    // Fader & Hardie's CDNOW values p = 6.25, q = 3.74, γ = 15.44 are checked in gammaGamma.test.ts;
    // here only that the gradient path converges quickly on a simple set.
    const rows = Array.from({ length: 200 }, (_, i) => ({ frequency: 1 + (i % 7), recency: 5, T: 10, monetaryValue: 10 + ((i * 37) % 50) }));
    const model = fitGammaGamma(rows);
    expect(model.converged).toBe(true);
    expect(model.iterations).toBeLessThan(150);
  });
});

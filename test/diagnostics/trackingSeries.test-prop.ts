import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BgNbdModel } from "../../src/index";
import { trackingSeries } from "../../src/diagnostics/trackingSeries";

const fit: BgNbdModel = { model: "bg-nbd", params: { r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }, logLikelihood: 0, converged: true, iterations: 0, observations: 1, timeUnit: "week", penalizer: 0 };
const purchase = fc.record({
  customerId: fc.constantFrom("a", "b", "__proto__", "constructor", "c"),
  at: fc.integer({ min: Date.parse("2024-01-01"), max: Date.parse("2024-12-31") }),
  amount: fc.integer({ min: -500, max: 50_000 }).map((cents) => (cents / 100).toFixed(2)),
});
const options = { calibrationEnd: "2024-07-01", end: "2025-01-01", granularity: "month" } as const;

describe("trackingSeries properties", () => {
  it("is finite, monotone and independent of row order; counts every repeat once", () => {
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 40 }), fc.integer(), (rows, seed) => {
        const series = trackingSeries(fit, Object.freeze(rows), options);
        const shuffled = [...rows].sort((x, y) => ((x.at * 31 + seed) % 97) - ((y.at * 31 + seed) % 97));
        expect(trackingSeries(fit, shuffled, options)).toEqual(series);
        let previous = 0;
        for (const period of series.periods) {
          expect(Number.isFinite(period.expected) && period.expected >= -1e-12).toBe(true);
          expect(period.expectedCumulative).toBeGreaterThanOrEqual(previous - 1e-12);
          previous = period.expectedCumulative;
        }
        const last = series.periods.at(-1);
        expect(last?.actualCumulative ?? 0).toBe(series.calibration.actual + series.holdout.actual);
        expect(series.customerCount + series.skippedCustomerCount).toBe(new Set(rows.map((row) => row.customerId)).size);
      }),
      { numRuns: 60 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { productLimitMedian } from "../../src/journey/productLimitMedian";
import { kaplanMeier } from "../../src/metrics/kaplanMeier";

describe("productLimitMedian", () => {
  it("is the first time kaplanMeier's curve falls to one half", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ t: fc.integer({ min: 0, max: 20 }), ended: fc.boolean() }), { maxLength: 40 }), (spells) => {
        const sorted = [...spells].sort((a, b) => a.t - b.t || Number(b.ended) - Number(a.ended));
        const durations = Float64Array.from(sorted, (s) => s.t);
        const ended = Uint8Array.from(sorted, (s) => (s.ended ? 1 : 0));
        const curve = kaplanMeier(durations, ended, 1);
        const expected = curve.find((p) => p.survival <= 0.5 + 1e-12);
        const { median, lowest } = productLimitMedian(durations, ended);
        expect(median).toBe(expected === undefined ? null : expected.t);
        if (expected === undefined) expect(lowest).toBeCloseTo(curve.length === 0 ? 1 : curve[curve.length - 1]!.survival, 12);
      }),
      { numRuns: 300 },
    );
  });
});

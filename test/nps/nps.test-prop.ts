import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nps, npsBy, npsTrend } from "retention-metrics";
import { allNumbersFinite, frozen, shuffledWith, surveyResponse } from "../arbitraries/records";

describe("nps invariants", () => {
  it("score in [−100, 100], shares sum to 1, interval contains the score, groups add up, order does not matter", () => {
    fc.assert(
      fc.property(fc.array(surveyResponse, { maxLength: 60 }), fc.array(fc.integer(), { minLength: 1 }), (rows, keys) => {
        const responses = frozen(rows);
        const result = nps(responses);
        expect(allNumbersFinite(result)).toBe(true);
        if (result.score === null) expect(result.responses).toBe(0);
        else {
          expect(result.score).toBeGreaterThanOrEqual(-100);
          expect(result.score).toBeLessThanOrEqual(100);
          expect(result.promoterShare! + result.passiveShare! + result.detractorShare!).toBeCloseTo(1, 12);
          const [lo, hi] = result.confidenceInterval!;
          expect(lo <= result.score && result.score <= hi && lo >= -100 && hi <= 100).toBe(true);
        }
        const groups = npsBy(responses, "segment");
        expect(groups.reduce((n, g) => n + g.responses, 0)).toBe(result.responses);
        const trend = npsTrend(responses, { granularity: "month" });
        expect(trend.reduce((n, p) => n + p.responses, 0)).toBe(result.responses);
        expect(nps(shuffledWith(rows, keys))).toEqual(result);
      }),
      { numRuns: 200 },
    );
  });
});

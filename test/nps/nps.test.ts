import { describe, expect, it } from "vitest";
import { createLedger, nps, npsBy, npsTrend, RetentionInputError, RetentionOptionsError, type SurveyResponse } from "retention-metrics";

/*
 * Ten answers: promoters 10, 9, 9, 10 (4); passives 8, 7 (2); detractors 6, 3, 0, 5 (4).
 * p = 0.4, d = 0.4: score = 100 · (0.4 − 0.4) = 0.
 * Variance of the +1/0/−1 answer = (p + d) − (p − d)² = 0.8; SE = 100 · √(0.8 / 10) = 28.2843.
 * 95%: z = 1.959964, margin = 55.4362, interval [−55.4362, 55.4362].
 */
const scores = [10, 9, 9, 8, 7, 6, 3, 0, 10, 5];
const responses: SurveyResponse[] = scores.map((score, i) => ({
  at: `2024-01-${String(i + 1).padStart(2, "0")}`,
  score,
  segment: i % 2 === 0 ? "web" : "store",
  customerId: `c${i}`,
}));

describe("nps", () => {
  it("matches the hand-worked example", () => {
    const result = nps(responses);
    expect(result).toMatchObject({ score: 0, promoters: 4, passives: 2, detractors: 4, responses: 10, promoterShare: 0.4, passiveShare: 0.2, detractorShare: 0.4, confidence: 0.95 });
    expect(result.standardError).toBeCloseTo(28.2843, 4);
    expect(result.marginOfError).toBeCloseTo(55.4362, 3);
    expect(result.confidenceInterval![0]).toBeCloseTo(-55.4362, 3);
  });

  it("clips the interval to [−100, 100]", () => {
    // 2 promoters, 1 passive: score 66.67, SE = 100·√((2/3 − 4/9)/3) = 27.2166, upper 66.67 + 53.34 > 100.
    const result = nps([{ at: 0, score: 10 }, { at: 0, score: 9 }, { at: 0, score: 8 }]);
    expect(result.score).toBeCloseTo(66.6667, 4);
    expect(result.standardError).toBeCloseTo(27.2166, 4);
    expect(result.confidenceInterval![1]).toBe(100);
  });

  it("uses the requested confidence", () => {
    // 90%: z = 1.644854
    expect(nps(responses, { confidence: 0.9 }).marginOfError).toBeCloseTo(1.644854 * 28.28427, 3);
  });

  it("filters by half-open range and accepts a ledger", () => {
    const range = { start: "2024-01-01", end: "2024-01-04" };
    expect(nps(responses, range)).toMatchObject({ responses: 3, promoters: 3, score: 100 });
    expect(nps(createLedger({ surveys: responses }), range)).toMatchObject({ responses: 3 });
  });

  it("is null, not zero, without responses", () => {
    expect(nps([])).toMatchObject({ score: null, responses: 0, standardError: null, confidenceInterval: null });
  });

  it("rejects bad scores and bad confidence", () => {
    expect(() => nps([{ at: 0, score: 11 }])).toThrow(RetentionInputError);
    expect(() => nps([{ at: 0, score: 9.5 }])).toThrow(/surveys\[0\]\.score/);
    expect(() => nps(responses, { confidence: 1 })).toThrow(RetentionOptionsError);
  });
});

describe("npsBy", () => {
  it("groups by segment, with missing keys under null", () => {
    const groups = npsBy([...responses, { at: 0, score: 10 }], "segment");
    expect(groups.map((g) => [g.key, g.responses, g.score])).toEqual([
      ["store", 5, -40], // 9, 8, 6, 0, 5 -> 1 promoter, 3 detractors: 100 · (1 − 3)/5
      ["web", 5, 40], // 10, 9, 7, 3, 10 -> 3 promoters, 1 detractor: 100 · (3 − 1)/5
      [null, 1, 100],
    ]);
  });

  it("groups by a key function, __proto__ included", () => {
    const groups = npsBy(responses, (r) => (r.score >= 9 ? "__proto__" : "other"));
    expect(groups.map((g) => g.key)).toEqual(["__proto__", "other"]);
    expect(groups[0]!.promoters).toBe(4);
  });

  it("rejects an unknown field", () => {
    expect(() => npsBy(responses, "score" as "segment")).toThrow(RetentionOptionsError);
  });
});

describe("npsTrend", () => {
  it("fills every month between the first and last response, empty ones null", () => {
    const trend = npsTrend(
      [
        { at: "2024-01-05", score: 10 },
        { at: "2024-03-31T23:59:59Z", score: 0 },
      ],
      { granularity: "month" },
    );
    expect(trend.map((p) => [p.key, p.score, p.responses])).toEqual([
      ["2024-01", 100, 1],
      ["2024-02", null, 0],
      ["2024-03", -100, 1],
    ]);
    expect(trend[1]!.start.toISOString()).toBe("2024-02-01T00:00:00.000Z");
  });

  it("labels ISO weeks across a year boundary", () => {
    const trend = npsTrend(
      [
        { at: "2024-12-30", score: 9 },
        { at: "2025-01-06", score: 9 },
      ],
      { granularity: "week" },
    );
    expect(trend.map((p) => p.key)).toEqual(["2025-W01", "2025-W02"]);
  });

  it("labels quarters and years", () => {
    expect(npsTrend(responses, { granularity: "quarter" }).map((p) => p.key)).toEqual(["2024-Q1"]);
    expect(npsTrend(responses, { granularity: "year" })[0]).toMatchObject({ key: "2024", responses: 10 });
  });

  it("returns no points for no responses and rejects unknown granularities", () => {
    expect(npsTrend([], { granularity: "month" })).toEqual([]);
    expect(() => npsTrend(responses, { granularity: "day" as "month" })).toThrow(RetentionOptionsError);
  });
});

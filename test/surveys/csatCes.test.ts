import { describe, expect, it } from "vitest";
import { ces, cesBy, cesTrend, createLedger, csat, csatBy, csatTrend, nps, npsBy, npsTrend, RetentionOptionsError, type SurveyResponse } from "retention-metrics";

/*
 * CSAT, ten answers 5, 5, 4, 4, 4, 3, 2, 1, 5, 4 (the worked example of docs/surveys.md):
 *   satisfied (4 or 5) = 7, n = 10: top-2-box = 0.7; mean = 37 / 10 = 3.7.
 *   Wilson 95% (z = 1.959964, z²/n = 0.384146):
 *     centre = (0.7 + 0.192073) / 1.384146 = 0.644492
 *     half   = (1.959964 / 1.384146) · √(0.7·0.3/10 + 3.841459/400) = 1.416006 · 0.174939 = 0.247715
 *     → [0.396778, 0.892209]
 * CES, ten answers 7, 6, 6, 5, 4, 3, 2, 7, 5, 5:
 *   mean = 50 / 10 = 5; easy (5–7) = 7 → 0.7.
 *   squared deviations 4+1+1+0+1+4+9+4+0+0 = 24; s = √(24/9) = 1.632993; SE = s/√10 = 0.516398
 *   95% normal interval: 5 ± 1.959964 · 0.516398 = 5 ± 1.012121 → [3.987879, 6.012121]
 */
const day = (i: number) => `2024-01-${String(i + 1).padStart(2, "0")}`;
const csatScores = [5, 5, 4, 4, 4, 3, 2, 1, 5, 4];
const cesScores = [7, 6, 6, 5, 4, 3, 2, 7, 5, 5];
const csatRows: SurveyResponse[] = csatScores.map((score, i) => ({ at: day(i), score, kind: "csat", segment: i % 2 === 0 ? "web" : "store" }));
const cesRows: SurveyResponse[] = cesScores.map((score, i) => ({ at: day(i), score, kind: "ces", segment: i % 2 === 0 ? "web" : "store" }));
const npsRows: SurveyResponse[] = [{ at: day(0), score: 10 }, { at: day(1), score: 2, kind: "nps" }];
const mixed = [...npsRows, ...csatRows, ...cesRows];

describe("csat", () => {
  it("matches the hand-worked example", () => {
    const result = csat(csatRows);
    expect(result).toMatchObject({ satisfiedShare: 0.7, satisfied: 7, responses: 10, counts: { 1: 1, 2: 1, 3: 1, 4: 4, 5: 3 }, confidence: 0.95, reason: null });
    expect(result.mean).toBeCloseTo(3.7, 12);
    expect(result.confidenceInterval![0]).toBeCloseTo(0.396778, 6);
    expect(result.confidenceInterval![1]).toBeCloseTo(0.892209, 6);
  });

  it("is null with a reason, not zero, without CSAT answers", () => {
    expect(csat([])).toMatchObject({ satisfiedShare: null, mean: null, responses: 0, confidenceInterval: null, reason: "no CSAT answers" });
    expect(csat(npsRows)).toMatchObject({ satisfiedShare: null, responses: 0 });
  });

  it("keeps Wilson inside [0, 1] at the edges", () => {
    const all = csat([{ at: 0, score: 5, kind: "csat" }]);
    expect(all.satisfiedShare).toBe(1);
    expect(all.confidenceInterval![1]).toBe(1);
    expect(all.confidenceInterval![0]).toBeGreaterThan(0);
  });

  it("groups and trends like npsBy and npsTrend", () => {
    expect(csatBy(mixed, "segment").map((g) => [g.key, g.responses, g.satisfied])).toEqual([["store", 5, 3], ["web", 5, 4]]);
    const trend = csatTrend(mixed, { granularity: "week" });
    expect(trend.map((p) => [p.key, p.responses])).toEqual([["2024-W01", 7], ["2024-W02", 3]]);
    expect(csat(mixed, { start: "2024-01-02", end: "2024-01-04" })).toMatchObject({ responses: 2, satisfied: 2 });
  });
});

describe("ces", () => {
  it("matches the hand-worked example", () => {
    const result = ces(cesRows);
    expect(result).toMatchObject({ mean: 5, easy: 7, easyShare: 0.7, responses: 10, counts: { 1: 0, 2: 1, 3: 1, 4: 1, 5: 3, 6: 2, 7: 2 }, reason: null });
    expect(result.standardDeviation).toBeCloseTo(1.632993, 6);
    expect(result.standardError).toBeCloseTo(0.516398, 6);
    expect(result.confidenceInterval![0]).toBeCloseTo(3.987879, 6);
    expect(result.confidenceInterval![1]).toBeCloseTo(6.012121, 6);
  });

  it("says why figures are null", () => {
    expect(ces([])).toMatchObject({ mean: null, easyShare: null, reason: "no CES answers" });
    expect(ces([{ at: 0, score: 6, kind: "ces" }])).toMatchObject({ mean: 6, easyShare: 1, standardDeviation: null, confidenceInterval: null, reason: "one CES answer: its spread is unknown" });
  });

  it("clips the interval to [1, 7]", () => {
    // 7, 7, 1: mean 5, s = √((4 + 4 + 16)/2) = 3.4641, SE = 2, margin 3.92 → upper clipped to 7
    const [lo, hi] = ces([7, 7, 1].map((score) => ({ at: 0, score, kind: "ces" as const }))).confidenceInterval!;
    expect(lo).toBeCloseTo(5 - 1.959964 * 2, 5);
    expect(hi).toBe(7);
  });

  it("groups and trends", () => {
    // store: 6, 5, 3, 7, 5 → 26/5 = 5.2; web: 7, 6, 4, 2, 5 → 24/5 = 4.8
    expect(cesBy(mixed, "segment").map((g) => [g.key, g.mean])).toEqual([["store", 5.2], ["web", 4.8]]);
    expect(cesTrend(mixed, { granularity: "month" }).map((p) => [p.key, p.mean])).toEqual([["2024-01", 5]]);
    expect(() => cesBy(mixed, "kind" as never)).toThrow(RetentionOptionsError);
  });
});

describe("NPS beside CSAT and CES", () => {
  it("counts only kind nps answers", () => {
    expect(nps(mixed)).toMatchObject({ responses: 2, promoters: 1, detractors: 1, score: 0 });
    expect(npsBy(mixed, (r) => r.kind).map((g) => [g.key, g.responses])).toEqual([["nps", 2]]);
    expect(npsTrend(mixed, { granularity: "month" }).map((p) => p.responses)).toEqual([2]);
    expect(nps(createLedger({ surveys: mixed })).responses).toBe(2);
  });

  it("does not start a trend at a CSAT answer", () => {
    const rows: SurveyResponse[] = [{ at: "2024-01-05", score: 5, kind: "csat" }, { at: "2024-03-05", score: 9 }];
    expect(npsTrend(rows, { granularity: "month" }).map((p) => p.key)).toEqual(["2024-03"]);
    expect(csatTrend(rows, { granularity: "month" }).map((p) => p.key)).toEqual(["2024-01"]);
  });
});

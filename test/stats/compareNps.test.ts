import { describe, expect, it } from "vitest";
import { compareNps, nps, RetentionInputError, RetentionOptionsError } from "retention-metrics";

describe("compareNps", () => {
  it("matches the comparison worked by hand", () => {
    // a: 50 promoters, 30 passives, 20 detractors (n 100): NPS 30, variance 0.5 + 0.2 − 0.3² = 0.61.
    // b: 60, 25, 15: NPS 45, variance 0.6 + 0.15 − 0.45² = 0.5475.
    // difference 15; SE = 100·√(0.61/100 + 0.5475/100) = 100·√0.011575 = 10.758717;
    // 95%: 15 ± 1.959964 · 10.758717 = [−6.086699, 36.086699].
    // Pooled (no change): p̄ = 110/200 = 0.55, d̄ = 35/200 = 0.175, v̄ = 0.725 − 0.375² = 0.584375;
    // SE₀ = 100·√(0.584375 · (1/100 + 1/100)) = 10.810874; z = 15 / 10.810874 = 1.387492; p = 0.165292.
    const result = compareNps({ promoters: 50, passives: 30, detractors: 20 }, { promoters: 60, passives: 25, detractors: 15 });
    expect(result.a).toEqual({ promoters: 50, passives: 30, detractors: 20, responses: 100, score: 30 });
    expect(result.b.score).toBe(45);
    expect(result.difference).toBeCloseTo(15, 12);
    expect(result.standardError).toBeCloseTo(10.758717395675006, 10);
    expect(result.interval![0]).toBeCloseTo(-6.0866986153675775, 10);
    expect(result.interval![1]).toBeCloseTo(36.08669861536758, 10);
    expect(result.z).toBeCloseTo(1.387491870188641, 10);
    expect(result.pValue).toBeCloseTo(0.16529182843539178, 10);
    expect(result).toMatchObject({ significant: false, reason: null, confidence: 0.95, minExpectedCount: 5 });
  });

  it("agrees with nps on each side's standard error", () => {
    const before = nps([10, 9, 8, 7, 6, 3, 10, 10].map((score, i) => ({ at: i, score })));
    const after = nps([10, 9, 9, 9, 10, 2].map((score, i) => ({ at: i, score })));
    const result = compareNps(before, after);
    expect(result.standardError).toBeCloseTo(Math.hypot(before.standardError!, after.standardError!), 12);
    expect(result.difference).toBeCloseTo(after.score! - before.score!, 12);
  });

  it("finds a large change in large samples significant", () => {
    // 400 answers each: NPS 10 (160/120/120) against 30 (200/120/80).
    const result = compareNps({ promoters: 160, passives: 120, detractors: 120 }, { promoters: 200, passives: 120, detractors: 80 });
    expect(result.difference).toBeCloseTo(20, 12);
    expect(result.significant).toBe(true);
    expect(result.pValue!).toBeLessThan(0.01);
    expect(result.interval![0]).toBeGreaterThan(0);
  });

  it("says null with a reason for an empty side or too few answers", () => {
    expect(compareNps({ promoters: 0, passives: 0, detractors: 0 }, { promoters: 1, passives: 0, detractors: 0 })).toMatchObject({
      difference: null, standardError: null, interval: null, z: null, pValue: null, significant: null, reason: "a has no responses: the score is undefined",
    });
    // 3 answers against 4: every expected count is below 5.
    const small = compareNps({ promoters: 1, passives: 1, detractors: 1 }, { promoters: 3, passives: 1, detractors: 0 });
    expect(small.significant).toBeNull();
    expect(small.reason).toMatch(/^samples too small to test/);
  });

  it("calls identical all-promoter samples no change and clips the interval", () => {
    expect(compareNps({ promoters: 30, passives: 0, detractors: 0 }, { promoters: 50, passives: 0, detractors: 0 })).toMatchObject({ difference: 0, z: 0, pValue: 1, significant: false, interval: [0, 0] });
    const extreme = compareNps({ promoters: 0, passives: 0, detractors: 30 }, { promoters: 30, passives: 0, detractors: 0 });
    expect(extreme.difference).toBe(200);
    expect(extreme.interval).toEqual([200, 200]);
    expect(extreme.significant).toBe(true);
  });

  it("is antisymmetric", () => {
    const a = { promoters: 50, passives: 30, detractors: 20 };
    const b = { promoters: 60, passives: 25, detractors: 15 };
    const ab = compareNps(a, b);
    const ba = compareNps(b, a);
    expect(ba.difference).toBe(-ab.difference!);
    expect(ba.pValue).toBe(ab.pValue);
    expect(ba.interval![0]).toBeCloseTo(-ab.interval![1], 12);
  });

  it("refuses what is not an NPS with typed errors", () => {
    expect(() => compareNps(null as never, { promoters: 1, passives: 0, detractors: 0 })).toThrow(RetentionInputError);
    expect(() => compareNps({ promoters: 1, passives: 0 } as never, { promoters: 1, passives: 0, detractors: 0 })).toThrow("a.detractors: expected a whole number ≥ 0, found undefined");
    expect(() => compareNps({ promoters: 1, passives: 0, detractors: 0 }, { promoters: 1, passives: 0, detractors: 0 }, { confidence: 0 })).toThrow(RetentionOptionsError);
  });
});

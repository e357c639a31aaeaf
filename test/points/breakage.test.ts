import { describe, expect, it } from "vitest";
import { breakage, RetentionOptionsError } from "retention-metrics";
import { developmentFactors, projectUltimate } from "../../src/points/chainLadder";

const e = (customerId: string, at: string, type: string, points: number) => ({ customerId, at, type, points });

/*
 * The worked table of docs/programs.md, "Breakage", as of 2024-04-01 (months Jan–Mar complete).
 *   cohort  earned  redeemed in Jan / Feb / Mar   expired   cumulative C(k)   outstanding
 *   2024-01   100        40 / 20 / 10              30 (Mar 31)  40, 60, 70     0  → closed
 *   2024-02   200             50 / 50              0           50, 100        100 → open
 *   2024-03   100                  20              0           20             80  → open
 * f(0) = (60 + 100) ÷ (40 + 50) = 16/9; f(1) = 70 ÷ 60 = 7/6.
 * Jan: observed breakage 30 ÷ 100 = 0.3.
 * Feb: projected redeemed 100 × 7/6 = 116.67 → breakage 1 − 116.67 ÷ 200 = 5/12 = 0.41667.
 * Mar: projected 20 × 16/9 × 7/6 = 41.48 → breakage 1 − 41.48 ÷ 100 = 79/135 = 0.58519.
 * All: (30 + 200 − 116.67 + 100 − 41.48) ÷ 400 = 0.42963; redemption rate 190 ÷ 400 = 0.475.
 */
const table = [
  e("a", "2024-01-05", "points_earned", 100),
  e("a", "2024-01-20", "points_redeemed", 40),
  e("a", "2024-02-10", "points_redeemed", 20),
  e("a", "2024-03-10", "points_redeemed", 10),
  e("a", "2024-03-31", "points_expired", 30),
  e("b", "2024-02-03", "points_earned", 200),
  e("b", "2024-02-15", "points_redeemed", 50),
  e("b", "2024-03-15", "points_redeemed", 50),
  e("c", "2024-03-02", "points_earned", 100),
  e("c", "2024-03-20", "points_redeemed", 20),
];

describe("chain-ladder", () => {
  it("gives volume-weighted factors and projections on the hand-worked triangle", () => {
    const factors = developmentFactors([[40, 60, 70], [50, 100], [20]]);
    expect(factors.map((f) => [f.age, f.factor, f.cohorts])).toEqual([[0, 160 / 90, 2], [1, 70 / 60, 1]]);
    expect(projectUltimate(100, 1, factors)).toBeCloseTo(700 / 6, 12);
    expect(projectUltimate(20, 0, factors)).toBeCloseTo((20 * 16 * 7) / (9 * 6), 12);
    expect(projectUltimate(70, 2, factors)).toBe(70);
  });

  it("has no factor where older cohorts hold nothing at an age", () => {
    const factors = developmentFactors([[0, 10], [0]]);
    expect(factors[0]!.factor).toBeNull();
    expect(projectUltimate(0, 0, factors)).toBeNull();
  });
});

describe("breakage", () => {
  const result = breakage(table, { cohort: "month", asOf: "2024-04-01" });

  it("reports a closed cohort's observed breakage", () => {
    const jan = result.cohorts[0]!;
    expect([jan.cohort, jan.earned, jan.redeemed, jan.expired, jan.outstanding, jan.closed, jan.completedPeriods]).toEqual(["2024-01", 100, 70, 30, 0, true, 3]);
    expect([jan.observedBreakage, jan.redemptionRate, jan.estimatedBreakage]).toEqual([0.3, 0.7, null]);
  });

  it("estimates an open cohort's breakage by chain-ladder (hand-worked)", () => {
    const [, feb, mar] = result.cohorts;
    expect([feb!.closed, feb!.outstanding, feb!.observedBreakage]).toEqual([false, 100, null]);
    expect(feb!.projectedRedeemed).toBeCloseTo(700 / 6, 10);
    expect(feb!.estimatedBreakage).toBeCloseTo(5 / 12, 12);
    expect(mar!.estimatedBreakage).toBeCloseTo(79 / 135, 12);
    expect(result.developmentFactors.map((f) => f.factor)).toEqual([160 / 90, 70 / 60]);
  });

  it("totals the cohorts", () => {
    expect([result.earned, result.redeemed, result.expired, result.outstanding]).toEqual([400, 190, 30, 180]);
    expect(result.redemptionRate).toBe(0.475);
    expect(result.observedBreakage).toBe(0.3);
    expect(result.estimatedBreakage).toBeCloseTo((30 + 200 - 700 / 6 + 100 - 2240 / 54) / 400, 12);
    expect([result.closedCohorts, result.openCohorts, result.cohortsWithoutEstimate]).toEqual([1, 2, 0]);
  });

  it("charges redemptions to the cohort of the points they use (FIFO across cohorts)", () => {
    const rows = [e("a", "2024-01-10", "points_earned", 50), e("a", "2024-02-10", "points_earned", 50), e("a", "2024-02-20", "points_redeemed", 70)];
    const [jan, feb] = breakage(rows, { asOf: "2024-03-01" }).cohorts;
    expect([jan!.redeemed, jan!.closed, feb!.redeemed, feb!.outstanding]).toEqual([50, true, 20, 30]);
    expect(jan!.observedBreakage).toBe(0);
  });

  it("gives a reason where a cohort's breakage cannot be estimated", () => {
    const young = breakage([e("a", "2024-03-02", "points_earned", 10)], { asOf: "2024-03-20" }).cohorts[0]!;
    expect([young.estimatedBreakage, young.completedPeriods]).toEqual([null, 0]);
    expect(young.reason).toMatch(/first month is not over/);
    const rows = [e("a", "2024-01-02", "points_earned", 10), e("b", "2024-02-02", "points_earned", 10), e("a", "2024-02-05", "points_redeemed", 5)];
    const feb = breakage(rows, { asOf: "2024-03-01" }).cohorts[1]!;
    expect(feb.estimatedBreakage).toBeNull();
    expect(feb.reason).toMatch(/redeemed nothing by month 0/);
  });

  it("defaults asOf to the day after the last event and answers empty input", () => {
    expect(breakage(table).asOf!.toISOString()).toBe("2024-04-01T00:00:00.000Z");
    const empty = breakage([]);
    expect([empty.asOf, empty.cohorts, empty.redemptionRate, empty.estimatedBreakage]).toEqual([null, [], null, null]);
  });

  it("groups by quarter and checks its options", () => {
    expect(breakage(table, { cohort: "quarter", asOf: "2024-04-01" }).cohorts.map((c) => [c.cohort, c.earned])).toEqual([["2024-Q1", 400]]);
    expect(() => breakage(table, { cohort: "week" as never })).toThrow(RetentionOptionsError);
  });
});

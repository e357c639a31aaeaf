import { describe, expect, it } from "vitest";
import { createLedger, programRoi, RetentionOptionsError } from "../../src/index";
import { normalQuantile } from "../../src/core/special/normalQuantile";
import { ROI_COSTS, ROI_EVENTS, ROI_PERIOD, ROI_PURCHASES } from "./roiFixture";

const ledger = createLedger({ purchases: ROI_PURCHASES, events: ROI_EVENTS, costs: ROI_COSTS });
const options = { ...ROI_PERIOD, program: "club", margin: "0.5" } as const;
const at10 = (value: { toDecimalPlaces(n: number): { toString(): string } } | null): string | undefined => value?.toDecimalPlaces(10).toString();

describe("programRoi on the hand-worked program (test/programs/roiFixture.ts)", () => {
  const roi = programRoi(ledger, options);

  it("matches members with non-members of the same first-order month and spend decile", () => {
    // Eligible (an order before April): m1 n1 (100), m3 (50), m2 m5 n2 n3 (10); sorted [10,10,10,10,50,100,100].
    // Deciles ⌊10·#below/7⌋: 10 → 0, 50 → 5, 100 → 7. Strata: (Jan, 7) {m1 | n1}, (Jan, 0) {m2 m5 | n2 n3}, (Feb, 5) {m3 | —}.
    expect(roi).toMatchObject({ memberCount: 5, membersWithoutHistory: 1, membersWithoutBaseline: 1, matchedStrata: 2, observational: true, baselineKind: "matched" });
    expect(roi.statement).toMatch(/observational, not randomised/);
  });

  it("reports retention, orders and margin per customer for both groups", () => {
    // Members m1 m2 m5: all ordered in the period; orders (2+1+1)/3; margin (60+10+15)/3 = 85/3.
    expect(roi.members).toMatchObject({ customers: 3, retained: 3, retention: 1 });
    expect(roi.members.ordersPerCustomer).toBeCloseTo(4 / 3, 12);
    expect(at10(roi.members.marginPerCustomer)).toBe("28.3333333333");
    // Baseline weighted 1/3 (Jan, 7) and 2/3 (Jan, 0): retention (1·1 + 2·½)/3 = 2/3, orders 2/3, margin (1·30 + 2·2.5)/3 = 35/3.
    expect(roi.baseline).toMatchObject({ customers: 3, retained: 2 });
    expect(roi.baseline.retention).toBeCloseTo(2 / 3, 12);
    expect(roi.baseline.ordersPerCustomer).toBeCloseTo(2 / 3, 12);
    expect(at10(roi.baseline.marginPerCustomer)).toBe("11.6666666667");
  });

  it("gives the incremental margin, cost, ROI and break-even", () => {
    // Δm = 85/3 − 35/3 = 50/3; × 5 members = 250/3.
    expect(at10(roi.incrementalMarginPerMember)).toBe("16.6666666667");
    expect(at10(roi.incrementalMargin)).toBe("83.3333333333");
    expect(roi.incrementalRetention).toBeCloseTo(1 / 3, 12);
    // Club costs in the period: 5 × 10 on members, 20 program-level, 5 on n1 (the 99 on 2024-07-01 is after the period).
    expect(roi.cost).toMatchObject({ costCount: 7 });
    expect(roi.cost.total.toString()).toBe("75");
    expect(roi.cost.onMembers.toString()).toBe("50");
    expect(roi.cost.onNonMembers.toString()).toBe("5");
    expect(roi.cost.programLevel.toString()).toBe("20");
    expect(roi.cost.perMember?.toString()).toBe("15");
    // ROI = (50/3 − 15) ÷ 15 = 1/9; break-even = 15 · (2/3) ÷ (35/3) = 6/7.
    expect(roi.roi).toBeCloseTo(1 / 9, 12);
    expect(roi.breakEvenIncrementalRetention).toBeCloseTo(6 / 7, 12);
    expect(roi.reasons).toEqual({});
  });

  it("carries the margin's normal interval through the ROI formula", () => {
    // Within-stratum variances: members (Jan, 0) {10, 15} → 12.5; baseline (Jan, 0) {5, 0} → 12.5; the
    // one-customer strata take the pooled 12.5. Var = (1/3)²(12.5 + 12.5) + (2/3)²(12.5/2 + 12.5/2) = 75/9.
    const half = normalQuantile(0.975) * Math.sqrt(75 / 9);
    expect(roi.roiInterval?.method).toBe("normal approximation, post-stratified difference in means");
    expect(roi.roiInterval?.low).toBeCloseTo((50 / 3 - half - 15) / 15, 10);
    expect(roi.roiInterval?.high).toBeCloseTo((50 / 3 + half - 15) / 15, 10);
    expect(roi.roiInterval?.low).toBeCloseTo(-0.26608, 4);
  });

  it("compares with every non-member, unweighted, when baseline is 'all'", () => {
    const all = programRoi(ledger, { ...options, baseline: "all" });
    // One stratum: members m1 m2 m5 m3 (margin 60+10+15+15 = 100, /4 = 25); non-members n1 n2 n3 (35/3).
    expect(all.members.customers).toBe(4);
    expect(at10(all.members.marginPerCustomer)).toBe("25");
    expect(at10(all.baseline.marginPerCustomer)).toBe("11.6666666667");
    expect(all.membersWithoutBaseline).toBe(0);
  });

  it("takes members from a predicate", () => {
    const picked = programRoi(ledger, { ...options, member: (id) => id === "m1" || id === "m2" });
    expect(picked.memberCount).toBe(2);
    expect(picked.cost.onMembers.toString()).toBe("20");
    expect(picked.cost.onNonMembers.toString()).toBe("35");
  });

  it("answers null with reasons when there are no members or no cost", () => {
    const none = programRoi({ purchases: ROI_PURCHASES }, options);
    expect(none).toMatchObject({ memberCount: 0, roi: null, roiInterval: null, incrementalMarginPerMember: null });
    expect(Object.keys(none.reasons)).toEqual(expect.arrayContaining(["members", "cost", "roi"]));
    const free = programRoi(ledger, { ...options, program: "nothing" });
    expect(free.roi).toBeNull();
    expect(free.reasons.cost).toMatch(/no cost of program "nothing"/);
  });

  it("names bad options", () => {
    const bad = (extra: Record<string, unknown>) => () => programRoi(ledger, { ...options, ...extra } as never);
    expect(bad({ program: "" })).toThrow(RetentionOptionsError);
    expect(bad({ margin: 2 })).toThrow(/margin/);
    expect(bad({ margin: undefined })).toThrow(/margin/);
    expect(bad({ baseline: "random" })).toThrow(/baseline/);
    expect(bad({ member: "m1" })).toThrow(/member/);
    expect(bad({ member: () => 1 })).toThrow(/member: expected the predicate to return true or false/);
    expect(bad({ preStart: "2024-05-01" })).toThrow(/preStart/);
    expect(bad({ start: -8.64e15 })).toThrow(/preStart: the default pre-period/);
    expect(bad({ confidence: 1 })).toThrow(/confidence/);
  });
});

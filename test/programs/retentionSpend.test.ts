import { describe, expect, it } from "vitest";
import { createLedger, RetentionOptionsError, retentionSpend } from "../../src/index";
import { ROI_COSTS, ROI_EVENTS, ROI_PERIOD, ROI_PURCHASES } from "./roiFixture";

const ledger = createLedger({ purchases: ROI_PURCHASES, events: ROI_EVENTS, costs: ROI_COSTS });

describe("retentionSpend on the hand-worked program (test/programs/roiFixture.ts)", () => {
  const spend = retentionSpend(ledger, { ...ROI_PERIOD, margin: "0.5" });

  it("totals the period's costs, split by whom they were spent on", () => {
    // In [April, July): 5 × 10 (members) + 5 (n1) = 55 on customers, 20 program-level, 5 on "ghost" (no purchase or event).
    expect(spend.costCount).toBe(8);
    expect(spend.totalSpend.toString()).toBe("80");
    expect(spend.customerSpend.toString()).toBe("55");
    expect(spend.programLevelSpend.toString()).toBe("20");
    expect(spend.unknownCustomerSpend.toString()).toBe("5");
  });

  it("divides by active and retained customers", () => {
    // Active at the start (order in the 91 days before April): m1 m2 m3 m5 n1 n2 n3; at the end: all but n3, plus m4.
    // Active in the period: all 8; retained (start and end): 6.
    expect(spend).toMatchObject({ activeCount: 8, retainedCount: 6 });
    expect(spend.spendPerActiveCustomer?.toString()).toBe("10");
    expect(spend.spendPerRetainedCustomer?.toDecimalPlaces(6).toString()).toBe("13.333333");
    // Retained customers' own costs 10 + 10 + 10 + 10 (m1 m2 m3 m5) + 5 (n1) = 45, plus 20 × 6/8 = 15.
    expect(spend.retainedCustomerSpend?.toString()).toBe("60");
  });

  it("gives shares of the period's revenue and margin", () => {
    // Revenue 120 + 60 + 20 + 10 + 30 + 40 + 30 = 310; margin 0.5 × 310 = 155.
    expect(spend.revenue.toString()).toBe("310");
    expect(spend.grossMargin?.toString()).toBe("155");
    expect(spend.shareOfRevenue).toBeCloseTo(80 / 310, 14);
    expect(spend.shareOfMargin).toBeCloseTo(80 / 155, 14);
  });

  it("allocates program-level costs by revenue when asked", () => {
    // Retained revenue 120 + 20 + 30 + 30 + 60 + 10 = 270 of the active 310: 45 + 20 × 270/310.
    const byRevenue = retentionSpend(ledger, { ...ROI_PERIOD, margin: "0.5", allocation: "revenue" });
    expect(byRevenue.retainedCustomerSpend?.toDecimalPlaces(8).toString()).toBe("62.41935484");
  });

  it("splits by program and by channel", () => {
    const byProgram = retentionSpend(ledger, { ...ROI_PERIOD, by: "program" });
    expect(byProgram.groups.map((g) => [g.key, g.spend.toString(), g.costCount, g.customersReached])).toEqual([
      ["club", "75", 7, 6],
      ["winback", "5", 1, 0],
    ]);
    const byChannel = retentionSpend(ledger, { ...ROI_PERIOD, by: "channel" });
    expect(byChannel.groups.map((g) => [g.key, g.spend.toString(), g.shareOfSpend])).toEqual([
      ["mail", "55", 55 / 80],
      ["phone", "5", 5 / 80],
      [null, "20", 20 / 80],
    ]);
    expect(byChannel.groups[0]!.spendPerActiveCustomer?.toString()).toBe("6.875");
  });

  it("uses each purchase's cost for the margin, and says why the margin is missing without one", () => {
    const costed = retentionSpend({ purchases: [{ customerId: "a", at: "2024-04-02", amount: "100", cost: "70" }], costs: [{ at: "2024-04-03", amount: "3" }] }, ROI_PERIOD);
    expect(costed.grossMargin?.toString()).toBe("30");
    expect(costed.shareOfMargin).toBeCloseTo(0.1, 14);
    const bare = retentionSpend(ledger, ROI_PERIOD);
    expect(bare.grossMargin).toBeNull();
    expect(bare.shareOfMargin).toBeNull();
    expect(bare.reasons.grossMargin).toMatch(/no cost and no margin option/);
  });

  it("answers an input without costs or customers with zeros and reasons", () => {
    const empty = retentionSpend({ purchases: [] }, ROI_PERIOD);
    expect(empty.totalSpend.toString()).toBe("0");
    expect(empty).toMatchObject({ activeCount: 0, spendPerActiveCustomer: null, spendPerRetainedCustomer: null, shareOfRevenue: null, groups: [] });
    expect(Object.keys(empty.reasons).sort()).toEqual(["shareOfMargin", "shareOfRevenue", "spendPerActiveCustomer", "spendPerRetainedCustomer"]);
  });

  it("names bad options", () => {
    expect(() => retentionSpend(ledger, { ...ROI_PERIOD, by: "segment" } as never)).toThrow(RetentionOptionsError);
    expect(() => retentionSpend(ledger, { ...ROI_PERIOD, allocation: "equal" } as never)).toThrow(/allocation/);
    expect(() => retentionSpend(ledger, { ...ROI_PERIOD, margin: -1 })).toThrow(/margin/);
    expect(() => retentionSpend(ledger, { start: "2024-02-01", end: "2024-01-01" })).toThrow(/end/);
  });
});

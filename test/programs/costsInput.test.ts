import { Float64, Table, Utf8, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { createLedger, retentionSpend, RetentionInputError, type Cost } from "../../src/index";
import { CostSchema } from "../../src/schemas";
import { costIssues } from "../../src/input/rowIssues";

const purchases = [{ customerId: "a", at: "2024-01-05", amount: "19.99" }];
const issuesOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RetentionInputError);
    return (error as RetentionInputError).issues.map((issue) => ({ index: issue.index, path: issue.path, message: issue.message }));
  }
  throw new Error("expected a RetentionInputError");
};

describe("the costs collection", () => {
  it("stores costs as time-sorted typed columns at the ledger's money scale, names as codes", () => {
    // The cost 1.255 has three decimal places: the purchase's 19.99 becomes 19990 thousandths.
    const ledger = createLedger({
      purchases,
      costs: [
        { at: "2024-01-09", amount: "1.255", customerId: "a", program: "club" },
        { at: "2024-01-02", amount: 3, channel: "mail" },
      ],
    });
    expect(ledger.moneyScale).toBe(3);
    expect([...ledger.purchases.amountUnits]).toEqual([19990]);
    expect([...ledger.costs.amountUnits]).toEqual([3000, 1255]);
    expect([...ledger.costs.customer]).toEqual([-1, 0]);
    expect([...ledger.costs.program!]).toEqual([-1, 0]);
    expect(ledger.costs.programNames).toEqual(["club"]);
    expect([...ledger.costs.channel!]).toEqual([0, -1]);
    expect([...ledger.costs.sourceIndex]).toEqual([1, 0]);
  });

  it("costs nothing when absent: no columns and no customers", () => {
    const ledger = createLedger({ purchases });
    expect(ledger.costs.count).toBe(0);
    expect(ledger.costs.program).toBeNull();
    expect(createLedger({ purchases, costs: [{ at: "2024-01-02", amount: "1" }] }).costs.channel).toBeNull();
  });

  it("keeps costs of customers the ledger does not know, without adding them to customerIds", () => {
    const ledger = createLedger({ purchases, costs: [{ at: "2024-01-02", amount: "4", customerId: "zz" }] });
    expect(ledger.customerIds).toEqual(["a"]);
    expect([...ledger.costs.customer]).toEqual([-2]);
    expect(ledger.costs.unknownCustomerIds).toEqual(["zz"]);
    expect(retentionSpend(ledger, { start: "2024-01-01", end: "2024-02-01" }).unknownCustomerSpend.toString()).toBe("4");
  });

  it("reads columns and rows alike", () => {
    const rows: Cost[] = [
      { at: "2024-01-02", amount: "2.50", customerId: "a", program: "p" },
      { at: "2024-01-03", amount: "1", program: undefined, channel: "sms" },
    ];
    const columns = { at: ["2024-01-02", "2024-01-03"], amount: ["2.50", "1"], customerId: ["a", undefined], program: ["p", undefined], channel: [undefined, "sms"] };
    expect(createLedger({ purchases, costs: columns }).costs).toEqual(createLedger({ purchases, costs: rows }).costs);
  });

  it("reads an Arrow table of costs (null cells are absent fields)", () => {
    const arrow = new Table({
      at: vectorFromArray([Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3)], new Float64()),
      amount: vectorFromArray(["2.50", "1"], new Utf8()),
      customerId: vectorFromArray(["a", null], new Utf8()),
      program: vectorFromArray(["p", null], new Utf8()),
    });
    const fromRows = createLedger({ purchases, costs: [{ at: Date.UTC(2024, 0, 2), amount: "2.50", customerId: "a", program: "p" }, { at: Date.UTC(2024, 0, 3), amount: "1" }] });
    expect(createLedger({ purchases, costs: arrow }).costs).toEqual(fromRows.costs);
  });

  it("names the row and field of every invalid cost", () => {
    expect(issuesOf(() => createLedger({ costs: [{ at: "2024-01-01", amount: "1" }, { at: "soon", amount: "-2", program: "" } as never] }))).toEqual([
      { index: 1, path: ["costs", "at"], message: 'expected a Date, an ISO-8601 date string or epoch milliseconds, found "soon"' },
      { index: 1, path: ["costs", "amount"], message: 'expected a cost ≥ 0 (a rebate lowers the cost it belongs to), found "-2"' },
      { index: 1, path: ["costs", "program"], message: "expected a non-empty program" },
    ]);
    expect(issuesOf(() => createLedger({ costs: [{ at: 0, amount: "x", customerId: " " }] as never }))).toEqual([
      { index: 0, path: ["costs", "customerId"], message: "expected a non-empty customer id" },
      { index: 0, path: ["costs", "amount"], message: 'expected a finite decimal amount (string, number or Decimal), found "x"' },
    ]);
    expect(issuesOf(() => createLedger({ costs: { at: ["2024-01-01"] } as never }))[0]!.path).toEqual(["costs", "amount"]);
  });

  it("refuses a second currency, in the costs or against the purchases", () => {
    const mixed = issuesOf(() => createLedger({ purchases: [{ ...purchases[0]!, currency: "EUR" }], costs: [{ at: "2024-01-02", amount: "1", currency: "USD" }] }));
    expect(mixed[0]).toMatchObject({ path: ["costs", "currency"], message: expect.stringMatching(/found "USD", the purchases are in "EUR"/) });
    expect(issuesOf(() => createLedger({ costs: [{ at: "2024-01-02", amount: "1", currency: "USD" }] }, { currency: "EUR" }))[0]!.path).toEqual(["costs", "currency"]);
    expect(createLedger({ costs: [{ at: "2024-01-02", amount: "1", currency: "USD" }] }).currency).toBe("USD");
  });

  it("gives the issues of the exported zod schema", () => {
    for (const row of [{ at: "x", amount: "-1" }, { at: 1, amount: "1", customerId: "" }, { at: 1, amount: 2, channel: 3 }, null, { at: 1, amount: "0" }]) {
      const parsed = CostSchema.safeParse(row);
      const zodIssues = parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
      expect(zodIssues).toEqual(costIssues(row).map((issue) => ({ path: issue.path, message: issue.message })));
    }
  });

  it("sums a million cost rows exactly", () => {
    // 500,000 × 0.01 + 500,000 × 0.07 = 40,000 exactly (a float sum of 0.01s drifts).
    const n = 1_000_000;
    const amount = new Float64Array(n).map((_, i) => (i % 2 === 0 ? 0.01 : 0.07));
    const at = new Float64Array(n).fill(Date.UTC(2024, 0, 2));
    const spend = retentionSpend({ purchases, costs: { at, amount } }, { start: "2024-01-01", end: "2024-02-01" });
    expect(spend.totalSpend.toString()).toBe("40000");
    expect(spend.spendPerActiveCustomer?.toString()).toBe("40000");
  }, 60_000);
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLedger, customerSummary, type LedgerInput } from "../../src/index";
import { summaryColumns } from "../../src/clv/customerSummary";
import { readSummaryRows } from "../../src/clv/summaryRows";
import { readTimeAxis } from "../../src/clv/timeAxis";
import { purchase } from "../arbitraries/records";
import { cdnowPurchases } from "./cdnowFixtures";

/** The report feeds the models from `summaryColumns`; it must give what the public row path gives. */
function expectSameAsRows(purchases: LedgerInput["purchases"], asOf: string, timeUnit: "day" | "week"): void {
  const ledger = createLedger({ purchases });
  const columns = summaryColumns(ledger, Date.parse(asOf), readTimeAxis({ timeUnit }, "test"));
  const summary = customerSummary(ledger, { asOf, timeUnit });
  expect(columns.rows).toEqual(readSummaryRows(summary, "test"));
  expect(columns.repeatCustomerCount).toBe(summary.repeatCustomerCount);
  expect([...columns.customer].map((c) => ledger.customerIds[c])).toEqual(summary.customers.map((row) => row.customerId));
}

describe("summaryColumns", () => {
  it("equals readSummaryRows(customerSummary(...)) on CDNOW", () => {
    expectSameAsRows(cdnowPurchases(), "1997-09-30", "week");
  });

  it("equals readSummaryRows(customerSummary(...)) on any purchases", () => {
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 30 }), fc.constantFrom("day" as const, "week" as const), (purchases, timeUnit) => {
        expectSameAsRows(purchases, "2025-01-01", timeUnit);
      }),
      { numRuns: 100 },
    );
  });
});

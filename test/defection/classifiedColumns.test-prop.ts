import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyDefections, createLedger, defectionReport, loyalCustomers, type LedgerInput, type Purchase } from "retention-metrics";
import { ACTIVE, classifyColumns } from "../../src/defection/classifiedColumns";
import { defectionReportOfColumns } from "../../src/defection/defectionReport";
import { readDefectionOptions } from "../../src/defection/options";
import { loyalCustomersOf } from "../../src/segments/loyalCustomers";
import { cdnowPurchases } from "../clv/cdnowFixtures";
import { event, instant, purchase } from "../arbitraries/records";

/**
 * The report counts defections and picks loyal customers from classification columns; it must
 * give exactly what the public functions give from classification objects.
 */
function expectSameAsObjects(input: { purchases: readonly Purchase[]; events?: LedgerInput["events"] }, asOf: number, top: number): void {
  const ledger = createLedger(input);
  const columns = classifyColumns(ledger, readDefectionOptions({ asOf }, "test"));
  const classifications = classifyDefections(ledger, { asOf });
  expect(defectionReportOfColumns(ledger, columns, top)).toEqual(defectionReport(classifications, { topAtRisk: top }));
  const activity = { isActive: (c: number) => columns.classified[c] === 1 && columns.status[c] === ACTIVE, classified: columns.count };
  const loyal = loyalCustomers(ledger, { asOf, classifications });
  expect(loyalCustomersOf(ledger, { asOf }, activity)).toEqual(loyal);
  // The report keeps only the first `top` loyal customers as objects; the counts and sums stay whole.
  expect(loyalCustomersOf(ledger, { asOf }, activity, top)).toEqual({ ...loyal, customers: loyal.customers.slice(0, top) });
}

describe("classification columns", () => {
  it("give the defection report and loyal customers of the public functions on CDNOW", () => {
    expectSameAsObjects({ purchases: cdnowPurchases() }, Date.UTC(1998, 6, 1), 10);
  });

  it("give the defection report and loyal customers of the public functions on any purchases and events", () => {
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 30 }), fc.array(event, { maxLength: 8 }), instant, fc.nat({ max: 4 }), (purchases, events, asOf, top) => {
        expectSameAsObjects({ purchases, events }, asOf, top);
      }),
      { numRuns: 150 },
    );
  });
});

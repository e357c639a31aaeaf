import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLedger, createLedgerBuilder, RetentionInputError } from "retention-metrics";
import { event, purchase, surveyResponse } from "../arbitraries/records";

describe("createLedgerBuilder", () => {
  it("builds the same ledger as createLedger from records added one at a time", () => {
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 30 }), fc.array(event, { maxLength: 10 }), fc.array(surveyResponse, { maxLength: 10 }), (purchases, events, surveys) => {
        const builder = createLedgerBuilder();
        for (const row of purchases) builder.addPurchase(row);
        for (const row of events) builder.addEvent(row);
        for (const row of surveys) builder.addSurvey(row);
        expect(builder.added).toEqual({ purchases: purchases.length, events: events.length, surveys: surveys.length, costs: 0 });
        expect(builder.finish()).toEqual(createLedger({ purchases, events, surveys }));
      }),
      { numRuns: 100 },
    );
  });

  it("rescales stored amounts when a more precise one arrives", () => {
    const builder = createLedgerBuilder();
    builder.addPurchase({ customerId: "a", at: "2024-01-01", amount: "12" });
    builder.addPurchase({ customerId: "a", at: "2024-01-02", amount: "0.5", cost: "0.125" });
    const ledger = builder.finish();
    expect(ledger.moneyScale).toBe(3);
    expect([...ledger.purchases.amountUnits]).toEqual([12_000, 500]);
    expect([...ledger.purchases.costUnits]).toEqual([0, 125]);
  });

  it("names invalid records by the order they were added, and finishes once", () => {
    const builder = createLedgerBuilder({ currency: "EUR" });
    builder.addPurchase({ customerId: "a", at: "2024-01-01", amount: "1" });
    builder.addPurchase({ customerId: "a", at: "yesterday", amount: "1" });
    builder.addPurchase({ customerId: "a", at: "2024-01-01", amount: "1", currency: "USD" });
    let caught: unknown;
    try {
      builder.finish();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RetentionInputError);
    expect((caught as RetentionInputError).issues.map((issue) => [issue.index, issue.path[1]])).toEqual([
      [1, "at"],
      [2, "currency"],
    ]);
    expect(() => builder.finish()).toThrow(/already called/);
  });
});

describe("optional purchase columns", () => {
  it("are empty when no row has the field", () => {
    const ledger = createLedger({ purchases: [{ customerId: "a", at: "2024-01-02", amount: "5" }, { customerId: "b", at: "2024-01-01", amount: "7" }] });
    const { costUnits, hasCost, quantity, hasQuantity, orderId, orderStart } = ledger.purchases;
    expect([costUnits.length, hasCost.length, quantity.length, hasQuantity.length, orderId.length]).toEqual([0, 0, 0, 0, 0]);
    expect([...orderStart]).toEqual([1, 1]);
  });

  it("start at the first row that has the field and sort with the others", () => {
    // Added out of time order; only the third row (the earliest) has cost, quantity and orderId.
    const ledger = createLedger({
      purchases: [
        { customerId: "a", at: "2024-01-05", amount: "5" },
        { customerId: "b", at: "2024-01-04", amount: "7" },
        { customerId: "a", at: "2024-01-01", amount: "9.5", cost: "4.25", quantity: 3, orderId: "o1" },
        { customerId: "a", at: "2024-01-02", amount: "1", orderId: "o1" },
      ],
    });
    const p = ledger.purchases;
    expect([...p.sourceIndex]).toEqual([2, 3, 1, 0]);
    expect([...p.hasCost]).toEqual([1, 0, 0, 0]);
    expect([...p.costUnits]).toEqual([425, 0, 0, 0]);
    expect([...p.hasQuantity, ...p.quantity]).toEqual([1, 0, 0, 0, 3, 0, 0, 0]);
    expect(p.orderId).toEqual(["o1", "o1", undefined, undefined]);
    expect([...p.orderStart]).toEqual([1, 0, 1, 1]);
    expect(ledger.orderCount).toBe(3);
  });
});

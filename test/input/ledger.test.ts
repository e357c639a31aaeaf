import { describe, expect, it } from "vitest";
import {
  createLedger,
  isLedger,
  isRetentionInputError,
  RetentionInputError,
  type CustomerEvent,
  type Purchase,
} from "retention-metrics";

function inputError(run: () => unknown): RetentionInputError {
  try {
    run();
  } catch (error) {
    if (isRetentionInputError(error)) return error;
    throw error;
  }
  throw new Error("expected a RetentionInputError");
}

describe("createLedger", () => {
  it("sorts rows by time and indexes customers by sorted id", () => {
    const ledger = createLedger({
      purchases: [
        { customerId: "b", at: "2024-03-01", amount: "5" },
        { customerId: "a", at: "2024-01-01", amount: "10.5" },
        { customerId: "b", at: "2024-02-01", amount: "1.25" },
      ],
    });
    expect(isLedger(ledger)).toBe(true);
    expect(ledger.customerIds).toEqual(["a", "b"]);
    expect([...ledger.purchases.at]).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 1), Date.UTC(2024, 2, 1)]);
    expect([...ledger.purchases.sourceIndex]).toEqual([1, 2, 0]);
    expect(ledger.moneyScale).toBe(2);
    expect([...ledger.purchases.amountUnits]).toEqual([1050, 125, 500]);
    const b = ledger.customerIndex.get("b")!;
    const { offsets, rows } = ledger.purchasesByCustomer;
    expect([...rows.subarray(offsets[b], offsets[b + 1])]).toEqual([1, 2]);
  });

  it("counts distinct order ids as orders and never refunds", () => {
    const ledger = createLedger({
      purchases: [
        { customerId: "a", at: "2024-01-01", amount: "10", orderId: "o1" },
        { customerId: "a", at: "2024-01-01", amount: "5", orderId: "o1" },
        { customerId: "a", at: "2024-01-02", amount: "-5", orderId: "o1" },
        { customerId: "a", at: "2024-01-03", amount: "-2" },
        { customerId: "a", at: "2024-01-04", amount: "0" },
      ],
    });
    expect(ledger.orderCount).toBe(2);
    expect([...ledger.purchases.orderStart]).toEqual([1, 0, 0, 0, 1]);
  });

  it("treats __proto__ and constructor as ordinary customer ids", () => {
    const ledger = createLedger({
      purchases: [
        { customerId: "__proto__", at: "2024-01-01", amount: "1" },
        { customerId: "constructor", at: "2024-01-02", amount: "2" },
      ],
    });
    expect(ledger.customerIds).toEqual(["__proto__", "constructor"]);
    expect(ledger.customerIndex.get("__proto__")).toBe(0);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it("does not mutate frozen input", () => {
    const purchases: readonly Purchase[] = Object.freeze([
      Object.freeze({ customerId: "a", at: "2024-01-02", amount: "1" }),
      Object.freeze({ customerId: "a", at: "2024-01-01", amount: "2" }),
    ]);
    expect(() => createLedger({ purchases })).not.toThrow();
    expect(purchases[0]!.at).toBe("2024-01-02");
  });

  it("returns an empty ledger for empty input", () => {
    const ledger = createLedger({});
    expect(ledger.customerIds).toEqual([]);
    expect(ledger.purchases.count).toBe(0);
    expect(ledger.currency).toBeNull();
  });

  it("keeps the first currency and the required one", () => {
    expect(createLedger({ purchases: [{ customerId: "a", at: "2024-01-01", amount: "1", currency: "EUR" }] }).currency).toBe("EUR");
    expect(createLedger({ purchases: [{ customerId: "a", at: "2024-01-01", amount: "1" }] }, { currency: "USD" }).currency).toBe("USD");
  });

  it("reads events: contract state and custom types", () => {
    const ledger = createLedger({
      events: [
        { customerId: "s", at: "2024-01-01", type: "cancel" },
        { customerId: "s", at: "2024-01-01", type: "signup" },
        { customerId: "s", at: "2024-01-05", type: "webinar_attended" },
      ],
    });
    expect(ledger.events.typeNames[ledger.events.type[0]!]).toBe("signup");
    expect(ledger.events.typeNames[ledger.events.type[1]!]).toBe("cancel");
    expect(ledger.events.typeNames).toContain("webinar_attended");
    expect(ledger.firstActivity[0]).toBe(Date.UTC(2024, 0, 1));
    expect(ledger.hasContract[0]).toBe(1);
  });
});

describe("createLedger errors", () => {
  const ok = { customerId: "a", at: "2024-01-01", amount: "1" };

  it("names the row and field of an unparseable date", () => {
    const error = inputError(() => createLedger({ purchases: [ok, { ...ok, at: "2024-02-30" }] }));
    expect(error.issues[0]).toMatchObject({ index: 1, path: ["purchases", "at"] });
    expect(error.message).toMatch(/^purchases\[1\]\.at: expected a Date, an ISO-8601 date string or epoch milliseconds, found "2024-02-30"/);
  });

  it("rejects non-finite and non-numeric amounts", () => {
    const error = inputError(() =>
      createLedger({ purchases: [{ ...ok, amount: "12,50" }, { ...ok, amount: Number.NaN }, { ...ok, amount: Number.POSITIVE_INFINITY }] }),
    );
    expect(error.issues.map((issue) => [issue.index, issue.path.join(".")])).toEqual([
      [0, "purchases.amount"],
      [1, "purchases.amount"],
      [2, "purchases.amount"],
    ]);
    expect(error.issues[0]!.message).toContain('found "12,50"');
  });

  it("rejects empty customer ids", () => {
    const error = inputError(() => createLedger({ purchases: [{ ...ok, customerId: "  " }] }));
    expect(error.issues[0]).toMatchObject({ index: 0, path: ["purchases", "customerId"] });
    expect(error.message).toContain("non-empty customer id");
  });

  it("rejects survey scores out of range or not integers", () => {
    const error = inputError(() =>
      createLedger({ surveys: [{ at: "2024-01-01", score: 11 }, { at: "2024-01-01", score: 7.5 }, { at: "2024-01-01", score: -1 }] }),
    );
    expect(error.issues.map((issue) => issue.index)).toEqual([0, 1, 2]);
    expect(error.issues[1]!.message).toContain("integer");
    expect(error.issues[0]!.path).toEqual(["surveys", "score"]);
  });

  it("rejects mixed currencies, naming both rows", () => {
    const error = inputError(() =>
      createLedger({ purchases: [{ ...ok, currency: "USD" }, ok, { ...ok, currency: "EUR" }] }),
    );
    expect(error.issues[0]).toMatchObject({ index: 2, path: ["purchases", "currency"], code: "mixed_currency" });
    expect(error.message).toContain('"EUR" after "USD" at purchases[0]');
    expect(() => createLedger({ purchases: [{ ...ok, currency: "EUR" }] }, { currency: "USD" })).toThrow(RetentionInputError);
  });

  it("rejects one orderId used by two customers", () => {
    const error = inputError(() =>
      createLedger({ purchases: [{ ...ok, orderId: "o1" }, { ...ok, customerId: "b", orderId: "o1" }] }),
    );
    expect(error.issues[0]).toMatchObject({ index: 1, path: ["purchases", "orderId"], code: "order_customer_conflict" });
  });

  it("rejects amounts too precise to sum exactly", () => {
    const error = inputError(() => createLedger({ purchases: [{ ...ok, amount: 0.1 + 0.2 }, { ...ok, amount: "123456" }] }));
    expect(error.issues[0]).toMatchObject({ index: 0, code: "precision" });
  });

  it("rejects rows that are not objects", () => {
    const error = inputError(() => createLedger({ purchases: [null as unknown as Purchase], events: [7 as unknown as CustomerEvent] }));
    expect(error.issues.map((issue) => [issue.path[0], issue.index])).toEqual([
      ["purchases", 0],
      ["events", 0],
    ]);
  });

  it("rejects a collection that is not an array before reading any row", () => {
    const error = inputError(() => createLedger({ purchases: [ok], events: "x" as unknown as [] }));
    expect(error.issues).toEqual([
      { index: -1, path: ["events"], code: "invalid_collection", message: 'expected an array of rows, an object of columns or an Arrow table, found a string ("x")' },
    ]);
    expect(error.message).toBe('events: expected an array of rows, an object of columns or an Arrow table, found a string ("x")');
  });

  it("keeps the first 100 issues and counts them all", () => {
    const rows = Array.from({ length: 250 }, () => ({ ...ok, at: "not a date" }));
    const error = inputError(() => createLedger({ purchases: rows }));
    expect(error.issues).toHaveLength(100);
    expect(error.totalIssues).toBe(250);
    expect(error.message).toContain("and 249 more issues");
  });
});

import { describe, expect, it } from "vitest";
import { averageOrderValue, createLedger, nps, RetentionInputError, RetentionOptionsError, type LedgerInput } from "retention-metrics";

const rows = [
  { customerId: "a", at: "2024-01-05", amount: "19.99", orderId: "o1" },
  { customerId: "b", at: "2024-01-06", amount: "5.01" },
  { customerId: "a", at: "2024-02-01", amount: "-2.50", orderId: "o1" },
];
const columns = {
  customerId: ["a", "b", "a"],
  at: ["2024-01-05", "2024-01-06", "2024-02-01"],
  amount: ["19.99", "5.01", "-2.50"],
  orderId: ["o1", undefined, "o1"],
};

function thrown(call: () => unknown): Error {
  try {
    call();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to throw");
}

describe("accepted shapes", () => {
  it("reads a bare array of purchases like { purchases }", () => {
    expect(createLedger(rows)).toEqual(createLedger({ purchases: rows }));
  });

  it("reads an object of columns like the rows it holds", () => {
    expect(createLedger({ purchases: columns })).toEqual(createLedger({ purchases: rows }));
    expect(averageOrderValue({ purchases: columns }).value?.toString()).toBe("11.25"); // (19.99 + 5.01 − 2.50) / 2 orders (o1, and b's row)
  });

  it("reads typed-array columns of times and money", () => {
    const ledger = createLedger({
      purchases: { customerId: ["a", "b"], at: Float64Array.of(Date.UTC(2024, 0, 5), Date.UTC(2024, 0, 6)), amount: Float64Array.of(19.99, 5.5) },
      surveys: { at: Float64Array.of(Date.UTC(2024, 0, 5)), score: Uint8Array.of(9) },
    });
    expect([...ledger.purchases.amountUnits]).toEqual([1999, 550]);
    expect(ledger.surveys.count).toBe(1);
  });

  it("returns a ledger given to createLedger as it is", () => {
    const ledger = createLedger(rows);
    expect(createLedger(ledger)).toBe(ledger);
  });

  it("gives the documented empty answer for empty rows, columns and objects", () => {
    const empty = createLedger([]);
    expect(createLedger({})).toEqual(empty);
    expect(createLedger({ purchases: { customerId: [], at: [], amount: [] } })).toEqual(empty);
    expect(empty.orderCount).toBe(0);
    expect(averageOrderValue({ purchases: { customerId: [], at: [], amount: [] } }).value).toBeNull();
  });

  it("never modifies frozen columns", () => {
    const frozen = Object.freeze({ customerId: Object.freeze([...columns.customerId]), at: Object.freeze([...columns.at]), amount: Object.freeze([...columns.amount]) });
    expect(() => createLedger({ purchases: frozen })).not.toThrow();
  });

  it("reads surveys as the whole NPS input, as rows or as columns", () => {
    expect(nps({ surveys: { at: ["2024-01-01", "2024-01-02"], score: [10, 0] } }).score).toBe(0);
  });
});

describe("rejected shapes", () => {
  it.each([
    ["null", null, "null"],
    ["undefined", undefined, "undefined"],
    ["a number", 42, "a number (42)"],
    ["a string", "x", 'a string ("x")'],
    ["a boolean", true, "a boolean (true)"],
    ["a Map", new Map([["purchases", rows]]), "a Map"],
    ["a Set", new Set(rows), "a Set"],
    ["a function", () => rows, "a function"],
    ["a Date", new Date(0), "a Date"],
  ])("refuses %s with a typed error that says what it found", (_, value, found) => {
    const error = thrown(() => createLedger(value as unknown as LedgerInput));
    expect(error).toBeInstanceOf(RetentionInputError);
    expect(error.message).toBe(`input: expected an array of rows, an Arrow table, { purchases, events, surveys, costs } or a Ledger, found ${found}`);
    expect((error as RetentionInputError).issues[0]).toMatchObject({ index: -1, path: [], code: "invalid_input" });
  });

  it("suggests the nearest key for a misspelled one", () => {
    expect(thrown(() => averageOrderValue({ purchase: rows } as unknown as LedgerInput)).message).toBe('input: unknown key "purchase"; did you mean "purchases"?');
    expect(thrown(() => nps({ survey: [] } as unknown as LedgerInput)).message).toBe('input: unknown key "survey"; did you mean "surveys"?');
    expect(thrown(() => createLedger({ orders: rows } as unknown as LedgerInput)).message).toBe('input: unknown key "orders"; expected one of "purchases", "events", "surveys", "costs"');
  });

  it("names a collection that is neither rows, columns nor a table", () => {
    expect(thrown(() => createLedger({ purchases: new Map() } as unknown as LedgerInput)).message).toBe(
      "purchases: expected an array of rows, an object of columns or an Arrow table, found a Map",
    );
  });

  it("names a column of the wrong length, a missing column and a column of the wrong type", () => {
    expect(thrown(() => createLedger({ purchases: { ...columns, amount: ["1", "2"] } })).message).toBe("purchases.amount: column has 2 values, expected 3 (the length of customerId)");
    expect(thrown(() => createLedger({ purchases: { customer: ["a"], at: ["2024-01-01"], amount: ["1"] } } as unknown as LedgerInput)).message).toBe(
      'purchases.customerId: missing required column "customerId"; found "customer": did you mean "customerId"?',
    );
    expect(thrown(() => createLedger({ events: { customerId: ["a"], at: ["2024-01-01"] } } as unknown as LedgerInput)).message).toBe('events.type: missing required column "type"');
    expect(thrown(() => createLedger({ purchases: { ...columns, customerId: Float64Array.of(1, 2, 3) } } as unknown as LedgerInput)).message).toBe(
      "purchases.customerId: expected an array of strings, found a Float64Array",
    );
    expect(thrown(() => createLedger({ purchases: { ...columns, amount: "19.99" } } as unknown as LedgerInput)).message).toBe(
      'purchases.amount: expected an array or a numeric typed array, found a string ("19.99")',
    );
  });

  it("names the row and field of a bad cell, as row input does", () => {
    const error = thrown(() => createLedger({ purchases: { ...columns, at: ["2024-01-05", "soon", "2024-02-01"] } })) as RetentionInputError;
    expect(error.message).toBe('purchases[1].at: expected a Date, an ISO-8601 date string or epoch milliseconds, found "soon"');
    expect(error.issues).toEqual([{ index: 1, path: ["purchases", "at"], code: "custom", message: 'expected a Date, an ISO-8601 date string or epoch milliseconds, found "soon"' }]);
  });

  it("refuses options that are not an object with a RetentionOptionsError", () => {
    for (const options of [null, 42, "USD", [], new Map()]) {
      const error = thrown(() => createLedger(rows, options as never));
      expect(error).toBeInstanceOf(RetentionOptionsError);
      expect(error.message).toMatch(/^options: createLedger expects an options object, found /);
    }
    expect(thrown(() => nps([], null as never)).message).toBe("options: nps expects an options object, found null");
  });
});

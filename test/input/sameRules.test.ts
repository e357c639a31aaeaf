import { describe, expect, it } from "vitest";
import { RetentionInputError, createLedger, nps, type Purchase, type SurveyResponse } from "../../src/index";
import { toEpochMs } from "../../src/core/time";

/* Issue 12, item 12 (library side) and item 6's NUL ids: one rule for every collection. */

function issuesOf(run: () => unknown): RetentionInputError["issues"] {
  try {
    run();
  } catch (error) {
    if (error instanceof RetentionInputError) return error.issues;
    throw error;
  }
  throw new Error("expected a RetentionInputError");
}

const purchase = (extra: Partial<Record<keyof Purchase, unknown>>): Purchase => ({ customerId: "a", at: "2024-01-01", amount: "5", ...extra }) as Purchase;

describe("the same rule for every collection", () => {
  it("rejects a blank survey customerId, as blank purchase and event ids are", () => {
    for (const blank of ["", "   ", "\t"]) {
      const issues = issuesOf(() => nps([{ customerId: blank, at: "2024-01-01", score: 9 } as SurveyResponse]));
      expect(issues[0]).toMatchObject({ index: 0, path: ["surveys", "customerId"], message: "expected a non-empty customer id" });
    }
    expect(nps([{ at: "2024-01-01", score: 9 }]).responses).toBe(1);
  });

  it("rejects a negative or fractional quantity, in rows and in columns", () => {
    for (const quantity of [-1, 1.5, 2 ** 53]) {
      expect(issuesOf(() => createLedger([purchase({ quantity })]))[0]).toMatchObject({ path: ["purchases", "quantity"], message: `expected a whole quantity ≥ 0, found ${quantity}` });
      const columns = { customerId: ["a"], at: ["2024-01-01"], amount: ["5"], quantity: [quantity] };
      expect(issuesOf(() => createLedger({ purchases: columns }))[0]).toMatchObject({ index: 0, path: ["purchases", "quantity"] });
    }
    expect([...createLedger([purchase({ quantity: 0 }), purchase({ quantity: 3 })]).purchases.quantity]).toEqual([0, 3]);
  });

  it("rejects a NUL character in a customer id or an order id", () => {
    expect(issuesOf(() => createLedger([purchase({ customerId: "a\0b" })]))[0]).toMatchObject({ path: ["purchases", "customerId"], message: "expected a customer id without NUL characters" });
    expect(issuesOf(() => createLedger([purchase({ orderId: "o\0" })]))[0]).toMatchObject({ path: ["purchases", "orderId"], message: "expected an order id without NUL characters" });
    expect(issuesOf(() => createLedger({ events: [{ customerId: "\0", at: "2024-01-01", type: "signup" }] }))[0]).toMatchObject({ path: ["events", "customerId"] });
    expect(issuesOf(() => nps([{ customerId: "x\0", at: "2024-01-01", score: 9 }]))[0]).toMatchObject({ path: ["surveys", "customerId"] });
  });

  it("accepts ISO offsets up to ±18:00 and rejects the rest", () => {
    expect(toEpochMs("2024-01-01T00:00:00+18:00")).toBe(Date.UTC(2023, 11, 31, 6));
    expect(toEpochMs("2024-01-01T00:00:00-18:00")).toBe(Date.UTC(2024, 0, 1, 18));
    expect(toEpochMs("2024-01-01T00:00+0530")).toBe(Date.UTC(2023, 11, 31, 18, 30));
    for (const bad of ["2024-01-01T00:00:00+18:01", "2024-01-01T00:00:00-19:00", "2024-01-01T00:00:00+99:99", "2024-01-01T00:00:00+05:60", "2024-01-01T00:00+2400"]) {
      expect(toEpochMs(bad), bad).toBeNull();
    }
    expect(issuesOf(() => createLedger([purchase({ at: "2024-01-01T00:00:00+23:00" })]))[0]).toMatchObject({ path: ["purchases", "at"] });
  });
});

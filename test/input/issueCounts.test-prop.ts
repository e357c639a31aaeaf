import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLedger, RetentionInputError, type Purchase } from "../../src/index";
import { countEventIssues, countPurchaseIssues, countSurveyIssues, eventIssues, purchaseIssues, surveyIssues } from "../../src/input/rowIssues";

/* Issue 12, item 13: past the 100 kept issues, rows are counted without building issues; the counts must agree. */

const anyValue = fc.oneof(
  fc.constantFrom("nps", "csat", "ces", "", " ", "a", "a\0b", "\0", "__proto__", "2024-01-01", "2024-02-30", "2024-01-01T10:00:00+19:00", "1.5", "-2", "1e3", "1e999999999", "abc", "x".repeat(120)),
  fc.constantFrom(0, -0, 1, 7, 10, 11, -1, 2.5, -1.5, 1e20, 2 ** 53, -(2 ** 60), Number.NaN, Number.POSITIVE_INFINITY, 1_700_000_000_000),
  fc.constantFrom(null, undefined, true, new Date("2024-01-01"), new Date("invalid"), {}, [], [1], new Map(), () => 1, 10n),
  fc.double(),
  fc.integer({ min: -5, max: 15 }),
);
const rowOf = (fields: string[]) => fc.oneof(fc.record(Object.fromEntries(fields.map((f) => [f, anyValue])), { requiredKeys: [] }), anyValue);

describe("issue counts equal the issues built", () => {
  it("for purchases, events and survey responses", () => {
    const cases = [
      [rowOf(["customerId", "at", "amount", "orderId", "cost", "quantity", "currency", "category"]), purchaseIssues, countPurchaseIssues],
      [rowOf(["customerId", "at", "type"]), eventIssues, countEventIssues],
      [rowOf(["customerId", "at", "score", "segment", "kind"]), surveyIssues, countSurveyIssues],
    ] as const;
    for (const [rows, explain, count] of cases) {
      fc.assert(
        fc.property(rows, (row) => {
          expect(count(row)).toBe(explain(row).length);
        }),
        { numRuns: 3000 },
      );
    }
  });

  it("keeps the first 100 issues and counts every one", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ customerId: i, at: "2024-02-30", amount: "x" }) as unknown as Purchase);
    try {
      createLedger(rows);
      throw new Error("expected a RetentionInputError");
    } catch (error) {
      expect(error).toBeInstanceOf(RetentionInputError);
      expect((error as RetentionInputError).issues).toHaveLength(100);
      expect((error as RetentionInputError).totalIssues).toBe(3000);
      expect((error as RetentionInputError).issues[99]).toMatchObject({ index: 33, path: ["purchases", "customerId"] });
    }
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidEvent, isValidPurchase, isValidSurveyResponse } from "../../src/input/quickChecks";
import { CustomerEventSchema, PurchaseSchema, SurveyResponseSchema } from "../../src/input/schemas";

/** Values that probe each check: good and bad ids, dates, amounts, scores. */
const anyValue = fc.oneof(
  fc.constantFrom("nps", "csat", "ces", "", " ", "a", "__proto__", "2024-01-01", "2024-02-30", "2024-01-01T10:00:00Z", "1.5", "-2", "1e3", "abc", "NaN", "a\0b", "\0", " \0 ", "1e-400", "1e999999999"),
  fc.constantFrom(0, 1, 7, 10, 11, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, 1_700_000_000_000),
  fc.constantFrom(null, undefined, true, new Date("2024-01-01"), new Date("invalid"), {}, []),
);

const rowOf = (fields: string[]) => fc.oneof(fc.record(Object.fromEntries(fields.map((f) => [f, anyValue])), { requiredKeys: [] }), anyValue);

describe("quick checks accept exactly what the zod schemas accept", () => {
  it("purchases", () => {
    fc.assert(
      fc.property(rowOf(["customerId", "at", "amount", "orderId", "cost", "quantity", "currency", "category"]), (row) => {
        expect(isValidPurchase(row)).toBe(PurchaseSchema.safeParse(row).success);
      }),
      { numRuns: 2000 },
    );
  });

  it("events", () => {
    fc.assert(
      fc.property(rowOf(["customerId", "at", "type"]), (row) => {
        expect(isValidEvent(row)).toBe(CustomerEventSchema.safeParse(row).success);
      }),
      { numRuns: 1000 },
    );
  });

  it("survey responses", () => {
    fc.assert(
      fc.property(rowOf(["customerId", "at", "score", "segment", "kind"]), (row) => {
        expect(isValidSurveyResponse(row)).toBe(SurveyResponseSchema.safeParse(row).success);
      }),
      { numRuns: 1000 },
    );
  });
});

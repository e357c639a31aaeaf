import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { summaryRowIssues } from "../../src/clv/summaryRowIssues";
import { SummaryRowSchema } from "../../src/clv/summaryRows";
import { eventIssues, purchaseIssues, surveyIssues, type RowIssue } from "../../src/input/rowIssues";
import { CustomerEventSchema, PurchaseSchema, SurveyResponseSchema } from "../../src/input/schemas";
import * as legacy from "./legacyRowSchemas";

/*
 * The hand-written row checks and the exported zod/mini schemas give exactly the issues the
 * zod (classic) schemas gave before (path, code, message, in order), so error messages and
 * codes users see stay the same.
 */

interface SafeParser {
  safeParse(row: unknown): { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; code: string; message: string }[] } };
}

const issuesOf = (schema: SafeParser, row: unknown): RowIssue[] =>
  (schema.safeParse(row).error?.issues ?? []).map((issue) => ({ path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)), code: issue.code, message: issue.message }));

const anyValue = fc.oneof(
  fc.constantFrom("nps", "csat", "ces", "", " ", "a", "__proto__", "2024-01-01", "2024-02-30", "2024-01-01T10:00:00Z", "1.5", "-2", "1e3", "abc", "NaN", "a\0b", "\0", " \0 ", "1e-400", "1e999999999", "x".repeat(50)),
  fc.constantFrom(0, -0, 1, 7, 10, 11, -1, 2.5, -1.5, 11.5, 1e20, -1e20, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1_700_000_000_000),
  fc.constantFrom(null, undefined, true, new Date("2024-01-01"), new Date("invalid"), {}, [], new Map(), () => 1, 10n),
  fc.double(),
  fc.integer({ min: -5, max: 15 }),
);

const rowOf = (fields: string[]) => fc.oneof(fc.record(Object.fromEntries(fields.map((f) => [f, anyValue])), { requiredKeys: [] }), anyValue);

const summaryValue = fc.oneof(anyValue, fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 5, noNaN: true }));
const summaryRow = fc.oneof(
  fc.record({ customerId: summaryValue, frequency: summaryValue, recency: summaryValue, T: summaryValue, monetaryValue: summaryValue, weight: summaryValue }, { requiredKeys: [] }),
  fc.record({ frequency: fc.integer({ min: -2, max: 4 }), recency: fc.integer({ min: -1, max: 4 }), T: fc.integer({ min: -1, max: 4 }) }),
  anyValue,
);

const cases: [string, fc.Arbitrary<unknown>, (row: unknown) => RowIssue[], SafeParser, SafeParser][] = [
  ["purchases", rowOf(["customerId", "at", "amount", "orderId", "cost", "quantity", "currency", "category"]), purchaseIssues, PurchaseSchema, legacy.PurchaseSchema],
  ["events", rowOf(["customerId", "at", "type"]), eventIssues, CustomerEventSchema, legacy.CustomerEventSchema],
  ["surveys", rowOf(["customerId", "at", "score", "segment", "kind"]), surveyIssues, SurveyResponseSchema, legacy.SurveyResponseSchema],
  ["summary rows", summaryRow, summaryRowIssues, SummaryRowSchema, legacy.SummaryRowSchema],
];

describe("row issues match the zod schemas of before", () => {
  for (const [name, rows, explain, schema, before] of cases) {
    it(`${name}: the hand-written check`, () => {
      fc.assert(
        fc.property(rows, (row) => {
          expect(explain(row)).toEqual(issuesOf(before, row));
        }),
        { numRuns: 3000 },
      );
    });

    it(`${name}: the exported zod/mini schema`, () => {
      fc.assert(
        fc.property(rows, (row) => {
          expect(issuesOf(schema, row)).toEqual(issuesOf(before, row));
        }),
        { numRuns: 3000 },
      );
    });
  }
});

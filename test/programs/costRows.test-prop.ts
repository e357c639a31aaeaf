import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CostSchema } from "../../src/input/schemas";
import { isValidCost } from "../../src/input/quickChecks";
import { costIssues, countCostIssues } from "../../src/input/rowIssues";

/* The three checks of a cost row (quick check, explained issues, their count) and the exported schema agree. */
const cell = fc.oneof(
  fc.constantFrom("", " ", "a", "a\0b", "__proto__", "2024-01-01", "2024-02-30", "1.5", "-2", "-0", "-0.00", "0", "1e3", "1e999999999", "abc"),
  fc.constantFrom(0, -0, 1, -1, 2.5, -1.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, 1_700_000_000_000),
  fc.constantFrom(null, undefined, true, new Date("2024-01-01"), new Date("invalid"), {}, [], () => 1),
  fc.double(),
);
const row = fc.oneof(fc.record({ customerId: cell, at: cell, amount: cell, program: cell, channel: cell, currency: cell }, { requiredKeys: [] }), cell);

describe("cost rows", () => {
  it("are valid exactly when they have no issues, and the issues are counted and reported as the schema reports them", () => {
    fc.assert(
      fc.property(row, (value) => {
        const issues = costIssues(value);
        expect(isValidCost(value)).toBe(issues.length === 0);
        expect(countCostIssues(value)).toBe(issues.length);
        const parsed = CostSchema.safeParse(value);
        expect(parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path, issue.message])).toEqual(issues.map((issue) => [issue.path, issue.message]));
      }),
      { numRuns: 3000 },
    );
  });
});

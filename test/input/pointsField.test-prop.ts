import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidEvent } from "../../src/input/quickChecks";
import { countEventIssues, eventIssues } from "../../src/input/rowIssues";
import { CustomerEventSchema } from "../../src/input/schemas";

/* The `points` field of events: the hand-written check, its count, the quick check and the exported schema agree. */

const value = fc.oneof(
  fc.constantFrom("points_earned", "points_redeemed", "points_expired", "signup", "", "a", "2024-01-01", "7"),
  fc.constantFrom(0, 1, 250, -1, 2.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, 1_700_000_000_000),
  fc.constantFrom(null, undefined, true, {}, []),
);
const row = fc.oneof(
  fc.record({ customerId: fc.constantFrom("a", "", 3), at: fc.constantFrom("2024-01-01", "nope"), type: value, points: value }, { requiredKeys: [] }),
  fc.record({ customerId: fc.constant("a"), at: fc.constant("2024-01-01"), type: fc.constantFrom("points_earned", "points_expired", "service_visit"), points: fc.oneof(fc.constant(undefined), fc.integer({ min: -3, max: 3 })) }, { requiredKeys: ["customerId", "at", "type"] }),
);

const zodIssues = (input: unknown) =>
  (CustomerEventSchema.safeParse(input).error?.issues ?? []).map((issue) => ({ path: issue.path, code: issue.code, message: issue.message }));

describe("points on event rows", () => {
  it("are checked alike by the row check, its count, the quick check and the zod schema", () => {
    fc.assert(
      fc.property(row, (input) => {
        const issues = eventIssues(input);
        expect(issues).toEqual(zodIssues(input));
        expect(countEventIssues(input)).toBe(issues.length);
        expect(isValidEvent(input)).toBe(issues.length === 0);
      }),
      { numRuns: 3000 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLedger, RetentionInputError, type LedgerInput } from "retention-metrics";
import { customerId, instant } from "../arbitraries/records";

/*
 * Column input is fed to the same checks as row input, one reused scratch record per row:
 * the same rows given as rows or as columns must give equal ledgers, or equal errors.
 */

const maybeBad = <T>(good: fc.Arbitrary<T>, ...bad: unknown[]) => fc.oneof({ weight: 6, arbitrary: good as fc.Arbitrary<unknown> }, fc.constantFrom(...bad));
const at = maybeBad(fc.oneof(instant, instant.map((ms) => new Date(ms).toISOString())), "not a date", Number.NaN, null);
const money = maybeBad(fc.integer({ min: -2_000, max: 50_000 }).map((c) => (c / 100).toFixed(2)), "x", Number.POSITIVE_INFINITY, null, 12.5);
const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined, freq: 2 });

const purchaseRow = fc.record({
  customerId: maybeBad(customerId, "", 7, null),
  at,
  amount: money,
  orderId: optional(maybeBad(fc.constantFrom("o1", "o2", "o3"), "", 5)),
  cost: optional(money),
  quantity: optional(maybeBad(fc.integer({ min: 1, max: 5 }), "2")),
  currency: optional(maybeBad(fc.constantFrom("USD", "EUR"), "")),
});
const eventRow = fc.record({ customerId: maybeBad(customerId, ""), at, type: maybeBad(fc.constantFrom("signup", "cancel", "service_visit"), "", 3) });
const surveyRow = fc.record({
  customerId: optional(maybeBad(customerId, "")),
  at,
  score: maybeBad(fc.integer({ min: 0, max: 10 }), 11, 2.5, "9"),
  segment: optional(maybeBad(fc.constantFrom("web", "app"), 1)),
});

/** The rows as an object of columns; an optional column no row has is left out. */
function toColumns(rows: readonly Record<string, unknown>[], fields: readonly string[]): Record<string, unknown[]> {
  const columns: Record<string, unknown[]> = {};
  for (const field of fields) {
    const column = rows.map((row) => row[field]);
    if (column.some((value) => value !== undefined) || ["customerId", "at", "amount", "type", "score"].includes(field)) columns[field] = column;
  }
  return columns;
}

/** A ledger, or the error's issues, count and message. */
function outcome(input: LedgerInput): unknown {
  try {
    return createLedger(input);
  } catch (error) {
    if (!(error instanceof RetentionInputError)) throw error;
    return { issues: error.issues, totalIssues: error.totalIssues, message: error.message };
  }
}

describe("column input", () => {
  it("gives the ledger, or the errors, that the same rows give", () => {
    fc.assert(
      fc.property(fc.array(purchaseRow, { maxLength: 25 }), fc.array(eventRow, { maxLength: 8 }), fc.array(surveyRow, { maxLength: 8 }), (purchases, events, surveys) => {
        const asRows = { purchases, events, surveys } as unknown as LedgerInput;
        const asColumns = {
          purchases: toColumns(purchases, ["customerId", "at", "amount", "orderId", "cost", "quantity", "currency"]),
          events: toColumns(events, ["customerId", "at", "type"]),
          surveys: toColumns(surveys, ["customerId", "at", "score", "segment"]),
        } as unknown as LedgerInput;
        expect(outcome(asColumns)).toEqual(outcome(asRows));
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same ledger from typed-array columns as from number arrays", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(customerId, instant, fc.integer({ min: -500, max: 50_000 })), { maxLength: 40 }), (rows) => {
        const customerIds = rows.map(([id]) => id);
        const times = rows.map(([, ms]) => ms);
        const amounts = rows.map(([, , cents]) => cents / 4);
        const typed = createLedger({ purchases: { customerId: customerIds, at: Float64Array.from(times), amount: Float64Array.from(amounts) } });
        expect(typed).toEqual(createLedger(rows.map(([id, ms], i) => ({ customerId: id, at: ms, amount: amounts[i]! }))));
      }),
      { numRuns: 100 },
    );
  });
});

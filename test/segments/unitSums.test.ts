import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLedger, Decimal, ltvSegments, type LtvMethod } from "../../src/index";

/** Net revenue per customer with an order (a row ≥ 0), refunds included: what `by: "revenue"` values. */
function revenueOf(rows: readonly { customerId: string; amount: string }[]): Map<string, string> {
  const sums = new Map<string, Decimal>();
  for (const r of rows) sums.set(r.customerId, (sums.get(r.customerId) ?? new Decimal(0)).plus(r.amount));
  const buyers = new Set(rows.filter((r) => !new Decimal(r.amount).isNegative()).map((r) => r.customerId));
  return new Map([...sums].filter(([id]) => buyers.has(id)).map(([id, sum]) => [id, sum.toFixed()]));
}

/**
 * Segments read from a ledger sum integer money units in numbers (issue 13); supplied values
 * (`by: "clv"`) go through Decimals. The same values both ways must give the same tiers,
 * totals, ranges, shares and concentration figures, to the last digit.
 */
describe("ltvSegments on ledger units equals the Decimal path", () => {
  const row = fc.record({
    customerId: fc.constantFrom("a", "b", "c", "d", "e", "__proto__", "constructor"),
    at: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2024, 11, 31) }).map((ms) => new Date(ms).toISOString()),
    amount: fc.oneof(fc.integer({ min: -5_000, max: 90_000 }).map((c) => (c / 100).toFixed(2)), fc.constantFrom("0.001", "1e6", "12345678.9", "0")),
  });
  const options = fc.oneof(
    fc.record({ method: fc.constant<LtvMethod>("quantile"), tiers: fc.integer({ min: 1, max: 6 }) }),
    fc.record({ method: fc.constant<LtvMethod>("pareto"), share: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
    fc.record({ method: fc.constant<LtvMethod>("thresholds"), tiers: fc.constant([{ name: "gold", min: "500.005" }, { name: "silver", min: 100 }, { name: "below zero", min: "-0.001" }]) }),
  );

  it("gives the same summary", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), options, (rows, opts) => {
        const ledger = createLedger(rows);
        const fromUnits = ltvSegments(ledger, { ...opts, by: "revenue" });
        const supplied = revenueOf(rows);
        const fromDecimals = ltvSegments(supplied, { ...opts, by: "clv" });
        expect(JSON.stringify({ ...fromUnits, by: null })).toBe(JSON.stringify({ ...fromDecimals, by: null }));
      }),
      { numRuns: 400 },
    );
  });

  it("keeps Σ value × (n − rank) exact past 2^53 (the Gini's sum)", () => {
    // 300 customers of 90,000,000,000.00 each: Σ value × (n − rank) in cents is about 1.2e17.
    const rows = Array.from({ length: 300 }, (_, i) => ({ customerId: `c${i}`, at: "2024-01-01", amount: i === 0 ? "90000000000.01" : "90000000000.00" }));
    const ledger = createLedger(rows);
    const supplied = new Map(rows.map((r) => [r.customerId, r.amount] as const));
    expect(ltvSegments(ledger, { method: "quantile" }).concentration).toEqual(ltvSegments(supplied, { method: "quantile", by: "clv" }).concentration);
  });
});

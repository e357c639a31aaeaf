/**
 * Shared ground of the pattern-table tests: the in-memory pattern table (customerSummary's
 * customers grouped by identical (x, tₓ, T)), the edge-case purchases, and a property ledger
 * with refunds, same-day orders, purchases at the asOf boundary and ids with quotes.
 */
import fc from "fast-check";
import { customerSummary, Decimal, type Purchase } from "../../src/index";

export const ASOF = "1997-09-30";

/** Refunds, same-day rows, a refund-only day, a purchase exactly at asOf and one just after, hostile ids. */
export const edgePurchases: Purchase[] = [
  { customerId: "z1", at: "1997-03-01T08:00:00Z", amount: "10.00" },
  { customerId: "z1", at: "1997-03-01T20:00:00Z", amount: "2.50" },
  { customerId: "z1", at: "1997-04-02T09:00:00Z", amount: "7.25" },
  { customerId: "z1", at: "1997-04-02T10:00:00Z", amount: "-1.25" },
  { customerId: "z1", at: "1997-05-05T10:00:00Z", amount: "-3.00" },
  { customerId: "z1", at: "1997-09-30T00:00:00Z", amount: "4.00" },
  { customerId: "z1", at: "1997-09-30T00:00:01Z", amount: "4.00" },
  { customerId: "__proto__", at: "1997-06-15T23:59:59Z", amount: "0.00" },
  { customerId: "it's", at: "1997-02-01T00:00:00Z", amount: "3.00" },
  { customerId: "it's", at: "1997-02-02T00:00:00Z", amount: "3.33" },
  { customerId: 'q"; DROP TABLE x; --', at: "1997-09-29T23:59:59.999Z", amount: "-5.00" },
];

/** In memory: the pattern table of `customerSummary`, keyed by "x|recency|T" (recency, T in `timeUnit`). */
export function inMemoryPatterns(purchases: readonly Purchase[], asOf: string, timeUnit: "day" | "week"): Map<string, { customers: number; meanSpends: Decimal }> {
  const patterns = new Map<string, { customers: number; meanSpends: Decimal }>();
  for (const c of customerSummary(purchases, { asOf, timeUnit }).customers) {
    const key = `${c.frequency}|${c.recency}|${c.T}`;
    const entry = patterns.get(key) ?? { customers: 0, meanSpends: new Decimal(0) };
    patterns.set(key, { customers: entry.customers + 1, meanSpends: entry.meanSpends.plus(c.monetaryValue) });
  }
  return patterns;
}

const JAN = Date.UTC(1997, 0, 1);
const DAY = 86_400_000;

/** A purchase in 1997 up to a few days after asOf, some at midnight (ties at the day and asOf boundaries). */
export const propertyPurchase: fc.Arbitrary<Purchase> = fc.record({
  customerId: fc.constantFrom("a", "b", "c", "it's", 'q"x', "__proto__"),
  at: fc.oneof(fc.integer({ min: 0, max: 275 }).map((d) => JAN + d * DAY), fc.integer({ min: 0, max: 275 * DAY - 1 }).map((ms) => JAN + ms), fc.constant(Date.UTC(1997, 8, 30))).map((ms) => new Date(ms).toISOString()),
  amount: fc.integer({ min: -3_000, max: 20_000 }).map((c) => (c / 100).toFixed(2)),
});

/** A small ledger: a few dozen purchases, with the same day often repeated. */
export const propertyLedger = fc.array(propertyPurchase, { minLength: 1, maxLength: 40 });

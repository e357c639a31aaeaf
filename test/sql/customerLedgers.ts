/**
 * Purchases for the customer-level SQL tests: property-generated ledgers with refunds,
 * same-day orders, refund-only days, purchases exactly at asOf and on day boundaries around it,
 * and ids holding quotes, a semicolon, a backslash and `__proto__`.
 */
import fc from "fast-check";
import type { Purchase } from "../../src/index";

/** The asOf of the generated ledgers: a midnight, so boundaries fall on days too. */
export const AS_OF = "2024-03-10T00:00:00.000Z";
/** An asOf inside a day, the other case the summaries must get right. */
export const AS_OF_MIDDAY = "2024-03-10T13:30:00.000Z";

const IDS = ["a", "b", "it's", 'we"ird', "x; DROP TABLE t; --", "__proto__", "constructor", "back\\slash", "10", "9"];
const DAY_MS = 86_400_000;
const START = Date.parse("2024-01-01T00:00:00Z");

/** An instant: a day of Jan–Mar 2024 (some after asOf) at midnight, noon, the last ms of it, or exactly at either asOf. */
const instant = fc.oneof(
  fc.record({ day: fc.integer({ min: 0, max: 75 }), time: fc.constantFrom(0, 12 * 3_600_000, DAY_MS - 1, 13.5 * 3_600_000, 13.5 * 3_600_000 + 1) }).map(({ day, time }) => new Date(START + day * DAY_MS + time).toISOString()),
  fc.constantFrom(AS_OF, AS_OF_MIDDAY, "2024-03-09T23:59:59.999Z", "2024-03-10T00:00:00.001Z"),
);

/** An amount in cents, refunds (negative) and zero included, written with two decimals. */
const amount = fc.oneof(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: -5_000, max: -1 }), fc.constant(0)).map((cents) => (cents / 100).toFixed(2));

/** A ledger of up to `max` purchases. */
export function purchasesArbitrary(max = 40): fc.Arbitrary<Purchase[]> {
  return fc.array(fc.record({ customerId: fc.constantFrom(...IDS), at: instant, amount }), { minLength: 0, maxLength: max });
}

/** Hand-picked edge cases: a refund on a transaction day, a refund-only day, a purchase exactly at asOf and one 1 ms after. */
export const EDGE_PURCHASES: readonly Purchase[] = [
  { customerId: "z1", at: "2024-01-01T08:00:00Z", amount: "10.00" },
  { customerId: "z1", at: "2024-01-01T20:00:00Z", amount: "2.50" },
  { customerId: "z1", at: "2024-02-02T09:00:00Z", amount: "7.25" },
  { customerId: "z1", at: "2024-02-02T10:00:00Z", amount: "-1.25" },
  { customerId: "z1", at: "2024-02-05T10:00:00Z", amount: "-3.00" },
  { customerId: "z1", at: AS_OF, amount: "4.00" },
  { customerId: "z1", at: "2024-03-10T00:00:00.001Z", amount: "4.00" },
  { customerId: "__proto__", at: "2024-02-15T23:59:59.999Z", amount: "0.00" },
  { customerId: "late", at: "2024-03-11T00:00:00Z", amount: "5.00" },
  { customerId: "refunder", at: "2024-02-01T00:00:00Z", amount: "-5.00" },
];

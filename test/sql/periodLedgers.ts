/**
 * Purchases for the SQL equality tests of cohorts, retention windows and NPS: a few customers
 * whose ids hold quotes, a semicolon and `__proto__`; instants that fall on and 1 ms around
 * bucket boundaries (midnights, Mondays and Sundays, month, quarter and year starts) as well as
 * anywhere in 2023–2024; several orders on one day; refunds; cent amounts (the engines'
 * DECIMAL(18, 2)).
 */
import fc from "fast-check";
import type { Purchase } from "../../src/index";

export const sqlCustomerId = fc.constantFrom("a", "b", "o'brien", 'q"uote', "x; DROP TABLE t; --", "__proto__", "constructor");

const boundaries = [
  "2023-01-01", "2023-03-31", "2023-04-01", "2023-07-02", "2023-07-03", "2023-10-01", "2023-12-31",
  "2024-01-01", "2024-02-29", "2024-03-01", "2024-03-31", "2024-04-01", "2024-06-30", "2024-07-01", "2024-12-30",
].map((day) => Date.parse(`${day}T00:00:00Z`));

/** An instant near a bucket boundary (on it, 1 ms before, or later that day) or anywhere in 2023–2024. */
export const sqlInstant = fc.oneof(
  fc.tuple(fc.constantFrom(...boundaries), fc.constantFrom(0, -1, 1, 3_600_000, 86_399_999)).map(([day, shift]) => day + shift),
  fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2025, 0, 1) }),
);

export const sqlPurchase: fc.Arbitrary<Purchase> = fc.record({
  customerId: sqlCustomerId,
  at: sqlInstant.map((ms) => new Date(ms).toISOString()),
  amount: fc.oneof(fc.integer({ min: -2_000, max: 50_000 }), fc.constant(0)).map((cents) => (cents / 100).toFixed(2)),
});

/** 1–40 purchases; some share a customer and a day. */
export const sqlPurchases = fc.array(sqlPurchase, { minLength: 1, maxLength: 40 }).chain((base) =>
  fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 3_600_000 }), fc.integer({ min: -500, max: 5_000 })), { maxLength: 8 }).map((extra) => [
    ...base,
    ...extra.map(([i, later, cents]) => ({ ...base[i]!, at: new Date(Date.parse(base[i]!.at as string) + later).toISOString(), amount: (cents / 100).toFixed(2) })),
  ]),
);

/** An `asOf` or period bound: a boundary or any instant in 2023–2024. */
export const sqlAsOf = sqlInstant;

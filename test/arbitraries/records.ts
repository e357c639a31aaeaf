import fc from "fast-check";
import type { CustomerEvent, Purchase, SurveyResponse } from "retention-metrics";

/** Shared fast-check generators: a few customers (including `__proto__`), 2024 timestamps, cent amounts. */
export const customerId = fc.constantFrom("a", "b", "c", "d", "__proto__", "constructor");
const JAN_2024 = Date.UTC(2024, 0, 1);
const YEAR_MS = 366 * 86_400_000;
export const instant = fc.integer({ min: JAN_2024, max: JAN_2024 + YEAR_MS });
const cents = fc.integer({ min: -2_000, max: 50_000 });

export const purchase: fc.Arbitrary<Purchase> = fc.record({
  customerId,
  at: instant.map((ms) => new Date(ms).toISOString()),
  amount: cents.map((c) => (c / 100).toFixed(2)),
});

export const event: fc.Arbitrary<CustomerEvent> = fc.record({
  customerId,
  at: instant,
  type: fc.constantFrom("signup", "cancel", "reactivate", "service_visit"),
});

export const surveyResponse: fc.Arbitrary<SurveyResponse> = fc.record({
  at: instant,
  score: fc.integer({ min: 0, max: 10 }),
  segment: fc.constantFrom("web", "store", "__proto__"),
});

/** A period inside 2024: start before end. */
export const period = fc
  .tuple(instant, fc.integer({ min: 1, max: 120 * 86_400_000 }))
  .map(([start, length]) => ({ start: new Date(start), end: new Date(start + length) }));

/** Deep-freezes an array of rows, as a caller who wants to be sure nothing is mutated would. */
export function frozen<T extends object>(rows: T[]): readonly T[] {
  return Object.freeze(rows.map((row) => Object.freeze({ ...row })));
}

/** The same rows in another order, chosen by fast-check. */
export function shuffledWith<T>(rows: readonly T[], keys: readonly number[]): T[] {
  return rows
    .map((row, i) => ({ row, key: keys[i % Math.max(keys.length, 1)] ?? 0, i }))
    .sort((x, y) => x.key - y.key || y.i - x.i)
    .map(({ row }) => row);
}

/** Every number anywhere inside `value` is finite (no NaN, no Infinity). */
export function allNumbersFinite(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (value instanceof Date) return Number.isFinite(value.getTime());
  if (Array.isArray(value)) return value.every(allNumbersFinite);
  if (typeof value === "object" && value !== null) return Object.values(value).every(allNumbersFinite);
  return true;
}

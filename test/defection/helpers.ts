import type { CustomerEvent, Purchase } from "retention-metrics";

/** A purchase row on a date (UTC midnight unless a time is given). */
export const buy = (customerId: string, at: string, amount: string | number = "10", extra: Partial<Purchase> = {}): Purchase => ({
  customerId,
  at,
  amount,
  ...extra,
});

/** An event row. */
export const event = (customerId: string, at: string, type: string): CustomerEvent => ({ customerId, at, type });

/** The instant `days` (fractional allowed) after an ISO date, as epoch ms. */
export const after = (iso: string, days: number): number => Date.parse(iso) + days * 86_400_000;

/** Rows of one customer bought every `gapDays` from `start`. */
export function every(customerId: string, start: string, gapDays: number, count: number, amount = "10"): Purchase[] {
  return Array.from({ length: count }, (_, i) => buy(customerId, new Date(after(start, i * gapDays)).toISOString(), amount));
}

import type { Ledger } from "../input/ledger";

/** The latest purchase, event or survey instant (epoch ms); −Infinity when there is none. */
export function latestRecord(ledger: Ledger): number {
  const last = (values: Float64Array, count: number): number => (count === 0 ? Number.NEGATIVE_INFINITY : values[count - 1]!);
  return Math.max(last(ledger.purchases.at, ledger.purchases.count), last(ledger.events.at, ledger.events.count), last(ledger.surveys.at, ledger.surveys.count));
}

/** The earliest purchase, event or survey instant (epoch ms); +Infinity when there is none. */
export function earliestRecord(ledger: Ledger): number {
  const first = (values: Float64Array, count: number): number => (count === 0 ? Number.POSITIVE_INFINITY : values[0]!);
  return Math.min(first(ledger.purchases.at, ledger.purchases.count), first(ledger.events.at, ledger.events.count), first(ledger.surveys.at, ledger.surveys.count));
}

import type { Purchase } from "../src/index";

/** A small, fast, seeded PRNG (mulberry32): the same seed always gives the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Options of the generator. */
export interface GenerateOptions {
  readonly purchases: number;
  readonly customers?: number;
  readonly seed?: number;
  readonly start?: string;
  readonly days?: number;
}

const DAY_MS = 86_400_000;

/**
 * Generates realistic purchases: each customer arrives at a random day, buys at their own
 * rate (light and heavy buyers: rate drawn from an exponential), may drop out after each
 * purchase (churn probability drawn per customer), and spends around their own mean.
 * Amounts are two-decimal strings. The total is exactly `purchases` rows; rows come out
 * in customer order, not time order, as a real export often does.
 */
export function generatePurchases(options: GenerateOptions): Purchase[] {
  return [...purchaseStream(options)];
}

/** The rows of `generatePurchases`, one at a time, for files larger than an array should hold. */
export function* purchaseStream(options: GenerateOptions): Generator<Purchase> {
  const random = seededRandom(options.seed ?? 42);
  const total = options.purchases;
  const customers = options.customers ?? Math.max(1, Math.round(total / 10));
  const start = Date.parse(options.start ?? "2022-01-01T00:00:00Z");
  const days = options.days ?? 730;
  let count = 0;
  let customer = 0;
  while (count < total) {
    const id = `c${(customer % customers).toString().padStart(7, "0")}`;
    const meanGapDays = 5 + -Math.log(1 - random()) * 60;
    const dropout = 0.02 + random() * 0.25;
    const meanSpend = 10 + random() * 90;
    let day = random() * days;
    do {
      const cents = Math.max(1, Math.round((meanSpend * (0.5 + random())) * 100));
      yield { customerId: id, at: new Date(start + Math.floor(day * DAY_MS)).toISOString(), amount: (cents / 100).toFixed(2) };
      count++;
      day += -Math.log(1 - random()) * meanGapDays;
    } while (count < total && day < days && random() > dropout);
    customer++;
  }
}

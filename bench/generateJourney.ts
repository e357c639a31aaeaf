import { seededRandom } from "./generate";

const DAY_MS = 86_400_000;
const START = Date.UTC(2023, 0, 1);
const BROWSING = ["view", "view", "view", "view", "cart", "cart", "support_contact", "service_visit"];

/** Seeded customer journeys as columns: events and the orders some of them lead to. */
export interface JourneyData {
  readonly events: { customerId: string[]; at: number[]; type: string[] };
  readonly purchases: { customerId: string[]; at: number[]; amount: string[] };
}

/**
 * `events` events over `customers` customers (seeded, same data every time): each customer
 * signs up on a random day of two years, then browses (views, carts, support contacts) over
 * the next 120 days; about 45% of them order once or more after a cart. Events come out in
 * customer order, not time order, as an export often does; `purchases` are extra rows.
 */
export function generateJourney(events: number, customers: number, seed = 7): JourneyData {
  const random = seededRandom(seed);
  const ev = { customerId: [] as string[], at: [] as number[], type: [] as string[] };
  const po = { customerId: [] as string[], at: [] as number[], amount: [] as string[] };
  const perCustomer = events / customers;
  for (let c = 0; c < customers && ev.at.length < events; c++) {
    const id = `c${c}`;
    const signup = START + Math.floor(random() * 730) * DAY_MS + Math.floor(random() * DAY_MS);
    ev.customerId.push(id), ev.at.push(signup), ev.type.push("signup");
    const left = events - ev.at.length;
    const count = c === customers - 1 ? left : Math.min(left, Math.max(0, Math.round(perCustomer - 1 + (random() - 0.5) * 4)));
    let lastCart = Number.POSITIVE_INFINITY;
    for (let k = 0; k < count; k++) {
      const at = signup + Math.floor(random() * 120 * DAY_MS);
      const type = BROWSING[Math.floor(random() * BROWSING.length)]!;
      if (type === "cart") lastCart = Math.min(lastCart, at);
      ev.customerId.push(id), ev.at.push(at), ev.type.push(type);
    }
    if (lastCart !== Number.POSITIVE_INFINITY && random() < 0.6) {
      for (let order = 0, n = 1 + Math.floor(random() * 3); order < n; order++) {
        po.customerId.push(id), po.at.push(lastCart + Math.floor(random() * (10 + 60 * order) * DAY_MS)), po.amount.push((5 + random() * 95).toFixed(2));
      }
    }
  }
  return { events: ev, purchases: po };
}

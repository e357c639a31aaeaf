import { seededRandom } from "./generate";

const DAY_MS = 86_400_000;
const START = Date.UTC(2022, 0, 1);

/** Points events as columns, as `createLedger({ events })` takes them. */
export interface PointsData {
  readonly customerId: string[];
  readonly at: number[];
  readonly type: string[];
  readonly points: number[];
}

/**
 * `events` points events over `customers` customers (seeded, same data every time): each
 * customer joins on a random day of two years and then, every few days, earns 10–500 points
 * (about 60% of events), redeems part of its balance (about 30%) or has old points expire
 * (about 10%); a redemption or expiry never exceeds the balance. Rows come out in customer
 * order, not time order, as an export often does.
 */
export function generatePoints(events: number, customers: number, seed = 11): PointsData {
  const random = seededRandom(seed);
  const out: PointsData = { customerId: [], at: [], type: [], points: [] };
  const perCustomer = events / customers;
  for (let c = 0; c < customers && out.at.length < events; c++) {
    const id = `c${c}`;
    let t = START + Math.floor(random() * 730) * DAY_MS;
    let balance = 0;
    const left = events - out.at.length;
    const count = c === customers - 1 ? left : Math.min(left, Math.max(1, Math.round(perCustomer + (random() - 0.5) * 6)));
    for (let k = 0; k < count; k++) {
      t += Math.floor(random() * 12 * DAY_MS);
      const roll = random();
      let type = "points_earned";
      let points = 10 + Math.floor(random() * 491);
      if (balance > 0 && roll > 0.6) {
        type = roll > 0.9 ? "points_expired" : "points_redeemed";
        points = 1 + Math.floor(random() * balance);
      }
      balance += type === "points_earned" ? points : -points;
      out.customerId.push(id), out.at.push(t), out.type.push(type), out.points.push(points);
    }
  }
  return out;
}

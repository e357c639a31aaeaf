import { RetentionInputError } from "../input/errors";
import type { Ledger } from "../input/ledger";

/** What the replay tells its caller while it runs; every method is optional. */
export interface PointsSink {
  /** `points` of the lot earned at event row `lot` were redeemed (`expired` false) or expired by event row `row`, before `asOf`. */
  consume?(lot: number, row: number, points: number, expired: boolean): void;
  /**
   * Customer `customer`'s state at `asOf`: its lots still holding points are among the event
   * rows `rows[from..to)`, each with `remaining[row]` points left; totals as given.
   */
  balance?(customer: number, from: number, to: number, totals: CustomerPoints, rows: Uint32Array, remaining: Float64Array): void;
}

/** One customer's points before `asOf`. */
export interface CustomerPoints {
  earned: number;
  redeemed: number;
  expired: number;
}

/** The replay's outcome: each earn row's points left at `asOf` (0 on other rows), and the rows grouped by customer. */
export interface PointsReplay {
  readonly remaining: Float64Array;
  readonly rows: Uint32Array;
  /** Points events counted (before `asOf`). */
  readonly events: number;
}

/** Codes of the three points events in `ledger.events.type` (-1 when absent). */
export function pointsCodes(ledger: Ledger): { earned: number; redeemed: number; expired: number } {
  const { typeNames } = ledger.events;
  return { earned: typeNames.indexOf("points_earned"), redeemed: typeNames.indexOf("points_redeemed"), expired: typeNames.indexOf("points_expired") };
}

const PHASE_EXPIRE = 0;
const PHASE_REDEEM = 1;

/**
 * Replays every customer's points events in time order, redeeming and expiring first in,
 * first out: each `points_redeemed` or `points_expired` takes points from the customer's
 * oldest earned lot that still holds some. Events at one instant are taken earned first, then
 * expired, then redeemed, so the input's row order never matters. Every points event of the
 * ledger is checked (not only those before `asOf`), so a verdict does not depend on `asOf`;
 * only events before `asOf` reach the sink. Linear in the events: each customer's lot pointer
 * only moves forward.
 *
 * @throws {RetentionInputError} naming the row (its index in the events input, field `points`)
 *   that redeems or expires more points than the customer holds, and when all earned points
 *   together pass 2^53 − 1 (beyond exact arithmetic)
 */
export function replayPoints(ledger: Ledger, asOf: number, sink: PointsSink): PointsReplay {
  const { events, eventsByCustomer, customerIds } = ledger;
  const { at, type, sourceIndex } = events;
  const points = events.points ?? new Float64Array(events.count);
  const codes = pointsCodes(ledger);
  const { offsets, rows } = eventsByCustomer;
  const remaining = new Float64Array(events.count);
  const totals: CustomerPoints = { earned: 0, redeemed: 0, expired: 0 };
  let earnedAll = 0;
  let counted = 0;
  if (codes.earned < 0 && codes.redeemed < 0 && codes.expired < 0) return { remaining, rows, events: 0 };
  for (let c = 0; c < customerIds.length; c++) {
    const end = offsets[c + 1]!;
    let head = offsets[c]!;
    let balanced = false;
    totals.earned = totals.redeemed = totals.expired = 0;
    let any = false;
    for (let g = offsets[c]!; g < end; ) {
      const t = at[rows[g]!]!;
      let groupEnd = g;
      while (groupEnd < end && at[rows[groupEnd]!]! === t) groupEnd++;
      const before = t < asOf;
      if (!before && !balanced) {
        if (any) sink.balance?.(c, head, g, totals, rows, remaining);
        balanced = true;
      }
      for (let p = g; p < groupEnd; p++) {
        const row = rows[p]!;
        if (type[row] !== codes.earned) continue;
        remaining[row] = points[row]!;
        earnedAll += points[row]!;
        if (earnedAll > Number.MAX_SAFE_INTEGER) throw overflow(sourceIndex[row]!);
        if (before) {
          totals.earned += points[row]!;
          counted++;
          any = true;
        }
      }
      for (let phase = PHASE_EXPIRE; phase <= PHASE_REDEEM; phase++) {
        const code = phase === PHASE_EXPIRE ? codes.expired : codes.redeemed;
        for (let p = g; p < groupEnd; p++) {
          const row = rows[p]!;
          if (type[row] !== code) continue;
          let want = points[row]!;
          if (before) {
            counted++;
            any = true;
            if (phase === PHASE_EXPIRE) totals.expired += want;
            else totals.redeemed += want;
          }
          while (want > 0) {
            while (head < groupEnd && remaining[rows[head]!] === 0) head++;
            if (head === groupEnd) throw overdrawn(ledger, row, phase === PHASE_EXPIRE, want);
            const lot = rows[head]!;
            const take = Math.min(want, remaining[lot]!);
            remaining[lot] = remaining[lot]! - take;
            want -= take;
            if (before) sink.consume?.(lot, row, take, phase === PHASE_EXPIRE);
          }
        }
      }
      g = groupEnd;
    }
    if (!balanced && any) sink.balance?.(c, head, end, totals, rows, remaining);
  }
  return { remaining, rows, events: counted };
}

function overdrawn(ledger: Ledger, row: number, expired: boolean, short: number): RetentionInputError {
  const { events, customerIds } = ledger;
  const verb = expired ? "expires" : "redeems";
  const customer = JSON.stringify(customerIds[events.customer[row]!]);
  const message = `customer ${customer} ${verb} ${events.points![row]} points at ${new Date(events.at[row]!).toISOString()}, ${short} more than it holds (points are taken first in, first out from points_earned before or at that instant)`;
  return new RetentionInputError([{ index: events.sourceIndex[row]!, path: ["events", "points"], code: expired ? "points_expired_unearned" : "points_overdrawn", message }]);
}

function overflow(index: number): RetentionInputError {
  return new RetentionInputError([{ index, path: ["events", "points"], code: "points_overflow", message: "the points earned in all pass 2^53 − 1, beyond exact arithmetic" }]);
}

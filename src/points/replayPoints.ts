import { RetentionInputError } from "../input/errors";
import type { Ledger } from "../input/ledger";

/**
 * The state of every customer's points at `asOf`, by ledger event row and customer index:
 * customer c's earnings still holding points are `first[c]`, `next[first[c]]`, … (−1 ends the
 * chain), each with `remaining[row]` points left; `earned[c]`, `redeemed[c]` and `expired[c]`
 * total its events before `asOf`, and `hasPoints[c]` is 1 when it had one.
 */
export interface PointsState {
  readonly first: Int32Array;
  readonly next: Int32Array;
  readonly remaining: Float64Array;
  readonly earned: Float64Array;
  readonly redeemed: Float64Array;
  readonly expired: Float64Array;
  readonly hasPoints: Uint8Array;
}

/** What the replay tells its caller while it runs; every method is optional. */
export interface PointsSink {
  /** `points` of the earning at event row `lot` were redeemed (`expired` false) or expired by the event at row `use`, before `asOf`. */
  consume?(lot: number, use: number, points: number, expired: boolean): void;
  /**
   * Called once, with the state at `asOf`, before the events from `asOf` on are checked: rows
   * `0..end-1` are those before `asOf`, and an earning among them holds `remaining[row]` points.
   */
  atAsOf?(state: PointsState, end: number): void;
}

const EARN = 0;
const EXPIRE = 1;
const REDEEM = 2;
const OTHER = 3;

/**
 * Replays the points events in time order, redeeming and expiring first in, first out: each
 * `points_redeemed` or `points_expired` takes points from the customer's oldest earning that
 * still holds some (a chain of earnings per customer, whose start only moves forward). Events
 * at one instant are taken earned first, then expired, then redeemed, so the input's row order
 * never matters. Every points event of the ledger is checked, not only those before `asOf`, so
 * a verdict does not depend on `asOf`; only events before `asOf` reach the sink. One pass over
 * the ledger's time-sorted columns, read in sequence.
 *
 * @returns the number of points events before `asOf`
 * @throws {RetentionInputError} naming the row (its index in the events input, field `points`)
 *   that redeems or expires more points than the customer holds, and when all earned points
 *   together pass 2^53 − 1 (beyond exact arithmetic)
 */
export function replayPoints(ledger: Ledger, asOf: number, sink: PointsSink): number {
  const { events } = ledger;
  const { at, type, customer, typeNames, count } = events;
  const customers = ledger.customerIds.length;
  const codes = [typeNames.indexOf("points_earned"), typeNames.indexOf("points_expired"), typeNames.indexOf("points_redeemed")];
  const kindOf = new Uint8Array(typeNames.length).fill(OTHER);
  for (let kind = EARN; kind <= REDEEM; kind++) if (codes[kind]! >= 0) kindOf[codes[kind]!] = kind;
  const points = events.points ?? new Float64Array(count);
  const state: PointsState = {
    first: new Int32Array(customers).fill(-1),
    next: new Int32Array(count).fill(-1),
    remaining: new Float64Array(count),
    earned: new Float64Array(customers),
    redeemed: new Float64Array(customers),
    expired: new Float64Array(customers),
    hasPoints: new Uint8Array(customers),
  };
  const { first, next, remaining, earned, redeemed, expired, hasPoints } = state;
  const last = new Int32Array(customers).fill(-1);
  const { consume } = sink;
  let earnedAll = 0;
  let counted = 0;
  let reached = false;
  for (let k = 0; k < count; ) {
    const t = at[k]!;
    const before = t < asOf;
    if (!before && !reached) {
      sink.atAsOf?.(state, k);
      reached = true;
    }
    let end = k + 1;
    while (end < count && at[end] === t) end++;
    const single = end === k + 1 ? kindOf[type[k]!]! : -1;
    if (single === OTHER) {
      k = end;
      continue;
    }
    for (let kind = single < 0 ? EARN : single; kind <= (single < 0 ? REDEEM : single); kind++) {
      for (let row = k; row < end; row++) {
        if (kindOf[type[row]!] !== kind) continue;
        const c = customer[row]!;
        let want = points[row]!;
        if (before) {
          counted++;
          hasPoints[c] = 1;
          if (kind === EARN) earned[c]! += want;
          else if (kind === EXPIRE) expired[c]! += want;
          else redeemed[c]! += want;
        }
        if (kind === EARN) {
          remaining[row] = want;
          earnedAll += want;
          if (earnedAll > Number.MAX_SAFE_INTEGER) throw overflow(events.sourceIndex[row]!);
          if (want === 0) continue;
          if (last[c]! < 0) first[c] = row;
          else next[last[c]!] = row;
          last[c] = row;
          continue;
        }
        while (want > 0) {
          const lot = first[c]!;
          if (lot < 0) throw overdrawn(ledger, row, kind === EXPIRE, want);
          const taken = Math.min(want, remaining[lot]!);
          remaining[lot] = remaining[lot]! - taken;
          want -= taken;
          if (remaining[lot] === 0) {
            first[c] = next[lot]!;
            if (first[c]! < 0) last[c] = -1;
          }
          if (before && consume !== undefined) consume(lot, row, taken, kind === EXPIRE);
        }
      }
    }
    k = end;
  }
  if (!reached) sink.atAsOf?.(state, count);
  return counted;
}

function overdrawn(ledger: Ledger, row: number, expired: boolean, short: number): RetentionInputError {
  const { events, customerIds } = ledger;
  const verb = expired ? "expires" : "redeems";
  const customer = JSON.stringify(customerIds[events.customer[row]!]);
  const message = `customer ${customer} ${verb} ${events.points![row]} points at ${new Date(events.at[row]!).toISOString()}, ${short} more than it holds`;
  return new RetentionInputError([{ index: events.sourceIndex[row]!, path: ["events", "points"], code: expired ? "points_expired_unearned" : "points_overdrawn", message }]);
}

function overflow(index: number): RetentionInputError {
  return new RetentionInputError([{ index, path: ["events", "points"], code: "points_overflow", message: "the points earned in all pass 2^53 − 1, beyond exact arithmetic" }]);
}

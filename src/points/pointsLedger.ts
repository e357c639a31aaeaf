import { Decimal } from "../core/money";
import { addDuration, type DurationInput } from "../core/time";
import { moneyOption } from "../clv/readMoneyOption";
import { RetentionOptionsError } from "../input/errors";
import { readOptions } from "../input/readOptions";
import type { MoneyInput } from "../core/money";
import type { DateInput } from "../core/time";
import { toPointsLedger, type PointsInput } from "./pointsInput";
import { readAgeBuckets, readExpiry, readRedemptionOrder, requiredAsOf, type RedemptionOrder } from "./pointsOptions";
import { replayPoints } from "./replayPoints";

const DAY_MS = 86_400_000;

/** The windows of `expiring`, in days after `asOf`. */
export const EXPIRY_WINDOWS_DAYS: readonly number[] = [30, 60, 90];

/** Options of `pointsLedger`. */
export interface PointsLedgerOptions {
  /** The instant of the balance: events before it count (half-open, UTC). */
  readonly asOf: DateInput;
  /** Money one point is worth (≥ 0), for the liability; exact. */
  readonly pointValue: MoneyInput;
  /** How long points live after they are earned (`{ months: 12 }` or milliseconds): enables `expiring` and `pastExpiry`. */
  readonly expiry?: DurationInput | undefined;
  /** Which points a redemption or expiry takes: `"fifo"`, oldest first (the default and only order). */
  readonly redemptionOrder?: RedemptionOrder | undefined;
  /** Upper bounds, in days of age, of the age buckets (default `[30, 90, 180, 365]`). */
  readonly ageBucketDays?: readonly number[] | undefined;
}

/** One customer's points before `asOf`: outstanding = earned − redeemed − expired. */
export interface CustomerPointsBalance {
  readonly customerId: string;
  readonly earned: number;
  readonly redeemed: number;
  readonly expired: number;
  readonly outstanding: number;
}

/** Outstanding points earned between `fromDays` (included) and `toDays` (excluded; `null`: no bound) days before `asOf`. */
export interface PointsAgeBucket {
  readonly fromDays: number;
  readonly toDays: number | null;
  readonly points: number;
  readonly liability: Decimal;
}

/** Outstanding points whose expiry falls in `[asOf, asOf + days)`. */
export interface PointsExpiringWindow {
  readonly days: number;
  readonly points: number;
  readonly liability: Decimal;
}

/** The outstanding points of a program at `asOf` and what they are worth. */
export interface PointsLedgerResult {
  readonly asOf: Date;
  readonly pointValue: Decimal;
  readonly expiry: DurationInput | null;
  readonly redemptionOrder: RedemptionOrder;
  /** Points events before `asOf`. */
  readonly events: number;
  /** Customers with a points event before `asOf`. */
  readonly customers: number;
  readonly earned: number;
  readonly redeemed: number;
  readonly expired: number;
  /** earned − redeemed − expired. */
  readonly outstanding: number;
  /** outstanding × pointValue, exact. */
  readonly liability: Decimal;
  /** Per customer with a points event before `asOf`, in customer-id order. */
  readonly byCustomer: readonly CustomerPointsBalance[];
  /** Outstanding points by age (asOf − the instant they were earned); the buckets sum to `outstanding`. */
  readonly byAge: readonly PointsAgeBucket[];
  /** Outstanding points expiring within 30, 60 and 90 days of `asOf` (cumulative windows); `null` without `expiry`. */
  readonly expiring: readonly PointsExpiringWindow[] | null;
  /**
   * Outstanding points already past their expiry at `asOf` with no `points_expired` event for
   * them: counted in `outstanding` (no event says they lapsed), shown here; `null` without `expiry`.
   */
  readonly pastExpiry: { readonly points: number; readonly liability: Decimal } | null;
  /** Why `expiring` and `pastExpiry` are `null`, else `null`. */
  readonly expiryReason: string | null;
}

/**
 * The outstanding points of a points program at `asOf`, per customer and in total, and the
 * liability they represent.
 *
 * outstanding = earned − redeemed − expired over `points_earned`, `points_redeemed` and
 * `points_expired` events before `asOf`; liability = outstanding × pointValue (exact). Redemptions
 * and expiries take the oldest points first (FIFO), which dates the points left: they are split
 * by age and, with `expiry` (points live that long after they are earned), by when they expire.
 * This is the points-liability roll-forward of loyalty accounting (IFRS 15 B39–B43 treats points
 * as a liability until redeemed or lapsed); the liability here is at face value, before any
 * breakage estimate (see `breakage`).
 *
 * @param input - events, `{ events }`, or a prepared `Ledger`
 * @param options - `asOf`, `pointValue`, optional `expiry`, `redemptionOrder` (`"fifo"`), `ageBucketDays`
 * @returns totals, the liability, per-customer balances, points by age and expiring soon
 * @throws {RetentionInputError} when a row is invalid, or a redemption or expiry takes more points than the customer holds (naming the row)
 * @throws {RetentionOptionsError} when `asOf` or `pointValue` is missing or invalid, or another option is
 * @example
 * const events = [
 *   { customerId: "a", at: "2024-01-10", type: "points_earned", points: 100 },
 *   { customerId: "a", at: "2024-02-10", type: "points_redeemed", points: 30 },
 * ];
 * const result = pointsLedger(events, { asOf: "2024-03-01", pointValue: "0.01" });
 * result.outstanding //=> 70
 * result.liability.toString() //=> "0.7"
 */
export function pointsLedger(input: PointsInput, options: PointsLedgerOptions): PointsLedgerResult {
  const read = readOptions(options, "pointsLedger");
  const asOf = requiredAsOf(read.asOf, "pointsLedger");
  if (read.pointValue === undefined) throw new RetentionOptionsError("pointValue", "pointsLedger needs { pointValue }, the money one point is worth");
  const pointValue = moneyOption("pointValue", read.pointValue);
  if (pointValue.isNegative()) throw new RetentionOptionsError("pointValue", `expected an amount ≥ 0, found ${pointValue.toString()}`);
  const expiry = readExpiry(read.expiry);
  const redemptionOrder = readRedemptionOrder(read.redemptionOrder);
  const ageBucketDays = readAgeBuckets(read.ageBucketDays);
  const ledger = toPointsLedger(input);

  const byAge = new Float64Array(ageBucketDays.length + 1);
  const expiring = new Float64Array(EXPIRY_WINDOWS_DAYS.length);
  const expiryOf = expiry === null ? null : expiryClock(expiry);
  let pastExpiry = 0;
  const byCustomer: CustomerPointsBalance[] = [];
  const totals = { earned: 0, redeemed: 0, expired: 0 };
  const eventAt = ledger.events.at;
  const events = replayPoints(ledger, asOf, {
    atAsOf({ remaining, earned, redeemed, expired, hasPoints }, end) {
      for (let c = 0; c < hasPoints.length; c++) {
        if (hasPoints[c] === 0) continue;
        totals.earned += earned[c]!;
        totals.redeemed += redeemed[c]!;
        totals.expired += expired[c]!;
        byCustomer.push({ customerId: ledger.customerIds[c]!, earned: earned[c]!, redeemed: redeemed[c]!, expired: expired[c]!, outstanding: earned[c]! - redeemed[c]! - expired[c]! });
      }
      for (let row = 0; row < end; row++) {
        const left = remaining[row]!;
        if (left === 0) continue;
        const earnedAt = eventAt[row]!;
        byAge[ageBucket(asOf - earnedAt, ageBucketDays)]! += left;
        if (expiryOf === null) continue;
        const expiresAt = expiryOf(earnedAt);
        if (expiresAt <= asOf) pastExpiry += left;
        else for (let w = 0; w < EXPIRY_WINDOWS_DAYS.length; w++) if (expiresAt < asOf + EXPIRY_WINDOWS_DAYS[w]! * DAY_MS) expiring[w]! += left;
      }
    },
  });
  const outstanding = totals.earned - totals.redeemed - totals.expired;
  const money = (points: number): Decimal => pointValue.times(points);
  return Object.freeze({
    asOf: new Date(asOf),
    pointValue,
    expiry,
    redemptionOrder,
    events,
    customers: byCustomer.length,
    ...totals,
    outstanding,
    liability: money(outstanding),
    byCustomer,
    byAge: [...byAge].map((points, i) => ({ fromDays: i === 0 ? 0 : ageBucketDays[i - 1]!, toDays: ageBucketDays[i] ?? null, points, liability: money(points) })),
    expiring: expiry === null ? null : EXPIRY_WINDOWS_DAYS.map((days, w) => ({ days, points: expiring[w]!, liability: money(expiring[w]!) })),
    pastExpiry: expiry === null ? null : { points: pastExpiry, liability: money(pastExpiry) },
    expiryReason: expiry === null ? "no expiry option (how long points live)" : null,
  });
}

/** The bucket of an age in milliseconds: the first bound (in days) it is under, else the last, open bucket. */
function ageBucket(ageMs: number, bounds: readonly number[]): number {
  let i = 0;
  while (i < bounds.length && ageMs >= bounds[i]! * DAY_MS) i++;
  return i;
}

/**
 * The expiry instant of points earned at `t`: t + expiry, calendar-aware in UTC. A calendar
 * duration moves every instant of a UTC day alike, so it is worked out once per day (the
 * earnings are read in time order, so the last day's answer is the one to keep).
 */
function expiryClock(expiry: DurationInput): (t: number) => number {
  if (typeof expiry === "number") return (t) => t + expiry;
  let day = Number.NaN;
  let dayEnd = Number.NaN;
  return (t) => {
    const start = Math.floor(t / DAY_MS) * DAY_MS;
    if (start !== day) {
      day = start;
      dayEnd = addDuration(start, expiry);
    }
    return dayEnd + (t - start);
  };
}

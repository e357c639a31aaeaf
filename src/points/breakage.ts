import { bucketIndex, bucketIndexStart } from "../core/bucketIndex";
import { bucketKey, checkGranularity } from "../core/calendar";
import { dateOption } from "../core/period";
import type { DateInput } from "../core/time";
import { RetentionOptionsError } from "../input/errors";
import type { Ledger } from "../input/ledger";
import { readOptions } from "../input/readOptions";
import { developmentFactors, projectUltimate, type DevelopmentFactor } from "./chainLadder";
import { toPointsLedger, type PointsInput } from "./pointsInput";
import { replayPoints } from "./replayPoints";

const DAY_MS = 86_400_000;

/** Earning cohorts: the calendar period (UTC) the points were earned in. */
export type BreakageCohortUnit = "month" | "quarter" | "year";

const UNITS: readonly BreakageCohortUnit[] = ["month", "quarter", "year"];

/** Cohorts × ages a breakage table may hold (about 2,000 monthly cohorts over as many months). */
const MAX_CELLS = 4_194_304;

/** Options of `breakage`. */
export interface BreakageOptions {
  /** The earning cohort's period (default `"month"`); ages count the same periods. */
  readonly cohort?: BreakageCohortUnit | undefined;
  /** Events before it count (half-open). Default: the start of the UTC day after the last event. */
  readonly asOf?: DateInput | undefined;
}

/** One earning cohort: the points earned in one period and what became of them by `asOf`. */
export interface BreakageCohort {
  /** `2024-01` (month), `2024-Q1` or `2024`. */
  readonly cohort: string;
  readonly start: Date;
  /** Whole periods of the cohort's development completed by `asOf` (its own period counts once it is over). */
  readonly completedPeriods: number;
  readonly earned: number;
  readonly redeemed: number;
  readonly expired: number;
  /** earned − redeemed − expired. */
  readonly outstanding: number;
  /** True when nothing is outstanding: every point was redeemed or expired, so breakage is final. */
  readonly closed: boolean;
  /** redeemed ÷ earned; `null` when nothing was earned. */
  readonly redemptionRate: number | null;
  /** expired ÷ earned of a closed cohort; `null` for an open one. */
  readonly observedBreakage: number | null;
  /** Redeemed points projected by chain-ladder for an open cohort (between redeemed and earned − expired); `null` for a closed one or when it cannot be projected. */
  readonly projectedRedeemed: number | null;
  /** 1 − projectedRedeemed ÷ earned for an open cohort; `null` for a closed one or when it cannot be projected. */
  readonly estimatedBreakage: number | null;
  /** Why the cohort's breakage is `null` (both figures), else `null`. */
  readonly reason: string | null;
}

/** Points breakage by earning cohort at `asOf`. */
export interface BreakageResult {
  readonly asOf: Date | null;
  readonly cohort: BreakageCohortUnit;
  readonly method: string;
  readonly cohorts: readonly BreakageCohort[];
  /** Chain-ladder factors on cumulative redeemed points, from the cohorts' completed periods. */
  readonly developmentFactors: readonly DevelopmentFactor[];
  readonly earned: number;
  readonly redeemed: number;
  readonly expired: number;
  readonly outstanding: number;
  /** redeemed ÷ earned over all cohorts; `null` when nothing was earned. */
  readonly redemptionRate: number | null;
  /** Σ expired ÷ Σ earned over the closed cohorts; `null` when none is closed. */
  readonly observedBreakage: number | null;
  /**
   * Expected breakage of all cohorts with a figure: (expired of closed cohorts + earned −
   * projected redeemed of open ones) ÷ their earned; `null` when no cohort has one.
   */
  readonly estimatedBreakage: number | null;
  readonly closedCohorts: number;
  readonly openCohorts: number;
  /** Cohorts whose breakage could not be estimated (see each `reason`). */
  readonly cohortsWithoutEstimate: number;
}

/** The method in one line; docs/programs.md, "Breakage", has it in full. */
const METHOD = "closed cohorts: expired ÷ earned; open cohorts: 1 − redeemed points projected by volume-weighted chain-ladder ÷ earned";

/**
 * Points breakage by earning cohort: for the points earned in each month (or quarter, year),
 * how many were redeemed, expired and are still outstanding, and what share will never be redeemed.
 *
 * Redemptions and expiries are matched to the points they use first in, first out (see
 * `pointsLedger`). A cohort is closed when nothing of it is outstanding: its observed breakage
 * = expired ÷ earned is final. For an open cohort the ultimate redeemed points are projected by
 * the chain-ladder (loss-development) method of actuarial reserving (Mack 1993) on the
 * triangle of cumulative redeemed points by completed period since the cohort's: development
 * factors f(k) = Σ C(i, k+1) ÷ Σ C(i, k) over the cohorts observed at both ages, ultimate =
 * latest × Π f; estimated breakage = 1 − ultimate ÷ earned. The estimate assumes younger
 * cohorts redeem as older ones did, and nothing after the oldest age observed (see
 * docs/programs.md, "Breakage").
 *
 * @param input - events, `{ events }`, or a prepared `Ledger`
 * @param options - `cohort` (`"month"`, `"quarter"`, `"year"`; default month) and `asOf`
 * @returns per cohort earned, redeemed, expired, outstanding, redemption rate and breakage; the factors; totals
 * @throws {RetentionInputError} when a row is invalid, or a redemption or expiry takes more points than the customer holds (naming the row)
 * @throws {RetentionOptionsError} when an option is invalid
 * @example
 * const result = breakage([
 *   { customerId: "a", at: "2024-01-05", type: "points_earned", points: 100 },
 *   { customerId: "a", at: "2024-01-20", type: "points_redeemed", points: 60 },
 *   { customerId: "a", at: "2024-03-31", type: "points_expired", points: 40 },
 * ], { cohort: "month", asOf: "2024-04-01" });
 * result.cohorts[0].observedBreakage //=> 0.4
 */
export function breakage(input: PointsInput, options?: BreakageOptions): BreakageResult {
  const read = readOptions(options, "breakage");
  const unit = read.cohort === undefined ? "month" : checkGranularity(read.cohort, UNITS, "breakage", "cohort");
  const ledger = toPointsLedger(input);
  const asOf = read.asOf === undefined ? defaultAsOf(ledger) : dateOption("asOf", read.asOf);
  if (asOf === null) return summarise(null, unit, [], []);
  const earnedCode = ledger.events.typeNames.indexOf("points_earned");
  const { at, type, count } = ledger.events;
  const points = ledger.events.points ?? new Float64Array(count);
  const periodOf = periodIndices(at, count, unit);

  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < count && at[k]! < asOf; k++) {
    if (type[k] !== earnedCode) continue;
    first = Math.min(first, periodOf[k]!);
    last = Math.max(last, periodOf[k]!);
  }
  if (first > last) {
    replayPoints(ledger, asOf, {});
    return summarise(asOf, unit, [], []);
  }
  const current = bucketIndex(asOf, unit);
  const span = last - first + 1;
  const ages = current - first + 1;
  if (span * ages > MAX_CELLS) throw new RetentionOptionsError("cohort", `the points events span ${ages} ${unit}s, more than a breakage table holds; choose a longer cohort period`);
  const earned = new Float64Array(span);
  const hasEarn = new Uint8Array(span);
  const expired = new Float64Array(span);
  const redeemedAt = new Float64Array(span * ages);
  for (let k = 0; k < count && at[k]! < asOf; k++) {
    if (type[k] !== earnedCode) continue;
    earned[periodOf[k]! - first]! += points[k]!;
    hasEarn[periodOf[k]! - first] = 1;
  }
  replayPoints(ledger, asOf, {
    consume(lot, use, taken, isExpiry) {
      const earnedIn = periodOf[lot]!;
      if (isExpiry) expired[earnedIn - first]! += taken;
      else redeemedAt[(earnedIn - first) * ages + periodOf[use]! - earnedIn]! += taken;
    },
  });

  const triangle: number[][] = [];
  const redeemed = new Float64Array(span);
  for (let i = 0; i < span; i++) {
    const completed = Math.max(0, current - (first + i));
    const row: number[] = [];
    let sum = 0;
    for (let k = 0; k < ages - i; k++) {
      sum += redeemedAt[i * ages + k]!;
      if (k < completed) row.push(sum);
    }
    redeemed[i] = sum;
    triangle.push(hasEarn[i] === 1 ? row : []);
  }
  const factors = developmentFactors(triangle);
  const cohorts: BreakageCohort[] = [];
  for (let i = 0; i < span; i++) {
    if (hasEarn[i] === 0) continue;
    cohorts.push(cohortRow(first + i, unit, triangle[i]!, factors, earned[i]!, redeemed[i]!, expired[i]!));
  }
  return summarise(asOf, unit, cohorts, factors);
}

function cohortRow(
  index: number,
  unit: BreakageCohortUnit,
  cumulative: readonly number[],
  factors: readonly DevelopmentFactor[],
  earned: number,
  redeemed: number,
  expired: number,
): BreakageCohort {
  const start = bucketIndexStart(index, unit);
  const outstanding = earned - redeemed - expired;
  const closed = outstanding === 0 && earned > 0;
  let projected: number | null = null;
  let reason: string | null = null;
  if (earned === 0) reason = "no points were earned in this cohort (only points_earned of 0)";
  else if (!closed) {
    const age = cumulative.length - 1;
    const ultimate = age < 0 ? null : projectUltimate(cumulative[age]!, age, factors);
    if (age < 0) reason = `the cohort's first ${unit} is not over at asOf, so no development is observed`;
    else if (ultimate === null) reason = `older cohorts redeemed nothing by ${unit} ${factors.find((f, k) => k >= age && f.factor === null)!.age} of their development, so the chain-ladder factor is undefined`;
    else projected = Math.min(Math.max(ultimate, redeemed), earned - expired);
  }
  return Object.freeze({
    cohort: bucketKey(start, unit),
    start: new Date(start),
    completedPeriods: cumulative.length,
    earned,
    redeemed,
    expired,
    outstanding,
    closed,
    redemptionRate: earned > 0 ? redeemed / earned : null,
    observedBreakage: closed ? expired / earned : null,
    projectedRedeemed: projected,
    estimatedBreakage: projected === null ? null : 1 - projected / earned,
    reason,
  });
}

function summarise(asOf: number | null, unit: BreakageCohortUnit, cohorts: readonly BreakageCohort[], factors: readonly DevelopmentFactor[]): BreakageResult {
  let earned = 0;
  let redeemed = 0;
  let expired = 0;
  let closedEarned = 0;
  let closedExpired = 0;
  let estimateEarned = 0;
  let estimateBroken = 0;
  let closedCohorts = 0;
  let without = 0;
  for (const c of cohorts) {
    earned += c.earned;
    redeemed += c.redeemed;
    expired += c.expired;
    if (c.closed) {
      closedCohorts++;
      closedEarned += c.earned;
      closedExpired += c.expired;
      estimateEarned += c.earned;
      estimateBroken += c.expired;
    } else if (c.projectedRedeemed !== null) {
      estimateEarned += c.earned;
      estimateBroken += c.earned - c.projectedRedeemed;
    } else without++;
  }
  return Object.freeze({
    asOf: asOf === null ? null : new Date(asOf),
    cohort: unit,
    method: METHOD,
    cohorts,
    developmentFactors: factors,
    earned,
    redeemed,
    expired,
    outstanding: earned - redeemed - expired,
    redemptionRate: earned > 0 ? redeemed / earned : null,
    observedBreakage: closedEarned > 0 ? closedExpired / closedEarned : null,
    estimatedBreakage: estimateEarned > 0 ? estimateBroken / estimateEarned : null,
    closedCohorts,
    openCohorts: cohorts.length - closedCohorts,
    cohortsWithoutEstimate: without,
  });
}

/** The start of the UTC day after the last event; `null` when there is none. */
function defaultAsOf(ledger: Ledger): number | null {
  const { at, count } = ledger.events;
  return count === 0 ? null : Math.floor(at[count - 1]! / DAY_MS) * DAY_MS + DAY_MS;
}

/** Each time-sorted row's period index (`bucketIndex`), worked out once per period rather than per row. */
function periodIndices(at: Float64Array, count: number, unit: BreakageCohortUnit): Int32Array {
  const out = new Int32Array(count);
  let index = 0;
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < count; k++) {
    const t = at[k]!;
    if (t < from || t >= to) {
      index = bucketIndex(t, unit);
      from = bucketIndexStart(index, unit);
      to = bucketIndexStart(index + 1, unit);
    }
    out[k] = index;
  }
  return out;
}

import { rateOption } from "../clv/readMoneyOption";
import { Decimal, unitsToDecimal, ZERO, type MoneyInput } from "../core/money";
import { dateOption, readPeriod, windowStart, type Period, type PeriodOptions } from "../core/period";
import { normalQuantile } from "../core/special/normalQuantile";
import { MAX_EPOCH_MS, type DateInput, type DurationInput } from "../core/time";
import { printValue } from "../input/describeValue";
import { RetentionOptionsError } from "../input/errors";
import { numberOption } from "../input/optionReaders";
import { readOptions } from "../input/readOptions";
import { toLedger, type MetricInput } from "../input/toLedger";
import { activeCustomers } from "../metrics/activeCustomers";
import { programCost, type ProgramCost } from "./programCost";
import { matchedStrata } from "./matchedStrata";
import { periodFigures } from "./periodFigures";
import { PROGRAM_JOIN, programMembers } from "./programMembers";
import { StratumSums } from "./stratumSums";

/** Options of `programRoi`. */
export interface ProgramRoiOptions extends PeriodOptions {
  /** The costs' `program` whose cost is weighed. */
  readonly program: string;
  /** Gross-margin fraction in [0, 1] for purchase rows without `cost` (rows with one use amount − cost). */
  readonly margin: MoneyInput;
  /** `"matched"` (default): same first-order month and pre-period spend decile; `"all"`: every non-member with an order before `start`, unweighted. */
  readonly baseline?: "matched" | "all" | undefined;
  /** Members are the customers for whom this returns true; default: those with a `joinEvent` event before `end`. */
  readonly member?: ((customerId: string) => boolean) | undefined;
  /** The event type that makes a member (default `"program_join"`). */
  readonly joinEvent?: string | undefined;
  /** Start of the pre-period `[preStart, start)` the spend deciles are taken on; default `start − (end − start)`. */
  readonly preStart?: DateInput | undefined;
  /** As in `retentionRate`: how far back an order keeps a customer active at `end`. Default: the period's length. */
  readonly activeWindow?: DurationInput | undefined;
  /** Confidence of the ROI interval, in (0, 1); default 0.95. */
  readonly confidence?: number | undefined;
}

/** One side of the comparison in the program period. Per-customer figures of the baseline are weighted to the members' strata. */
export interface RoiGroup {
  /** Customers in the matched strata. */
  readonly customers: number;
  /** Of them, active at `end`. */
  readonly retained: number;
  /** Share active at `end` (weighted for the baseline). */
  readonly retention: number | null;
  readonly ordersPerCustomer: number | null;
  /** Gross margin per customer in the period, exact up to the division (weighted for the baseline). */
  readonly marginPerCustomer: Decimal | null;
}

/** The ROI's interval: the incremental margin's normal interval, carried through the ROI formula. */
export interface RoiInterval {
  readonly low: number;
  readonly high: number;
  readonly confidence: number;
  readonly method: "normal approximation, post-stratified difference in means";
}

/** A program's return against an observational baseline. */
export interface ProgramRoi {
  readonly program: string;
  readonly period: Period;
  readonly prePeriod: Period;
  readonly baselineKind: "matched" | "all";
  /** Always true: members chose (or were chosen for) the program; nothing was randomised. */
  readonly observational: true;
  readonly statement: string;
  /** Every member, matched or not. */
  readonly memberCount: number;
  /** Members without an order before `start` (no first-order month to match on). */
  readonly membersWithoutHistory: number;
  /** Members whose stratum holds no non-member. */
  readonly membersWithoutBaseline: number;
  /** Strata holding members and non-members. */
  readonly matchedStrata: number;
  readonly members: RoiGroup;
  readonly baseline: RoiGroup;
  /** members.retention − baseline.retention. */
  readonly incrementalRetention: number | null;
  /** members.marginPerCustomer − baseline.marginPerCustomer. */
  readonly incrementalMarginPerMember: Decimal | null;
  /** incrementalMarginPerMember × memberCount. */
  readonly incrementalMargin: Decimal | null;
  readonly cost: ProgramCost;
  /** (incremental margin − cost) ÷ cost, per member: (Δm − c) ÷ c with c = cost.perMember. */
  readonly roi: number | null;
  readonly roiInterval: RoiInterval | null;
  /** Rise in retention that pays for the program: c ÷ (baseline margin per retained customer). */
  readonly breakEvenIncrementalRetention: number | null;
  /** Why each `null` figure is null, by figure name. */
  readonly reasons: Readonly<Record<string, string>>;
}

export const OBSERVATIONAL_STATEMENT =
  "The baseline is observational, not randomised: members are compared with non-members who looked alike before the period (first-order month and spend decile), so differences the match does not capture (why they joined) remain in the estimate.";

/**
 * Return on a retention program: members against a matched baseline of non-members.
 *
 * Members and non-members with an order before `start` are put in strata of first-order month ×
 * pre-period spend decile; strata without both are dropped. The baseline's figures are the
 * non-members' stratum means weighted by the members' counts (exact matching / post-stratification,
 * Iacus, King & Porro 2012). Δm = member margin per customer − baseline margin per customer;
 * c = program cost ÷ members; ROI = (Δm − c) ÷ c. Its interval is Δm ± z·√(Σ w_s²(s²_T,s/n_T,s +
 * s²_C,s/n_C,s)) carried through the same formula. Break-even incremental retention =
 * c ÷ (baseline margin per customer ÷ baseline retention). See docs/programs.md, "Program ROI".
 *
 * @param input - `{ purchases, events, costs }` or a `Ledger`
 * @param options - `program`, `[start, end)`, `margin`, and optional `baseline`, `member`, `joinEvent`, `preStart`, `activeWindow`, `confidence`
 * @returns both groups' figures, incremental retention and margin, cost, ROI with its interval, break-even
 * @throws {RetentionInputError} when a row is invalid
 * @throws {RetentionOptionsError} naming a bad option, or a `member` predicate that returns a non-boolean
 * @example
 * const roi = programRoi(ledger, { program: "club", start: "2024-01-01", end: "2024-07-01", margin: 0.3 });
 * roi.roi //=> 0.42 (42% back on each unit spent), roi.observational //=> true
 */
export function programRoi(input: MetricInput, options: ProgramRoiOptions): ProgramRoi {
  options = readOptions(options, "programRoi");
  const ledger = toLedger(input);
  const { start, end } = readPeriod(options, "programRoi");
  if (typeof options.program !== "string" || options.program.length === 0) throw new RetentionOptionsError("program", `expected a program name, found ${printValue(options.program)}`);
  const rate = rateOption("margin", options.margin, { min: 0, max: 1 });
  const baselineKind = options.baseline ?? "matched";
  if (baselineKind !== "matched" && baselineKind !== "all") throw new RetentionOptionsError("baseline", `expected "matched" or "all", found ${printValue(baselineKind)}`);
  if (options.member !== undefined && typeof options.member !== "function") throw new RetentionOptionsError("member", `expected a function of the customer id, found ${printValue(options.member)}`);
  const joinEvent = options.joinEvent ?? PROGRAM_JOIN;
  if (typeof joinEvent !== "string" || joinEvent.length === 0) throw new RetentionOptionsError("joinEvent", `expected an event type, found ${printValue(joinEvent)}`);
  const preStart = options.preStart === undefined ? start - (end - start) : dateOption("preStart", options.preStart);
  if (!(Math.abs(preStart) <= MAX_EPOCH_MS)) throw new RetentionOptionsError("preStart", `the default pre-period (as long as the period, before start) would begin before the earliest date; pass preStart`);
  if (!(preStart < start)) throw new RetentionOptionsError("preStart", `expected a date before start, found ${new Date(preStart).toISOString()}`);
  const confidence = numberOption("confidence", options.confidence, { min: 0, max: 1, minOpen: true, maxOpen: true }, 0.95);

  const members = programMembers(ledger, end, joinEvent, options.member);
  const strata = matchedStrata(ledger, preStart, start, baselineKind === "matched");
  const retainedAtEnd = activeCustomers(ledger, end, windowStart(end, options.activeWindow ?? end - start));
  const figures = periodFigures(ledger, start, end);
  const unit = 10 ** ledger.moneyScale;
  const rateNumber = rate.toNumber();
  const treated = new StratumSums(strata.count);
  const pool = new StratumSums(strata.count);
  let memberCount = 0;
  let membersWithoutHistory = 0;
  for (let c = 0; c < members.length; c++) {
    const s = strata.stratum[c]!;
    if (members[c] === 1) {
      memberCount++;
      if (s < 0) membersWithoutHistory++;
    }
    if (s < 0) continue;
    const group = members[c] === 1 ? treated : pool;
    group.customers[s]!++;
    group.retained[s]! += retainedAtEnd[c]!;
    group.orders[s]! += figures.orders[c]!;
    group.costedUnits[s]! += figures.costedMarginUnits[c]!;
    group.uncostedUnits[s]! += figures.uncostedUnits[c]!;
    group.sum[s]! += (figures.costedMarginUnits[c]! + rateNumber * figures.uncostedUnits[c]!) / unit;
  }
  for (let c = 0; c < members.length; c++) {
    const s = strata.stratum[c]!;
    if (s < 0) continue;
    const group = members[c] === 1 ? treated : pool;
    const deviation = (figures.costedMarginUnits[c]! + rateNumber * figures.uncostedUnits[c]!) / unit - group.sum[s]! / group.customers[s]!;
    group.squaredDeviations[s]! += deviation * deviation;
  }
  const isMatched = (s: number): boolean => treated.customers[s]! > 0 && pool.customers[s]! > 0;
  let matched = 0;
  let membersWithoutBaseline = 0;
  for (let s = 0; s < strata.count; s++) {
    if (isMatched(s)) matched++;
    else membersWithoutBaseline += treated.customers[s]!;
  }
  const reasons: Record<string, string> = {};
  const memberGroup = groupFigures(treated, null, isMatched, rate, ledger.moneyScale);
  const baselineGroup = groupFigures(pool, treated, isMatched, rate, ledger.moneyScale);
  if (memberGroup.customers === 0) reasons.members = "no member has a non-member alike before the period to be compared with";
  const incrementalRetention = memberGroup.retention === null || baselineGroup.retention === null ? null : memberGroup.retention - baselineGroup.retention;
  const incrementalMarginPerMember = memberGroup.marginPerCustomer === null || baselineGroup.marginPerCustomer === null ? null : memberGroup.marginPerCustomer.minus(baselineGroup.marginPerCustomer);
  const cost = programCost(ledger, options.program, start, end, members, memberCount);
  const perMember = cost.perMember;
  if (perMember === null) reasons.cost = memberCount === 0 ? "no members" : `no cost of program ${JSON.stringify(options.program)} in the period`;
  const roi = incrementalMarginPerMember === null || perMember === null || perMember.isZero() ? null : incrementalMarginPerMember.minus(perMember).div(perMember).toNumber();
  if (roi === null) reasons.roi = incrementalMarginPerMember === null ? "no matched members to estimate the incremental margin" : "the program cost is zero or undefined";
  const halfWidth = marginHalfWidth(treated, pool, isMatched, memberGroup.customers, confidence);
  if (roi !== null && halfWidth === null) reasons.roiInterval = "no stratum has two customers on both sides, so the margin's variance is unknown";
  const c = perMember?.toNumber() ?? 0;
  const delta = incrementalMarginPerMember?.toNumber() ?? 0;
  return {
    program: options.program,
    period: { start: new Date(start), end: new Date(end) },
    prePeriod: { start: new Date(preStart), end: new Date(start) },
    baselineKind,
    observational: true,
    statement: OBSERVATIONAL_STATEMENT,
    memberCount,
    membersWithoutHistory,
    membersWithoutBaseline,
    matchedStrata: matched,
    members: memberGroup,
    baseline: baselineGroup,
    incrementalRetention,
    incrementalMarginPerMember,
    incrementalMargin: incrementalMarginPerMember === null ? null : incrementalMarginPerMember.times(memberCount),
    cost,
    roi,
    roiInterval: roi === null || halfWidth === null ? null : { low: (delta - halfWidth - c) / c, high: (delta + halfWidth - c) / c, confidence, method: "normal approximation, post-stratified difference in means" },
    breakEvenIncrementalRetention: breakEven(perMember, baselineGroup, reasons),
    reasons,
  };
}

/**
 * A group's figures over the matched strata: plain means for the members (`weights` null), and
 * for the baseline each stratum's mean weighted by the members' count in it (`weights`).
 */
function groupFigures(sums: StratumSums, weights: StratumSums | null, use: (s: number) => boolean, rate: Decimal, scale: number): RoiGroup {
  let customers = 0;
  let retained = 0;
  let weightTotal = 0;
  let retention = 0;
  let orders = 0;
  let margin: Decimal = ZERO;
  for (let s = 0; s < sums.customers.length; s++) {
    if (!use(s)) continue;
    const n = sums.customers[s]!;
    const w = weights === null ? n : weights.customers[s]!;
    customers += n;
    retained += sums.retained[s]!;
    weightTotal += w;
    retention += (w * sums.retained[s]!) / n;
    orders += (w * sums.orders[s]!) / n;
    const stratumMargin = unitsToDecimal(sums.costedUnits[s]!, scale).plus(rate.times(unitsToDecimal(sums.uncostedUnits[s]!, scale)));
    margin = margin.plus(weights === null ? stratumMargin : stratumMargin.times(w).div(n));
  }
  if (weightTotal === 0) return { customers, retained, retention: null, ordersPerCustomer: null, marginPerCustomer: null };
  return { customers, retained, retention: retention / weightTotal, ordersPerCustomer: orders / weightTotal, marginPerCustomer: margin.div(weightTotal) };
}

/** z · √(Σ w_s² (s²_T/n_T + s²_C/n_C)) with w_s = n_T,s ÷ M; a one-customer stratum takes its side's pooled variance. */
function marginHalfWidth(treated: StratumSums, pool: StratumSums, use: (s: number) => boolean, matchedMembers: number, confidence: number): number | null {
  const pooledT = treated.pooledVariance(use);
  const pooledC = pool.pooledVariance(use);
  if (matchedMembers === 0 || pooledT === null || pooledC === null) return null;
  let variance = 0;
  for (let s = 0; s < treated.customers.length; s++) {
    if (!use(s)) continue;
    const w = treated.customers[s]! / matchedMembers;
    variance += w * w * (treated.variance(s, pooledT) / treated.customers[s]! + pool.variance(s, pooledC) / pool.customers[s]!);
  }
  return normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt(variance);
}

/** c ÷ (baseline margin per customer ÷ baseline retention): the retention lift whose margin equals the cost per member. */
function breakEven(perMember: Decimal | null, baseline: RoiGroup, reasons: Record<string, string>): number | null {
  const { marginPerCustomer, retention } = baseline;
  if (perMember === null || marginPerCustomer === null || retention === null || retention === 0 || !marginPerCustomer.gt(0)) {
    reasons.breakEvenIncrementalRetention = perMember === null ? "the cost per member is undefined" : "the baseline has no retained customers or no positive margin";
    return null;
  }
  return perMember.times(retention).div(marginPerCustomer).toNumber();
}

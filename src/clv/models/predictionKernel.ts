import type { SummaryColumns } from "../summaryInput";
import { bgNbdIfAliveForX } from "./bgNbdStepSeries";
import { distinctValues } from "./distinctColumn";
import type { DistinctColumn } from "./mergeIdentical";
import { aliveShape } from "./mbgNbdMath";
import { chebyshevInterpolate, chebyshevInterpolatePair, chebyshevPoints } from "./chebyshevInterpolant";
import type { BgNbdModel, ModifiedBgNbdModel, ParetoNbdModel, TransactionModel } from "./modelTypes";
import { paretoNbdProbabilityAlive, powerIntegral } from "./paretoNbdMath";
import { inverseOnePlusExp, logOfShifted } from "./special";

/** The steps of a prediction: τₖ = min(k·step, horizon) and (1+d)^τₖ, for k = 1..K (index 0 unused). */
export interface StepSchedule {
  readonly steps: number;
  readonly tau: Float64Array;
  readonly discount: Float64Array;
}

/** Builds the schedule once, with the very expressions `predictClv` has always used per step. */
export function stepSchedule(steps: number, step: number, horizon: number, discountRate: number): StepSchedule {
  const tau = new Float64Array(steps + 1);
  const discount = new Float64Array(steps + 1);
  for (let k = 1; k <= steps; k++) {
    tau[k] = Math.min(k * step, horizon);
    discount[k] = Math.pow(1 + discountRate, tau[k]!);
  }
  return { steps, tau, discount };
}

/**
 * A transaction model seen as E[Y(τ) | x, tₓ, T] = (a · g(τ)) · b, where g depends only on a
 * group (x for BG/NBD, nothing for Pareto/NBD) and on T, and a, b are per customer:
 * BG/NBD: a = P(alive), b = 1, g = E[Y(τ) | alive] (FHL 2005, eq. 10);
 * MBG/NBD: the same, with g = BG/NBD's E[Y(τ) | alive] at b + 1 and its own P(alive) (Batislam et al. 2007);
 * Pareto/NBD: a = (r+x)(β+T)/(α+T), b = P(alive), g = [1 − ((β+T)/(β+T+τ))^(s−1)]/(s−1) (eq. 41).
 * The products are grouped as `conditionalExpectedPurchases` groups them, so the direct path
 * gives its bits. g is analytic in v = ln(shift + T), with its singularities on Im v = ±π.
 */
interface StepModel {
  readonly shift: number;
  group(x: number): number;
  /** g(T, τ) for one group (made once per group and reused). */
  g(group: number): (T: number, tau: number) => number;
  /** Whether `factors` reads ln(shift + tₓ). */
  readonly readsLogShiftTx: boolean;
  /** Writes a, b and P(alive) into `out`; `logShiftT` is ln(shift + T) and `logShiftTx` ln(shift + tₓ) (0 unless `readsLogShiftTx`), each computed once per distinct value or row. */
  factors(x: number, tx: number, T: number, logShiftT: number, logShiftTx: number, out: Float64Array): void;
  /** Whether a customer with this T may be interpolated (cheap; checked per row). */
  inRange(T: number): boolean;
  /** Whether the direct values at (group, T) are free of visible rounding noise (checked at a segment's ends). */
  quiet(group: number, T: number): boolean;
}

/** Largest rounding noise, relative to the value at the horizon, that the direct values may carry where the interpolation stands in for them. */
const NOISE_LIMIT = 1e-12;

/**
 * BG/NBD's steps, and MBG/NBD's: a customer alive at T under MBG/NBD expects what a BG/NBD
 * customer with b + 1 expects (`mbgNbdExpectedIfAlive`), and every customer, one-time buyers
 * included, has P(alive) = 1/(1 + a/(b+x)·((α+T)/(α+tₓ))^(r+x)) (`mbgNbdProbabilityAlive`).
 */
function bgNbdSteps(model: BgNbdModel | ModifiedBgNbdModel, lastTau: number): StepModel {
  const modified = model.model === "mbg-nbd";
  const params = modified ? aliveShape(model.params) : model.params;
  const { r, alpha, a } = params;
  const b = model.params.b;
  const bb = params.b;
  const aa = Math.abs(a - 1) < 1e-7 ? 1 + 1e-7 : a;
  const byX = new Map<number, (T: number, t: number) => number>();
  const logA = Math.log(a);
  /** ln a − ln(b+x−1) (BG/NBD) or ln a − ln(b+x) (MBG/NBD), as the probabilityAlive functions write it. */
  const leadOf = modified ? (x: number): number => logA - Math.log(b + x) : (x: number): number => logA - Math.log(b + x - 1);
  /** `leadOf(x)`, kept for x below `DENSE_GROUPS` (NaN: not yet computed). */
  const leads = new Float64Array(DENSE_GROUPS).fill(Number.NaN);
  const lead = (x: number): number => {
    if (!(Number.isInteger(x) && x < DENSE_GROUPS)) return leadOf(x);
    const kept = leads[x]!;
    return kept === kept ? kept : (leads[x] = leadOf(x));
  };
  return {
    shift: alpha,
    group: (x) => x,
    g: (x) => {
      let g = byX.get(x);
      if (g === undefined) byX.set(x, (g = bgNbdIfAliveForX(params, x)));
      return g;
    },
    readsLogShiftTx: true,
    // bgNbdProbabilityAlive's (or mbgNbdProbabilityAlive's) expression, with the lead kept per x and ln(α+T) shared with v.
    factors: (x, _tx, _T, logShiftT, logShiftTx, out) => {
      out[0] = x === 0 && !modified ? 1 : inverseOnePlusExp(lead(x) + (r + x) * (logShiftT - logShiftTx));
      out[1] = 1;
      out[2] = out[0];
    },
    // Every ₂F₁ a plain Gauss series (z ≤ 0.75), and the bracket 1 − (1−z)^(a−1)₂F₁ at the
    // horizon large beside the rounding of the logs it is computed from (a huge T or a makes
    // it a difference of nearly equal numbers, whose noise no interpolation reproduces). The
    // noise of each step's E cancels in the telescoped sum but for the last, so it is the
    // horizon's bracket that bounds the sum's relative noise.
    inRange: (T) => lastTau / (alpha + T + lastTau) <= 0.75,
    quiet: (x, T) => {
      const zLast = lastTau / (alpha + T + lastTau);
      const bracket = (bgNbdIfAliveForX(params, x, false)(T, lastTau) * (aa - 1)) / (aa + bb + x - 1);
      return (2.2e-16 * (4 + 2 * Math.abs((aa - 1) * Math.log1p(-zLast)))) / Math.abs(bracket) <= NOISE_LIMIT;
    },
  };
}

function paretoNbdSteps(model: ParetoNbdModel): StepModel {
  const params = model.params;
  const { r, alpha, s, beta } = params;
  return {
    shift: beta,
    group: () => 0,
    g: () => (T, tau) => powerIntegral(s - 1, Math.log1p(tau / (beta + T))),
    readsLogShiftTx: false,
    factors: (x, tx, T, _logShiftT, _logShiftTx, out) => {
      out[0] = ((r + x) * (beta + T)) / (alpha + T);
      out[1] = paretoNbdProbabilityAlive(params, x, tx, T);
      out[2] = out[1];
    },
    inRange: () => true,
    quiet: () => true,
  };
}

/** Per row: the discounted sum Σ (E(τₖ) − E(τₖ₋₁))/(1+d)^τₖ, E(τ_K), P(alive), and 1 where some E(τₖ) is NaN or +∞. */
export interface RowPredictions {
  readonly value: Float64Array;
  readonly expected: Float64Array;
  readonly alive: Float64Array;
  readonly failed: Uint8Array;
  /** How many rows were interpolated rather than summed step by step. */
  interpolated: number;
}

/** Width of an interpolation segment in v = ln(shift + T): ρ ≈ 8.6 for singularities at Im v = ±π, so 16 nodes reach ~1e-15. */
const SEGMENT_WIDTH = 1.5;
const NODES = 16;
/** Where (as fractions of a segment) the interpolant is checked against the direct sum. */
const CHECKS = [0.013, 0.37, 0.81] as const;
/** Largest relative difference a check may show; above it the segment is computed directly. */
const CHECK_TOLERANCE = 1e-11;

/** The direct sum for one (group, T): S = Σ (g(τₖ) − g(τₖ₋₁))/(1+d)^τₖ and U = g(τ_K); false when some g is not finite and ≥ 0. */
function directCurve(g: (T: number, tau: number) => number, schedule: StepSchedule, T: number, out: Float64Array): boolean {
  let sum = 0;
  let previous = 0;
  for (let k = 1; k <= schedule.steps; k++) {
    const value = g(T, schedule.tau[k]!);
    if (!(value >= 0 && value < Number.POSITIVE_INFINITY)) return false;
    sum += (value - previous) / schedule.discount[k]!;
    previous = value;
  }
  out[0] = sum;
  out[1] = previous;
  return true;
}

/** One group's stretch of v = ln(shift + T), interpolated when `nodes` is set. */
interface Segment {
  readonly group: number;
  lo: number;
  hi: number;
  customers: number;
  points: Float64Array | null;
  /** S and U at each point, interleaved. */
  values: Float64Array | null;
}

/** Evaluates S and U at the Chebyshev points of the segment and checks three more; leaves `points` null when any fails. */
function interpolateSegment(steps: StepModel, schedule: StepSchedule, segment: Segment): void {
  const { group, lo, hi } = segment;
  if (!(hi - lo > 1e-9 * Math.max(1, Math.abs(hi)))) return;
  const points = chebyshevPoints(lo, hi, NODES);
  const values = new Float64Array(2 * NODES);
  const curve = new Float64Array(2);
  const g = steps.g(group);
  for (let j = 0; j < NODES; j++) {
    if (!directCurve(g, schedule, Math.exp(points[j]!) - steps.shift, curve)) return;
    values[2 * j] = curve[0]!;
    values[2 * j + 1] = curve[1]!;
  }
  for (const fraction of CHECKS) {
    const at = lo + fraction * (hi - lo);
    if (!directCurve(g, schedule, Math.exp(at) - steps.shift, curve)) return;
    for (let m = 0; m < 2; m++) {
      const exact = curve[m]!;
      if (!(Math.abs(chebyshevInterpolate(points, values, m, 2, at) - exact) <= CHECK_TOLERANCE * Math.abs(exact))) return;
    }
  }
  segment.points = points;
  segment.values = values;
}

/**
 * The rows' T and tₓ as indices into their distinct values (`distinctValues`; `null` for a
 * column with too many), for the rows they were read from: the logarithms of the times are
 * then taken once per distinct value, and the interpolated sums once per group and distinct T.
 */
interface RowTimes {
  readonly rows: SummaryColumns;
  readonly T: DistinctColumn | null;
  readonly recency: DistinctColumn | null;
}

/**
 * The kernel's per-row working arrays: the factors a and b, v = ln(shift + T), and each row's
 * group and segment (−1: computed directly); the distinct times of the rows last predicted with
 * them (kept while the rows are the same), and room for the interpolated sums per group and
 * distinct T.
 */
export interface KernelScratch {
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly v: Float64Array;
  readonly groupOf: Int32Array;
  readonly segmentOf: Int32Array;
  times: RowTimes | null;
  curves: CurveTable | null;
}

/** Working arrays for `predictRows` on `n` rows. */
export function kernelScratch(n: number): KernelScratch {
  return { a: new Float64Array(n), b: new Float64Array(n), v: new Float64Array(n), groupOf: new Int32Array(n), segmentOf: new Int32Array(n), times: null, curves: null };
}

/** `scratch`'s distinct times of `rows`, found once for the rows they hold. */
function rowTimes(scratch: KernelScratch, rows: SummaryColumns): RowTimes {
  if (scratch.times?.rows !== rows) scratch.times = { rows, T: distinctValues(rows.T), recency: distinctValues(rows.recency) };
  return scratch.times;
}

/** The interpolated S and U per (group, distinct T), interleaved, and whether each is filled. */
interface CurveTable {
  readonly pairs: Float64Array;
  readonly filled: Uint8Array;
}

/**
 * An empty table for `cells` (group, distinct T) cells from `scratch` (kept there for the next
 * run), or `null` when there are more cells than rows: most cells would then be used once, and
 * the table would cost more than it spares.
 */
function curveTable(scratch: KernelScratch, cells: number, rows: number): CurveTable | null {
  if (cells > rows) return null;
  let table = scratch.curves;
  if (table === null || table.filled.length < cells) scratch.curves = table = { pairs: new Float64Array(2 * cells), filled: new Uint8Array(cells) };
  table.filled.fill(0, 0, cells);
  return table;
}

/** Empty predictions for `n` rows. */
export function rowPredictions(n: number): RowPredictions {
  return { value: new Float64Array(n), expected: new Float64Array(n), alive: new Float64Array(n), failed: new Uint8Array(n), interpolated: 0 };
}

/**
 * Arrays a caller that runs the kernel many times on the same rows hands back to it: the
 * working arrays, and the predictions to overwrite. Otherwise each run's arrays are new, each
 * allocated, zeroed and collected (the interval runs the kernel 8 times on the report's 100k
 * customers; sharing the arrays made it 0.82–0.87× as long: issue 13).
 */
export interface KernelReuse {
  readonly scratch: KernelScratch;
  readonly into: RowPredictions;
}

/** `predictions` zeroed for a new run, as `rowPredictions` makes them. */
function clearPredictions(predictions: RowPredictions, n: number): RowPredictions {
  if (predictions.value.length !== n) throw new RangeError(`predictRows was handed predictions for ${predictions.value.length} rows, not ${n}`);
  predictions.value.fill(0);
  predictions.expected.fill(0);
  predictions.alive.fill(0);
  predictions.failed.fill(0);
  predictions.interpolated = 0;
  return predictions;
}

/**
 * The prediction kernel of `predictClv`: for each included row, the discounted expected
 * purchases over the schedule, E(τ_K) and P(alive), with the model's constants derived once.
 *
 * Rows are grouped (by x for BG/NBD). Within a group, each stretch of ln(shift + T) 1.5 wide
 * that holds more customers than it has nodes is interpolated: the discounted sum and E(τ_K)
 * are evaluated directly at 16 Chebyshev points and checked at three more points (relative
 * 1e-11, else the stretch is computed directly). BG/NBD interpolates only where every step's
 * ₂F₁ is a plain Gauss series (z ≤ 0.75) and the direct values carry no visible rounding noise.
 * Every other row is computed directly, step by step, once per distinct (group, T), with the
 * expressions of `conditionalExpectedPurchases`, so it gives the same bits. Logarithms of T and
 * tₓ are taken once per distinct value, and a stretch's interpolant once per distinct T in each
 * group, where the columns hold few distinct values (whole days, as a rule). With `reuse`, its
 * arrays are worked in and overwritten instead of new ones, and the distinct times found for
 * the same rows object are kept.
 */
export function predictRows(model: TransactionModel, schedule: StepSchedule, rows: SummaryColumns, include: Uint8Array, reuse?: KernelReuse): RowPredictions {
  const n = rows.count;
  const out = reuse === undefined ? rowPredictions(n) : clearPredictions(reuse.into, n);
  const steps = model.model === "pareto-nbd" ? paretoNbdSteps(model) : bgNbdSteps(model, schedule.tau[schedule.steps]!);
  const factors = new Float64Array(3);
  const scratch = reuse?.scratch ?? kernelScratch(n);
  const { a, b, v, groupOf, segmentOf } = scratch;
  groupOf.fill(-1);
  segmentOf.fill(-1);
  const groups = new GroupIndex();
  const { frequency, recency, T } = rows;
  const times = rowTimes(scratch, rows);
  const logT = times.T === null ? null : logOfShifted(times.T.values, steps.shift);
  const logTx = times.recency === null || !steps.readsLogShiftTx ? null : logOfShifted(times.recency.values, steps.shift);
  for (let i = 0; i < n; i++) {
    if (include[i] === 0) continue;
    const position = logT === null ? Math.log(steps.shift + T[i]!) : logT[times.T!.index[i]!]!;
    const logShiftTx = logTx === null ? (steps.readsLogShiftTx ? Math.log(steps.shift + recency[i]!) : 0) : logTx[times.recency!.index[i]!]!;
    steps.factors(frequency[i]!, recency[i]!, T[i]!, position, logShiftTx, factors);
    a[i] = factors[0]!;
    b[i] = factors[1]!;
    out.alive[i] = factors[2]!;
    if (!(Number.isFinite(a[i]! * b[i]!) && steps.inRange(T[i]!))) continue;
    v[i] = position;
    groupOf[i] = groups.add(steps.group(frequency[i]!), position);
  }
  const segments = segmentGroups(groups.list);
  for (let i = 0; i < n; i++) {
    if (groupOf[i]! < 0) continue;
    const { first, count, lo, width } = groups.list[groupOf[i]!]!;
    const s = first + (width > 0 ? Math.min(count - 1, Math.floor((v[i]! - lo) / width)) : 0);
    segmentOf[i] = s;
    segments[s]!.customers++;
  }
  for (const segment of segments) {
    if (segment.customers <= NODES + CHECKS.length) continue;
    if (!steps.quiet(segment.group, Math.exp(segment.lo) - steps.shift) || !steps.quiet(segment.group, Math.exp(segment.hi) - steps.shift)) continue;
    interpolateSegment(steps, schedule, segment);
  }
  const direct: number[] = [];
  const pair = new Float64Array(2);
  // Rows of one group with the same T share v, so their interpolated sums are computed once.
  const distinctT = times.T === null ? 0 : times.T.values.length;
  const table = distinctT === 0 ? null : curveTable(scratch, groups.list.length * distinctT, n);
  for (let i = 0; i < n; i++) {
    if (include[i] === 0) continue;
    const segment = segmentOf[i]! < 0 ? undefined : segments[segmentOf[i]!]!;
    if (segment?.points == null || segment.values === null) {
      direct.push(i);
      continue;
    }
    const scale = a[i]! * b[i]!;
    if (table === null) chebyshevInterpolatePair(segment.points, segment.values, v[i]!, pair);
    else {
      const cell = groupOf[i]! * distinctT + times.T!.index[i]!;
      if (table.filled[cell] === 0) {
        chebyshevInterpolatePair(segment.points, segment.values, v[i]!, pair);
        table.pairs[2 * cell] = pair[0]!;
        table.pairs[2 * cell + 1] = pair[1]!;
        table.filled[cell] = 1;
      } else {
        pair[0] = table.pairs[2 * cell]!;
        pair[1] = table.pairs[2 * cell + 1]!;
      }
    }
    out.value[i] = scale * pair[0]!;
    out.expected[i] = scale * pair[1]!;
    out.interpolated++;
  }
  predictDirectly(steps, schedule, rows, direct, a, b, out);
  return out;
}

/** A group's range of v = ln(shift + T), and (after `segmentGroups`) its stretches. */
interface Group {
  readonly group: number;
  lo: number;
  hi: number;
  /** Index of its first segment, how many, and their common width. */
  first: number;
  count: number;
  width: number;
}

/** Largest group (x) found through an array rather than the Map. */
const DENSE_GROUPS = 4096;

/**
 * The groups met so far, in order of first appearance, each with the range of positions it was
 * added with; small integer groups (every x under 4096) are found without a Map lookup
 * (internal; the interval numbers its frequencies with it too).
 */
export class GroupIndex {
  readonly list: Group[] = [];
  private readonly dense = new Int32Array(DENSE_GROUPS);
  private readonly sparse = new Map<number, number>();

  /** Widens the group's range to `position` and returns its index. */
  add(group: number, position: number): number {
    const isDense = Number.isInteger(group) && group >= 0 && group < DENSE_GROUPS;
    let index = (isDense ? this.dense[group]! : (this.sparse.get(group) ?? 0)) - 1;
    if (index < 0) {
      index = this.list.length;
      this.list.push({ group, lo: position, hi: position, first: 0, count: 0, width: 0 });
      if (isDense) this.dense[group] = index + 1;
      else this.sparse.set(group, index + 1);
      return index;
    }
    const range = this.list[index]!;
    if (position < range.lo) range.lo = position;
    else if (position > range.hi) range.hi = position;
    return index;
  }
}

/** Splits each group's [lo, hi] of v into stretches at most `SEGMENT_WIDTH` wide, recording them in the group. */
function segmentGroups(groups: readonly Group[]): Segment[] {
  const list: Segment[] = [];
  for (const entry of groups) {
    const { group, lo, hi } = entry;
    const count = Math.max(1, Math.ceil((hi - lo) / SEGMENT_WIDTH));
    const width = (hi - lo) / count;
    entry.first = list.length;
    entry.count = count;
    entry.width = width;
    for (let k = 0; k < count; k++) {
      list.push({ group, lo: lo + k * width, hi: k === count - 1 ? hi : lo + (k + 1) * width, customers: 0, points: null, values: null });
    }
  }
  return list;
}

/**
 * Every step of each row, as `predictClv` always summed them: E(τₖ) = max(0, (a·g(τₖ))·b),
 * failing on NaN or +∞. g is evaluated once per distinct (group, T), up to the first step
 * where it is NaN or +∞ (every row of that (group, T) fails there or before). The distinct
 * (group, T) are taken in the order of their first row, and none is evaluated past the first
 * failing row, where the caller throws: a model whose series fail costs what it always did.
 */
function predictDirectly(steps: StepModel, schedule: StepSchedule, rows: SummaryColumns, direct: number[], a: Float64Array, b: Float64Array, out: RowPredictions): void {
  const { frequency, T } = rows;
  const groupOf = (i: number): number => steps.group(frequency[i]!);
  const sameKey = (i: number, j: number): boolean => groupOf(i) === groupOf(j) && T[i] === T[j];
  direct.sort((i, j) => groupOf(i) - groupOf(j) || T[i]! - T[j]! || i - j);
  const starts: number[] = [];
  for (let k = 0; k < direct.length; k++) if (k === 0 || !sameKey(direct[k]!, direct[k - 1]!)) starts.push(k);
  starts.sort((x, y) => direct[x]! - direct[y]!);
  const g = new Float64Array(schedule.steps + 1);
  const { tau, discount } = schedule;
  let firstFailed = Number.POSITIVE_INFINITY;
  for (const start of starts) {
    if (direct[start]! > firstFailed) break;
    const group = groupOf(direct[start]!);
    const time = T[direct[start]!]!;
    const curve = steps.g(group);
    let valid = schedule.steps;
    for (let k = 1; k <= schedule.steps; k++) {
      g[k] = curve(time, tau[k]!);
      if (Number.isNaN(g[k]!) || g[k] === Number.POSITIVE_INFINITY) {
        valid = k;
        break;
      }
    }
    for (let m = start; m < direct.length && (m === start || sameKey(direct[m]!, direct[start]!)); m++) {
      const i = direct[m]!;
      predictRow(i, g, valid, a[i]!, b[i]!, discount, out);
      if (out.failed[i] === 1 && i < firstFailed) firstFailed = i;
    }
  }
}

/** One row's discounted sum over steps 1..`valid` of g (where g is NaN or +∞ at `valid` when that is before the last step). */
function predictRow(i: number, g: Float64Array, valid: number, ai: number, bi: number, discount: Float64Array, out: RowPredictions): void {
  let value = 0;
  let previous = 0;
  for (let k = 1; k <= valid; k++) {
    const e = ai * g[k]! * bi;
    if (Number.isNaN(e) || e === Number.POSITIVE_INFINITY) {
      out.failed[i] = 1;
      break;
    }
    const cumulative = Math.max(0, e);
    value += (cumulative - previous) / discount[k]!;
    previous = cumulative;
  }
  out.value[i] = value;
  out.expected[i] = previous;
}

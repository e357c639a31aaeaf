import type { SummaryColumns } from "../summaryRows";
import { bgNbdIfAliveForX } from "./bgNbdStepSeries";
import { aliveShape } from "./mbgNbdMath";
import { chebyshevInterpolate, chebyshevPoints } from "./chebyshevInterpolant";
import type { BgNbdModel, ModifiedBgNbdModel, ParetoNbdModel, TransactionModel } from "./modelTypes";
import { paretoNbdProbabilityAlive, powerIntegral } from "./paretoNbdMath";
import { inverseOnePlusExp } from "./special";

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
  /** Whether `factors` reads ln(shift + tₓ) (BG/NBD's P(alive) does, Pareto/NBD's does not). */
  readonly shiftedRecency: boolean;
  /** Writes a, b and P(alive) into `out`; `logShiftT` is ln(shift + T) and `logShiftTx` ln(shift + tₓ) (when `shiftedRecency`), computed once per row. */
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
    shiftedRecency: true,
    // bgNbdProbabilityAlive's (or mbgNbdProbabilityAlive's) expression, with the lead kept per x and ln(α+T), ln(α+tₓ) shared with v.
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
    shiftedRecency: false,
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

/** One group's stretch of v = ln(shift + T). */
interface Segment {
  readonly group: number;
  lo: number;
  hi: number;
  customers: number;
}

/** The segment's Chebyshev points, or `null` when it is too narrow to interpolate. */
function segmentPoints(segment: Segment): Float64Array | null {
  const { lo, hi } = segment;
  return hi - lo > 1e-9 * Math.max(1, Math.abs(hi)) ? chebyshevPoints(lo, hi, NODES) : null;
}

/** S and U at each of the segment's `points` (interleaved), checked at three more points; `null` when any fails. */
function segmentValues(steps: StepModel, schedule: StepSchedule, segment: Segment, points: Float64Array): Float64Array | null {
  const { group, lo, hi } = segment;
  const values = new Float64Array(2 * NODES);
  const curve = new Float64Array(2);
  const g = steps.g(group);
  for (let j = 0; j < NODES; j++) {
    if (!directCurve(g, schedule, Math.exp(points[j]!) - steps.shift, curve)) return null;
    values[2 * j] = curve[0]!;
    values[2 * j + 1] = curve[1]!;
  }
  for (const fraction of CHECKS) {
    const at = lo + fraction * (hi - lo);
    if (!directCurve(g, schedule, Math.exp(at) - steps.shift, curve)) return null;
    for (let m = 0; m < 2; m++) {
      const exact = curve[m]!;
      if (!(Math.abs(chebyshevInterpolate(points, values, m, 2, at) - exact) <= CHECK_TOLERANCE * Math.abs(exact))) return null;
    }
  }
  return values;
}

/** The barycentric weights of the Chebyshev points of the second kind, (−1)^j halved at both ends (`chebyshevInterpolatePair`'s). */
const BARYCENTRIC = Float64Array.from({ length: NODES }, (_, j) => (j & 1 ? -1 : 1) * (j === 0 || j === NODES - 1 ? 0.5 : 1));

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
 * expressions of `conditionalExpectedPurchases`, so it gives the same bits.
 */
export function predictRows(model: TransactionModel, schedule: StepSchedule, rows: SummaryColumns, include: Uint8Array): RowPredictions {
  return predictRowsAt([model], schedule, rows, include)[0]!;
}

/**
 * `predictRows` for several parameter sets of one model family at once, each result the bits
 * `predictRows` gives for that model alone. Sets with the same shift (α for BG/NBD and
 * MBG/NBD, β for Pareto/NBD), as the intervals' draws along the later parameters have, share
 * the per-row work that depends on the shift alone: ln(shift + T) and ln(shift + tₓ), the
 * grouping into stretches, and the barycentric weights of each interpolated row.
 */
export function predictRowsAt(models: readonly TransactionModel[], schedule: StepSchedule, rows: SummaryColumns, include: Uint8Array): RowPredictions[] {
  const lastTau = schedule.tau[schedule.steps]!;
  const steps = models.map((model) => (model.model === "pareto-nbd" ? paretoNbdSteps(model) : bgNbdSteps(model, lastTau)));
  const results = new Array<RowPredictions | undefined>(models.length);
  for (let p = 0; p < models.length; p++) {
    if (results[p] !== undefined) continue;
    const batch: number[] = [];
    for (let q = p; q < models.length; q++) {
      if (results[q] === undefined && models[q]!.model === models[p]!.model && steps[q]!.shift === steps[p]!.shift) batch.push(q);
    }
    const predicted = predictShared(batch.map((q) => steps[q]!), schedule, rows, include) ?? batch.map((q) => predictShared([steps[q]!], schedule, rows, include)![0]!);
    batch.forEach((q, k) => (results[q] = predicted[k]));
  }
  return results as RowPredictions[];
}

/**
 * `predictRowsAt` for step models with one shift; `null` when they disagree on which rows may
 * be interpolated (a non-finite factor for some of them), so that each is to be run alone
 * (a single model never gives `null`).
 */
function predictShared(steps: readonly StepModel[], schedule: StepSchedule, rows: SummaryColumns, include: Uint8Array): RowPredictions[] | null {
  const n = rows.count;
  const m = steps.length;
  const first = steps[0]!;
  const { shift, shiftedRecency } = first;
  const outs: RowPredictions[] = steps.map(() => ({ value: new Float64Array(n), expected: new Float64Array(n), alive: new Float64Array(n), failed: new Uint8Array(n), interpolated: 0 }));
  const factors = new Float64Array(3);
  const a = steps.map(() => new Float64Array(n));
  const b = steps.map(() => new Float64Array(n));
  const v = new Float64Array(n);
  /** Per row that may be interpolated, its group's index in `groups` (−1 for the others). */
  const groupOf = new Int32Array(n).fill(-1);
  const groups = new GroupIndex();
  const { frequency, recency, T } = rows;
  for (let i = 0; i < n; i++) {
    if (include[i] === 0) continue;
    const position = Math.log(shift + T[i]!);
    const logShiftTx = shiftedRecency ? Math.log(shift + recency[i]!) : 0;
    let eligible = false;
    for (let p = 0; p < m; p++) {
      steps[p]!.factors(frequency[i]!, recency[i]!, T[i]!, position, logShiftTx, factors);
      const ai = (a[p]![i] = factors[0]!);
      const bi = (b[p]![i] = factors[1]!);
      outs[p]!.alive[i] = factors[2]!;
      const ok = Number.isFinite(ai * bi) && steps[p]!.inRange(T[i]!);
      if (p === 0) eligible = ok;
      else if (ok !== eligible) return null;
    }
    if (!eligible) continue;
    v[i] = position;
    groupOf[i] = groups.add(first.group(frequency[i]!), position);
  }
  const segments = segmentGroups(groups.list);
  const segmentOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (groupOf[i]! < 0) continue;
    const { first: firstSegment, count, lo, width } = groups.list[groupOf[i]!]!;
    const s = firstSegment + (width > 0 ? Math.min(count - 1, Math.floor((v[i]! - lo) / width)) : 0);
    segmentOf[i] = s;
    segments[s]!.customers++;
  }
  /** Per segment its points, and per segment and model its node values (null: computed directly). */
  const points = new Array<Float64Array | null>(segments.length).fill(null);
  const values = new Array<Float64Array | null>(segments.length * m).fill(null);
  segments.forEach((segment, s) => {
    if (segment.customers <= NODES + CHECKS.length) return;
    const nodes = segmentPoints(segment);
    if (nodes === null) return;
    for (let p = 0; p < m; p++) {
      const model = steps[p]!;
      if (!model.quiet(segment.group, Math.exp(segment.lo) - shift) || !model.quiet(segment.group, Math.exp(segment.hi) - shift)) continue;
      const nodeValues = segmentValues(model, schedule, segment, nodes);
      if (nodeValues === null) continue;
      values[s * m + p] = nodeValues;
      points[s] = nodes;
    }
  });
  const direct = steps.map((): number[] => []);
  const weights = new Float64Array(NODES);
  for (let i = 0; i < n; i++) {
    if (include[i] === 0) continue;
    const s = segmentOf[i]!;
    const nodes = s < 0 ? null : points[s]!;
    if (nodes === null) {
      for (let p = 0; p < m; p++) direct[p]!.push(i);
      continue;
    }
    // chebyshevInterpolatePair's weights and sums, the weights made once for every model.
    const x = v[i]!;
    let node = -1;
    let denominator = 0;
    for (let j = 0; j < NODES; j++) {
      const d = x - nodes[j]!;
      if (d === 0) {
        node = j;
        break;
      }
      const w = BARYCENTRIC[j]! / d;
      weights[j] = w;
      denominator += w;
    }
    for (let p = 0; p < m; p++) {
      const nodeValues = values[s * m + p];
      if (nodeValues == null) {
        direct[p]!.push(i);
        continue;
      }
      let sum = 0;
      let end = 0;
      if (node >= 0) {
        sum = nodeValues[2 * node]!;
        end = nodeValues[2 * node + 1]!;
      } else {
        for (let j = 0; j < NODES; j++) {
          sum += weights[j]! * nodeValues[2 * j]!;
          end += weights[j]! * nodeValues[2 * j + 1]!;
        }
        sum /= denominator;
        end /= denominator;
      }
      const out = outs[p]!;
      const scale = a[p]![i]! * b[p]![i]!;
      out.value[i] = scale * sum;
      out.expected[i] = scale * end;
      out.interpolated++;
    }
  }
  for (let p = 0; p < m; p++) predictDirectly(steps[p]!, schedule, rows, direct[p]!, a[p]!, b[p]!, outs[p]!);
  return outs;
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

/** The groups met so far, in order of first appearance; small integer groups (every x under 4096) are found without a Map lookup. */
class GroupIndex {
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
      list.push({ group, lo: lo + k * width, hi: k === count - 1 ? hi : lo + (k + 1) * width, customers: 0 });
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

import type { SummaryColumns } from "../summaryInput";
import { drawParams, logParameterNormal, type LogParameterNormal } from "./logParameterNormal";
import type { TransactionModel } from "./modelTypes";
import { GroupIndex, kernelScratch, predictRows, rowPredictions, stepSchedule, type KernelScratch, type RowPredictions } from "./predictionKernel";
import { fillStandardNormal, type UniformSource } from "./seededRandom";
import { normalQuantile } from "../../core/special/normalQuantile";
import type { PredictionSettings } from "./predictClv";

/** What an interval run needs beyond the point prediction's settings. */
export interface IntervalSettings {
  /** Coverage of each interval, in (0, 1), e.g. 0.9. */
  readonly level: number;
  readonly draws: number;
  readonly random: UniformSource;
  /** The working arrays the center's kernel run used on these rows, for the interval's runs (their distinct times are then found once). */
  readonly scratch?: KernelScratch | undefined;
}

/** Per row (NaN where undefined: rows left out, or CLV where spend is undefined) and in total. */
export interface IntervalRows {
  readonly clvLow: Float64Array;
  readonly clvHigh: Float64Array;
  readonly expectedLow: Float64Array;
  readonly expectedHigh: Float64Array;
  /** Lower and upper bounds of the total: CLV and expected purchases, parameter uncertainty only, then with process variance added. */
  readonly total: {
    readonly clv: readonly [number, number] | null;
    readonly expectedPurchases: readonly [number, number] | null;
    readonly predictionClv: readonly [number, number] | null;
    readonly predictionExpectedPurchases: readonly [number, number] | null;
  };
  /** How many bounds overflowed (an uncertainty so wide that exp(z·sd) is not finite) and were left out (NaN per row, `null` in total). */
  readonly overflowed: number;
  /** Why the CLV intervals are null (expected spend undefined at some draw); `null` when they are given. */
  readonly clvReason: string | null;
}

/**
 * The transaction surrogate summed over the included rows, in the layout `evaluate` reads:
 * `expectedSums` for E(τ_K), and per distinct frequency x (in order of first appearance) the
 * discounted value's sums weighted by 1, x·z̄ and (x·z̄)²; with `perRow`, each row's
 * standard deviations of ln(discounted value) and ln E(τ_K) along z, from the log-scale
 * secants (ln f₊ⱼ − ln f₋ⱼ)/2 (zeros otherwise).
 */
interface SurrogateSums {
  readonly expectedSums: Float64Array;
  readonly byFrequency: Map<number, Float64Array>;
  readonly valueLogSd: Float64Array;
  readonly expectedLogSd: Float64Array;
}

/**
 * Each row's discounted value and expected purchases as a function of the transaction model's
 * standardised draw z (ln θ = ln θ̂ + L·z): the kernel is run at the fit and at ±1 along each
 * column of L (2k + 1 runs), and f(z) ≈ f₀ + Σⱼ (gⱼ zⱼ + cⱼ zⱼ²), with gⱼ = (f₊ⱼ − f₋ⱼ)/2 and
 * cⱼ = (f₊ⱼ + f₋ⱼ − 2f₀)/2: exact at those 2k + 1 points, a second-order expansion without
 * the cross terms between them. The coefficients go straight into their sums (`evaluate`'s
 * layout), direction by direction, each sum over the rows in their order, so no per-row
 * coefficient is kept. Returns why not when the kernel fails at one of the points.
 */
function transactionSurrogate(model: TransactionModel, normal: LogParameterNormal, settings: PredictionSettings, rows: SummaryColumns, include: Uint8Array, center: RowPredictions, perRow: boolean, given?: KernelScratch): SurrogateSums | string {
  const schedule = stepSchedule(settings.steps, settings.step, settings.horizon, settings.discountRate);
  const n = rows.count;
  const k = normal.names.length;
  const width = 1 + 2 * k;
  const { groupOf, frequencies } = frequencyGroups(rows.frequency, include);
  const state: SurrogateState = {
    k,
    width,
    include,
    center,
    groupOf,
    weightOf: new Float64Array(n),
    groupSums: new Float64Array(3 * width * frequencies.length),
    expectedSums: new Float64Array(width),
    valueLogSd: new Float64Array(perRow ? n : 0),
    expectedLogSd: new Float64Array(perRow ? n : 0),
  };
  addCenter(state, rows);
  const unit = new Float64Array(k);
  // The 2k runs share one set of working arrays, and each direction's two runs overwrite the last direction's.
  const scratch = given ?? kernelScratch(n);
  const plus = rowPredictions(n);
  const minus = rowPredictions(n);
  for (let j = 0; j < k; j++) {
    for (const [sign, into] of [[1, plus], [-1, minus]] as const) {
      unit.fill(0);
      unit[j] = sign;
      const params = drawParams(normal, unit);
      const run = predictRows({ ...model, params } as unknown as TransactionModel, schedule, rows, include, { scratch, into });
      if (someIncludedFailed(include, run.failed)) return `the prediction could not be evaluated at parameters one standard deviation from the fit (${JSON.stringify(params)})`;
    }
    addDirection(state, j, plus, minus);
  }
  const { expectedSums, groupSums, valueLogSd, expectedLogSd } = state;
  for (let i = 0; i < n && perRow; i++) {
    valueLogSd[i] = Math.sqrt(valueLogSd[i]!);
    expectedLogSd[i] = Math.sqrt(expectedLogSd[i]!);
  }
  const byFrequency = new Map<number, Float64Array>();
  frequencies.forEach((x, group) => byFrequency.set(x, groupSums.subarray(3 * width * group, 3 * width * (group + 1))));
  return { expectedSums, byFrequency, valueLogSd, expectedLogSd };
}

/**
 * The surrogate's sums while its runs are added (`transactionSurrogate`): each frequency's
 * 3 × width sums one after the other (a row's at 3 · width · its group), each row's weight x·z̄,
 * and the per-row squared log secants (empty unless per row).
 */
interface SurrogateState {
  readonly k: number;
  readonly width: number;
  readonly include: Uint8Array;
  readonly center: RowPredictions;
  readonly groupOf: Int32Array;
  readonly weightOf: Float64Array;
  readonly groupSums: Float64Array;
  readonly expectedSums: Float64Array;
  readonly valueLogSd: Float64Array;
  readonly expectedLogSd: Float64Array;
}

// Each pass over the rows below is a function of its own: the CLI runs the interval once, so a
// pass inside one large function would run unoptimised until the engine had compiled all of it.

/** Adds the prediction at the fit: E(τ_K) to the expected sum, the discounted value weighted by 1, x·z̄ and (x·z̄)² to its frequency's sums. */
function addCenter(state: SurrogateState, rows: SummaryColumns): void {
  const { width, include, center, groupOf, weightOf, groupSums, expectedSums } = state;
  const { frequency, monetary } = rows;
  for (let i = 0; i < rows.count; i++) {
    if (include[i] === 0) continue;
    expectedSums[0] = expectedSums[0]! + center.expected[i]!;
    const x = frequency[i]!;
    const start = 3 * width * groupOf[i]!;
    const numerator = x === 0 ? 0 : x * monetary[i]!;
    weightOf[i] = numerator;
    const value0 = center.value[i]!;
    groupSums[start] = groupSums[start]! + value0;
    groupSums[start + width] = groupSums[start + width]! + numerator * value0;
    groupSums[start + 2 * width] = groupSums[start + 2 * width]! + numerator * numerator * value0;
  }
}

/** Whether the kernel failed at some included row. */
function someIncludedFailed(include: Uint8Array, failed: Uint8Array): boolean {
  for (let i = 0; i < include.length; i++) if (include[i] === 1 && failed[i] === 1) return true;
  return false;
}

/** Adds direction `j`'s slopes and curvatures (from its runs at +1 and −1) to the sums, and with per-row sums the squared log secants. */
function addDirection(state: SurrogateState, j: number, plus: RowPredictions, minus: RowPredictions): void {
  const { k, width, include, center, groupOf, weightOf, groupSums, expectedSums, valueLogSd, expectedLogSd } = state;
  const perRow = valueLogSd.length > 0;
  for (let i = 0; i < include.length; i++) {
    if (include[i] === 0) continue;
    const expectedSlope = (plus.expected[i]! - minus.expected[i]!) / 2;
    const expectedCurve = (plus.expected[i]! + minus.expected[i]! - 2 * center.expected[i]!) / 2;
    expectedSums[1 + j] = expectedSums[1 + j]! + expectedSlope;
    expectedSums[1 + k + j] = expectedSums[1 + k + j]! + expectedCurve;
    const valueSlope = (plus.value[i]! - minus.value[i]!) / 2;
    const valueCurve = (plus.value[i]! + minus.value[i]! - 2 * center.value[i]!) / 2;
    // The slope and curvature weighted by 1, x·z̄ and (x·z̄)², at the row's frequency.
    const slope = 3 * width * groupOf[i]! + 1 + j;
    const curve = slope + k;
    const numerator = weightOf[i]!;
    const square = numerator * numerator;
    groupSums[slope] = groupSums[slope]! + valueSlope;
    groupSums[curve] = groupSums[curve]! + valueCurve;
    groupSums[slope + width] = groupSums[slope + width]! + numerator * valueSlope;
    groupSums[curve + width] = groupSums[curve + width]! + numerator * valueCurve;
    groupSums[slope + 2 * width] = groupSums[slope + 2 * width]! + square * valueSlope;
    groupSums[curve + 2 * width] = groupSums[curve + 2 * width]! + square * valueCurve;
    if (!perRow) continue;
    valueLogSd[i] = valueLogSd[i]! + logSecant(plus.value[i]!, minus.value[i]!, center.value[i]!) ** 2;
    expectedLogSd[i] = expectedLogSd[i]! + logSecant(plus.expected[i]!, minus.expected[i]!, center.expected[i]!) ** 2;
  }
}

/**
 * Each included row's group, the index of its frequency x among the included rows' distinct
 * frequencies in order of first appearance (−1 for rows left out), and those frequencies.
 */
function frequencyGroups(frequency: Float64Array, include: Uint8Array): { groupOf: Int32Array; frequencies: number[] } {
  const groupOf = new Int32Array(frequency.length).fill(-1);
  const index = new GroupIndex();
  for (let i = 0; i < frequency.length; i++) if (include[i] === 1) groupOf[i] = index.add(frequency[i]!, 0);
  return { groupOf, frequencies: index.list.map((entry) => entry.group) };
}

/** (ln f₊ − ln f₋)/2, or the linear secant over f₀ where a value is 0; 0 when f₀ is 0. */
function logSecant(plus: number, minus: number, center: number): number {
  if (!(center > 0)) return 0;
  return plus > 0 && minus > 0 ? (Math.log(plus) - Math.log(minus)) / 2 : (plus - minus) / (2 * center);
}

/** Type-7 quantile (linear between order statistics, as R's default and numpy's) of `values` at probability `p`; sorts `values`. */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The lower and upper quantiles of `values` for a central interval of `level` (sorts `values`). */
function bounds(values: Float64Array, level: number): [number, number] {
  values.sort();
  return [quantile(values, (1 - level) / 2), quantile(values, (1 + level) / 2)];
}

/**
 * Σ w·f(z) from the surrogate's sums [Σw·f₀, Σw·g₁…Σw·g_k, Σw·c₁…Σw·c_k] at `offset`, for the
 * draw's z and z² (`features`: [z₁…z_k, z₁²…z_k²]): one dot product per draw.
 */
function evaluate(sums: Float64Array, offset: number, features: Float64Array, k: number): number {
  let total = sums[offset]!;
  for (let j = 0; j < 2 * k; j++) total += sums[offset + 1 + j]! * features[j]!;
  return total;
}

/**
 * Intervals on `predictClv`'s figures from parameter uncertainty, each model's parameters
 * drawn from its asymptotic normal in log-parameter space (transaction model and Gamma-Gamma
 * independently; ln θ = ln θ̂ + L·z).
 *
 * - **Totals**, by `draws` draws (standard normals from `random`, in a fixed order): the total
 *   expected purchases and CLV at each draw, the transaction side from `transactionSurrogate`
 *   (summed over rows once, so a draw costs a dot product per distinct frequency), the spend
 *   side exactly, E(M) = p(γ + x z̄)/(px + q − 1); the central `level` quantiles (type 7) of
 *   the draws' totals. The prediction interval adds to each draw's total a normal process
 *   term with the Poisson-type variance: Σᵢ E(Yᵢ) for purchases, Σᵢ Vᵢ·E(Mᵢ)² for CLV (Vᵢ the
 *   discounted expected purchases).
 * - **Per customer**, by the delta method on the log scale: ln E(Y) and ln CLV are normal with
 *   the variance of the log-scale secants along L's columns, plus for CLV ∇ln E(M)ᵀ Σ_log ∇ln E(M)
 *   of the spend model; bounds exp(ln f₀ ± z_{(1+level)/2} · sd), always positive.
 *
 * `center` is the kernel's prediction at the fit, for the same rows and `include`. Returns why
 * not when a model has no usable covariance or the kernel fails one standard deviation from the fit.
 */
export function clvIntervalRows(settings: PredictionSettings, rows: SummaryColumns, include: Uint8Array, center: RowPredictions, interval: IntervalSettings): IntervalRows | string {
  return intervals(settings, rows, include, center, interval, true);
}

/**
 * `clvIntervalRows`'s totals alone, the same bits, for callers that show only the total (the
 * report): the per-customer bounds, their log-scale secants and spend gradients are skipped.
 * `overflowed` counts the totals' bounds only.
 */
export function clvIntervalTotals(settings: PredictionSettings, rows: SummaryColumns, include: Uint8Array, center: RowPredictions, interval: IntervalSettings): Pick<IntervalRows, "total" | "overflowed" | "clvReason"> | string {
  const result = intervals(settings, rows, include, center, interval, false);
  return typeof result === "string" ? result : { total: result.total, overflowed: result.overflowed, clvReason: result.clvReason };
}

/** `clvIntervalRows`; with `perRow` false the per-row bounds are not computed (their arrays are empty). */
function intervals(settings: PredictionSettings, rows: SummaryColumns, include: Uint8Array, center: RowPredictions, interval: IntervalSettings, perRow: boolean): IntervalRows | string {
  const transaction = logParameterNormal(settings.model, "transaction");
  if (typeof transaction === "string") return transaction;
  const spendNormal = logParameterNormal(settings.spendModel, "Gamma-Gamma");
  if (typeof spendNormal === "string") return spendNormal;
  const surrogate = transactionSurrogate(settings.model, transaction, settings, rows, include, center, perRow, interval.scratch);
  if (typeof surrogate === "string") return surrogate;
  const { expectedSums, byFrequency, valueLogSd, expectedLogSd } = surrogate;
  const n = rows.count;
  const zLevel = normalQuantile((1 + interval.level) / 2);
  const { p, q, gamma } = settings.spendModel.params;
  const spendGradient = spendLogGradient(spendNormal);
  const size = perRow ? n : 0;
  const out = { clvLow: new Float64Array(size).fill(Number.NaN), clvHigh: new Float64Array(size).fill(Number.NaN), expectedLow: new Float64Array(size).fill(Number.NaN), expectedHigh: new Float64Array(size).fill(Number.NaN) };
  const { frequency, monetary } = rows;
  let overflowed = 0;
  for (let i = 0; i < n && perRow; i++) {
    if (include[i] === 0) continue;
    const expected0 = center.expected[i]!;
    const spread = zLevel * expectedLogSd[i]!;
    if (Number.isFinite(expected0 * Math.exp(spread))) {
      out.expectedLow[i] = expected0 * Math.exp(-spread);
      out.expectedHigh[i] = expected0 * Math.exp(spread);
    } else overflowed++;
    const x = frequency[i]!;
    const numerator = x === 0 ? 0 : x * monetary[i]!;
    const denominator = p * x + q - 1;
    if (!(denominator > 0)) continue;
    const clv0 = center.value[i]! * ((p * (gamma + numerator)) / denominator);
    const spendSd = spendGradient(x, numerator);
    const clvSpread = zLevel * Math.sqrt(valueLogSd[i]! ** 2 + spendSd ** 2);
    if (Number.isFinite(clv0 * Math.exp(clvSpread))) {
      out.clvLow[i] = clv0 * Math.exp(-clvSpread);
      out.clvHigh[i] = clv0 * Math.exp(clvSpread);
    } else overflowed++;
  }
  const totals = totalIntervals(settings, transaction, spendNormal, expectedSums, byFrequency, interval);
  return { ...out, ...totals, overflowed: overflowed + totals.overflowed };
}

/**
 * The standard deviation of ln E(M) under the spend model's log-normal, by the delta method:
 * ∂ln E(M)/∂ln p = 1 − px/(px + q − 1), ∂/∂ln q = −q/(px + q − 1), ∂/∂ln γ = γ/(γ + x z̄), and
 * sd = ‖Lᵀ∇‖ with L·Lᵀ = Σ_log.
 */
function spendLogGradient(normal: LogParameterNormal): (x: number, numerator: number) => number {
  const { names, logParams, factor } = normal;
  const m = names.length;
  const ip = names.indexOf("p");
  const iq = names.indexOf("q");
  const ig = names.indexOf("gamma");
  const p = Math.exp(logParams[ip]!);
  const q = Math.exp(logParams[iq]!);
  const gamma = Math.exp(logParams[ig]!);
  const gradient = new Float64Array(m);
  return (x, numerator) => {
    const denominator = p * x + q - 1;
    gradient[ip] = 1 - (p * x) / denominator;
    gradient[iq] = -q / denominator;
    gradient[ig] = gamma / (gamma + numerator);
    let variance = 0;
    for (let j = 0; j < m; j++) {
      let column = 0;
      for (let i = j; i < m; i++) column += factor[i * m + j]! * gradient[i]!;
      variance += column * column;
    }
    return Math.sqrt(variance);
  };
}

/** The totals' intervals from `draws` draws (see `clvIntervalRows`). */
function totalIntervals(
  settings: PredictionSettings,
  transaction: LogParameterNormal,
  spendNormal: LogParameterNormal,
  expectedSums: Float64Array,
  byFrequency: Map<number, Float64Array>,
  interval: IntervalSettings,
): Pick<IntervalRows, "total" | "clvReason" | "overflowed"> {
  const draws = interval.draws;
  const k = transaction.names.length;
  const m = spendNormal.names.length;
  const width = 1 + 2 * k;
  const stride = k + m + 2;
  const normals = new Float64Array(draws * stride);
  fillStandardNormal(interval.random, normals);
  const features = new Float64Array(2 * k);
  const totalClv = new Float64Array(draws);
  const totalExpected = new Float64Array(draws);
  const predictedClv = new Float64Array(draws);
  const predictedExpected = new Float64Array(draws);
  let undefinedDraws = 0;
  for (let d = 0; d < draws; d++) {
    for (let j = 0; j < k; j++) {
      features[j] = normals[d * stride + j]!;
      features[k + j] = normals[d * stride + j]! ** 2;
    }
    const { p = 0, q = 0, gamma = 0 } = drawParams(spendNormal, normals, d * stride + k);
    const expected = Math.max(0, evaluate(expectedSums, 0, features, k));
    let clv = 0;
    let variance = 0;
    for (const [x, sums] of byFrequency) {
      const denominator = p * x + q - 1;
      if (!(denominator > 0)) {
        undefinedDraws++;
        break;
      }
      const plain = evaluate(sums, 0, features, k);
      const linear = evaluate(sums, width, features, k);
      const square = evaluate(sums, 2 * width, features, k);
      clv += (p * (gamma * plain + linear)) / denominator;
      variance += (p * p * (gamma * gamma * plain + 2 * gamma * linear + square)) / (denominator * denominator);
    }
    totalExpected[d] = expected;
    totalClv[d] = clv;
    // A realised total is never negative; the normal process term of a small total can be.
    predictedExpected[d] = Math.max(0, expected + Math.sqrt(expected) * normals[d * stride + k + m]!);
    predictedClv[d] = Math.max(0, clv + Math.sqrt(Math.max(0, variance)) * normals[d * stride + k + m + 1]!);
  }
  const clvDefined = undefinedDraws === 0;
  let overflowed = 0;
  /** The bounds of `values`, or `null` (counted) when one is not finite. */
  const finiteBounds = (values: Float64Array): [number, number] | null => {
    const pair = bounds(values, interval.level);
    if (Number.isFinite(pair[0]) && Number.isFinite(pair[1])) return pair;
    overflowed++;
    return null;
  };
  return {
    total: {
      clv: clvDefined ? finiteBounds(totalClv) : null,
      expectedPurchases: finiteBounds(totalExpected),
      predictionClv: clvDefined ? finiteBounds(predictedClv) : null,
      predictionExpectedPurchases: finiteBounds(predictedExpected),
    },
    overflowed,
    clvReason: clvDefined ? null : `expected spend is undefined (p·x + q − 1 ≤ 0) for some customers at ${undefinedDraws} of the ${draws} drawn Gamma-Gamma parameter sets: the total's CLV intervals are null`,
  };
}

import { decimalFromSignificant, type Decimal } from "../../core/money";
import { IssueCollector, RetentionOptionsError } from "../../input/errors";
import { readSummaryRows, type SummaryColumns, type SummaryInput } from "../summaryInput";
import { expectedAverageSpend } from "./gammaGammaPredictions";
import type { GammaGammaModel, TimeUnit, TransactionModel } from "./modelTypes";
import { TRANSACTION_MODELS } from "./modelTypes";
import { predictRows, stepSchedule, type RowPredictions } from "./predictionKernel";
import { nonNegativeResult, readCustomer, readModel } from "./readModel";
import { readOptions } from "../../input/readOptions";
import { printValue } from "../../input/describeValue";
import { predictClvWithIntervals, readIntervalOptions, type ClvIntervalSummary } from "./predictClvIntervals";

/** Options of `predictClv`; every figure is in the transaction model's `timeUnit`. */
export interface PredictClvOptions {
  /** How far ahead, for example 52 for a year of a weekly model. */
  readonly horizon: number;
  /** Discount rate per one time unit (a weekly model wants a weekly rate: (1 + annual)^(1/52.1775) − 1). */
  readonly discountRate: number;
  /** Length of each discounting step; default 1 time unit. */
  readonly step?: number | undefined;
  /**
   * Coverage of intervals from the parameters' uncertainty, in (0, 1), e.g. 0.9: each customer
   * and the total gain low and high bounds (docs/clv.md, "Intervals on CLV"). Without it the
   * result is the point prediction alone.
   */
  readonly interval?: number | undefined;
  /** Parameter draws for the intervals, an integer in [20, 100000]; default 200. */
  readonly draws?: number | undefined;
  /** Seed of the draws' generator (xoshiro128**), an integer in [0, 2³²); default 1. The same seed gives the same intervals. */
  readonly seed?: number | undefined;
  /** A generator of uniform numbers in [0, 1) to draw from instead of the seeded one. */
  readonly random?: (() => number) | undefined;
}

/** One customer's predicted value. */
export interface PredictedClv {
  readonly customerId: string | null;
  /** Σ over steps of discounted incremental expected purchases × expected spend, to 15 significant digits; `null` when spend is undefined (q ≤ 1). */
  readonly clv: Decimal | null;
  /** Expected purchases over the whole horizon (undiscounted). */
  readonly expectedPurchases: number;
  readonly expectedAverageSpend: number | null;
  readonly probabilityAlive: number;
  /** With `interval`: bounds of `clv` from parameter uncertainty; `null` where `clv` is, or the intervals are (see the result's `interval.reason`). */
  readonly clvLow?: Decimal | null;
  readonly clvHigh?: Decimal | null;
  /** With `interval`: bounds of `expectedPurchases` from parameter uncertainty; `null` when the intervals are. */
  readonly expectedPurchasesLow?: number | null;
  readonly expectedPurchasesHigh?: number | null;
}

/** Predicted CLV per customer, with the settings it used. */
export interface PredictClvResult {
  readonly customers: readonly PredictedClv[];
  readonly horizon: number;
  readonly step: number;
  readonly discountRate: number;
  readonly timeUnit: TimeUnit;
  readonly customerCount: number;
  /** With the `interval` option: its settings, the totals and their intervals. */
  readonly interval?: ClvIntervalSummary;
}

function positive(name: string, value: unknown): number {
  if (!(typeof value === "number" && Number.isFinite(value) && value > 0)) throw new RetentionOptionsError(name, `predictClv expects a finite number > 0, found ${printValue(value)}`);
  return value;
}

/**
 * Predicted customer lifetime value over a horizon (Fader, Hardie & Lee 2005, "RFM and CLV"):
 *   CLV = Σ_{k=1..K} [E(Y(τₖ)) − E(Y(τₖ₋₁))] · E(M) / (1+d)^τₖ,  τₖ = min(k·step, horizon),
 * with E(Y) from the transaction model given the customer's history and E(M) from the
 * Gamma-Gamma model. As lifetimes' `customer_lifetime_value`, but with no hidden 30-day
 * month: horizon, step and discount rate are all in the model's time unit, and a summary
 * in a different unit is refused.
 *
 * With `interval` (e.g. 0.9), each customer gains `clvLow`, `clvHigh`, `expectedPurchasesLow`,
 * `expectedPurchasesHigh`, and the result an `interval` block with the totals, their interval
 * and the total's prediction interval: bounds from the parameters' uncertainty (the fits'
 * `covariance`, drawn in log-parameter space with a seeded xoshiro128**; not the randomness of
 * the purchases themselves, which only the prediction interval adds). The point figures are
 * unchanged. docs/clv.md, "Intervals on CLV", gives the method and its limits.
 *
 * @param transactionModel - a fitted BG/NBD, MBG/NBD or Pareto/NBD model
 * @param spendModel - a fitted Gamma-Gamma model
 * @param summaries - a `customerSummary` result, or rows with `monetaryValue` for repeat customers
 * @param options - horizon, discountRate and optional step; `interval`, `draws` (200), `seed` (1) or `random` for intervals
 * @returns per customer CLV, expected purchases, expected spend and P(alive) (and their bounds with `interval`)
 * @throws {RetentionOptionsError} when an option or model is invalid, or the time units differ
 * @throws {RetentionInputError} when a row is invalid or a repeat customer has no monetaryValue
 * @example
 * predictClv(bgNbd, gammaGamma, summary, { horizon: 52, discountRate: 0.0018 }).customers[0]
 * //=> { customerId: "1", clv: Decimal("30.1…"), expectedPurchases: 1.4…, … }
 * predictClv(bgNbd, gammaGamma, summary, { horizon: 52, discountRate: 0.0018, interval: 0.9, seed: 7 }).interval.total
 * //=> { clv: Decimal("72488.4…"), clvLow: Decimal("66…"), clvHigh: Decimal("78…"), prediction: { … }, … } (CDNOW)
 */
export function predictClv(transactionModel: TransactionModel, spendModel: GammaGammaModel, summaries: SummaryInput, options: PredictClvOptions): PredictClvResult {
  options = readOptions(options, "predictClv");
  const settings = readPredictionSettings(transactionModel, spendModel, options);
  const intervalSettings = readIntervalOptions(options);
  const rows = readSummaryRows(summaries, "predictClv");
  if (intervalSettings !== null) return predictClvWithIntervals(settings, rows, intervalSettings);
  // Every row is visited, once and in order, or the call throws: the array is made at its length.
  const customers = new Array<PredictedClv>(rows.count);
  forEachPrediction(settings, rows, (i, clv, expectedPurchases, expectedAverageSpend, probabilityAlive) => {
    customers[i] = { customerId: rows.customerId[i] ?? null, clv: clv === null ? null : decimalFromSignificant(clv), expectedPurchases, expectedAverageSpend, probabilityAlive };
  });
  const { horizon, step, discountRate, model } = settings;
  return { customers, horizon, step, discountRate, timeUnit: model.timeUnit, customerCount: customers.length };
}

/** A prediction's checked models and options. */
export interface PredictionSettings {
  readonly model: TransactionModel;
  readonly spendModel: GammaGammaModel;
  readonly horizon: number;
  readonly step: number;
  readonly discountRate: number;
  readonly steps: number;
}

/** Checks `predictClv`'s models and options. */
export function readPredictionSettings(transactionModel: TransactionModel, spendModel: GammaGammaModel, options: PredictClvOptions): PredictionSettings {
  const model = readModel<TransactionModel>(transactionModel, TRANSACTION_MODELS, "predictClv");
  readModel(spendModel, ["gamma-gamma"], "predictClv");
  const horizon = positive("horizon", options?.horizon);
  const step = options.step === undefined ? 1 : positive("step", options.step);
  const d = options.discountRate;
  if (!(typeof d === "number" && Number.isFinite(d) && d > -1)) throw new RetentionOptionsError("discountRate", `predictClv expects a rate per time unit > −1, found ${printValue(d)}`);
  const steps = Math.ceil(horizon / step - 1e-9);
  if (steps > 100_000) throw new RetentionOptionsError("step", `predictClv would take ${steps} steps; use a larger step`);
  return { model, spendModel, horizon, step, discountRate: d, steps };
}

/** Whether a row is a valid customer history with a usable spend (what `readCustomer` and `expectedAverageSpend` accept). */
function predictable(x: number, tx: number, T: number, monetary: number): boolean {
  return Number.isFinite(x) && x >= 0 && Number.isFinite(tx) && tx >= 0 && Number.isFinite(T) && tx <= T && (x > 0 || tx === 0) && (x === 0 || Number.isFinite(monetary));
}

/** 1 for each row `forEachPrediction` predicts (a valid history, and a mean spend > 0 for a repeat customer). */
export function includedRows(rows: SummaryColumns): Uint8Array {
  const { frequency, recency, T, monetary } = rows;
  const include = new Uint8Array(rows.count);
  for (let i = 0; i < rows.count; i++) {
    const x = frequency[i]!;
    if (x > 0 && !(monetary[i]! > 0)) continue;
    if (predictable(x, recency[i]!, T[i]!, monetary[i]!)) include[i] = 1;
  }
  return include;
}

/**
 * Calls `visit` with each row's prediction (CLV as a number, `null` when spend is undefined),
 * allocating nothing per row: the engine of `predictClv`, for callers that only aggregate.
 * The models and options are checked once (`readPredictionSettings`), the rows once here; the
 * expected purchases come from `predictRows`, which evaluates each step's terms once per
 * distinct (x, T) or interpolates them (docs/clv.md, "How predictClv computes"), unless
 * `computed` gives them (the same call's predictions, as the intervals reuse them).
 *
 * @throws {RetentionOptionsError} when the summary's time unit is not the model's, or a prediction cannot be evaluated
 * @throws {RetentionInputError} when a repeat customer has no mean spend > 0 (after visiting the valid rows)
 */
export function forEachPrediction(
  settings: PredictionSettings,
  rows: SummaryColumns,
  visit: (row: number, clv: number | null, expectedPurchases: number, expectedAverageSpend: number | null, probabilityAlive: number) => void,
  computed?: RowPredictions,
): void {
  const { model, spendModel, horizon, step, discountRate, steps } = settings;
  if (rows.timeUnit !== undefined && rows.timeUnit !== model.timeUnit) {
    throw new RetentionOptionsError("summaries", `the summary is in ${rows.timeUnit}s but the model is in ${model.timeUnit}s; recompute the summary with timeUnit "${model.timeUnit}"`);
  }
  const { frequency, recency, T, monetary } = rows;
  const include = includedRows(rows);
  const predictions = computed ?? predictRows(model, stepSchedule(steps, step, horizon, discountRate), rows, include);
  const { p, q, gamma } = spendModel.params;
  const issues = new IssueCollector();
  for (let i = 0; i < rows.count; i++) {
    const x = frequency[i]!;
    const monetaryValue = monetary[i]!;
    if (x > 0 && !(monetaryValue > 0)) {
      issues.add({ index: i, path: ["summaries", "monetaryValue"], code: "missing_spend", message: "expected a mean repeat spend > 0 for a repeat customer" });
      continue;
    }
    if (include[i] === 0) {
      // Throws what the per-call functions throw for this row (a summary from readSummaryRows never gets here).
      expectedAverageSpend(spendModel, { frequency: x, monetaryValue: x > 0 ? monetaryValue : 0 });
      readCustomer({ frequency: x, recency: recency[i]!, T: T[i]! }, "conditionalExpectedPurchases");
    }
    if (predictions.failed[i] === 1) nonNegativeResult(Number.NaN, "conditionalExpectedPurchases");
    // expectedAverageSpend's formula, FHL 2005 "RFM and CLV" eq. 5 (the model was checked once).
    const denominator = p * x + q - 1;
    const spend = denominator > 0 ? (p * (gamma + (x === 0 ? 0 : x * monetaryValue))) / denominator : null;
    visit(i, spend === null ? null : predictions.value[i]! * spend, predictions.expected[i]!, spend, predictions.alive[i]!);
  }
  issues.throwIfAny();
}

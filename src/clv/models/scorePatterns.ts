import { decimalFromSignificant, Decimal } from "../../core/money";
import { IssueCollector, RetentionOptionsError } from "../../input/errors";
import { printValue } from "../../input/describeValue";
import { readOptions } from "../../input/readOptions";
import { readSummaryRows, type SummaryInput } from "../summaryInput";
import type { GammaGammaModel, TimeUnit, TransactionModel } from "./modelTypes";
import { forEachPrediction, includedRows, readPredictionSettings, type PredictClvOptions } from "./predictClv";
import { predictRows, stepSchedule } from "./predictionKernel";

/** Options of `scorePatterns`: `predictClv`'s, without the intervals. */
export type ScorePatternsOptions = Pick<PredictClvOptions, "horizon" | "discountRate" | "step">;

/** One pattern's scores; every customer of the pattern shares all but the spend. */
export interface ScoredPattern {
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  /** Customers the pattern stands for (its `weight`, 1 for a plain row). */
  readonly customers: number;
  /** The pattern table's whole-day keys (`patternTableFromRows`), `null` for rows without them: `scoreJoin` joins on them. */
  readonly recencyDays: number | null;
  readonly tDays: number | null;
  readonly probabilityAlive: number;
  /** Expected purchases over the horizon (undiscounted). */
  readonly expectedPurchases: number;
  /** Σₖ [E(Y(τₖ)) − E(Y(τₖ₋₁))] / (1+d)^τₖ: the discounted expected purchases, CLV's factor from the transaction model. */
  readonly discountedPurchases: number;
  /** The mean of the pattern's customers' expected spends, from its mean spend; `null` when spend is undefined (q ≤ 1). */
  readonly expectedAverageSpend: number | null;
  /** The mean CLV of the pattern's customers, to 15 significant digits; `null` when spend is undefined. */
  readonly clv: Decimal | null;
  /** The CLV of all its customers (clv × customers), to 15 significant digits. */
  readonly totalClv: Decimal | null;
  /**
   * A customer's expected spend is spendBase + spendPerRepeatValue × (the customer's own repeat
   * value): FHL 2005 eq. 5, p(γ + x z̄)/(px + q − 1), with x z̄ the repeat transactions' total.
   * `null` when px + q − 1 ≤ 0.
   */
  readonly spendBase: number | null;
  readonly spendPerRepeatValue: number | null;
}

/** The scored patterns, with the settings used and the total. */
export interface ScorePatternsResult {
  readonly patterns: readonly ScoredPattern[];
  readonly horizon: number;
  readonly step: number;
  readonly discountRate: number;
  readonly timeUnit: TimeUnit;
  readonly patternCount: number;
  /** Customers in all patterns. */
  readonly customerCount: number;
  /** Σ totalClv; `null` when some pattern's is. */
  readonly totalClv: Decimal | null;
}

/** The time units a model may carry (as summaries do). */
const TIME_UNITS: readonly string[] = ["day", "week", "month", "quarter", "year", "period"];

/** A whole-day key carried by a pattern row, or null. */
function dayKey(row: unknown, key: "recencyDays" | "tDays"): number | null {
  const value = typeof row === "object" && row !== null ? (row as Record<string, unknown>)[key] : undefined;
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

/**
 * Scores each pattern (distinct x, tₓ, T with its count of customers) as `predictClv` scores a
 * customer, with the same kernel and the same options: P(alive), expected purchases over the
 * horizon, the discounted expected purchases, and with the Gamma-Gamma model the expected spend
 * and CLV = Σₖ [E(Y(τₖ)) − E(Y(τₖ₋₁))] · E(M) / (1+d)^τₖ (Fader, Hardie & Lee 2005, "RFM and CLV").
 * The transaction figures are every customer's of the pattern; E(M) is linear in a customer's
 * repeat value (`spendBase` + `spendPerRepeatValue` × it), so the pattern's mean spend gives
 * its customers' mean CLV and `totalClv` their sum exactly, and `scoreJoin` gives each customer
 * their own in the warehouse. The kernel interpolates where many rows share a stretch of T, so
 * a pattern's figures equal `predictClv`'s for its customers to about 1e-11 (not always to the bit).
 *
 * @param transactionModel - a fitted BG/NBD, MBG/NBD or Pareto/NBD model
 * @param spendModel - a fitted Gamma-Gamma model
 * @param patterns - `patternTableFromRows`' table, or summary rows with `weight`
 * @param options - `horizon`, `discountRate` and optional `step`, in the model's time unit
 * @returns one scored row per pattern and the total CLV
 * @throws {RetentionOptionsError} when an option or model is invalid, or the time units differ
 * @throws {RetentionInputError} when a row is invalid, or a repeat pattern has no mean spend > 0
 * @example
 * scorePatterns(bgNbd, gammaGamma, patternTableFromRows(rows, { timeUnit: "week" }), { horizon: 52, discountRate: 0.0018 }).totalClv
 * //=> Decimal("72488.4…") (CDNOW: predictClv's customers summed)
 */
export function scorePatterns(transactionModel: TransactionModel, spendModel: GammaGammaModel, patterns: SummaryInput, options: ScorePatternsOptions): ScorePatternsResult {
  const read = readOptions(options, "scorePatterns") as PredictClvOptions;
  for (const key of ["interval", "draws", "seed", "random"] as const) {
    if (read[key] !== undefined) throw new RetentionOptionsError(key, "scorePatterns gives point scores; for intervals use predictClv on per-customer rows");
  }
  const settings = readPredictionSettings(transactionModel, spendModel, read);
  if (!TIME_UNITS.includes(settings.model.timeUnit)) {
    throw new RetentionOptionsError("model", `scorePatterns: expected the model's timeUnit to be one of ${TIME_UNITS.join(", ")}, found ${printValue(settings.model.timeUnit)}`);
  }
  const rows = readSummaryRows(patterns, "scorePatterns");
  const source: readonly unknown[] = Array.isArray(patterns) ? patterns : (patterns as { customers: readonly unknown[] }).customers;
  const { model, horizon, step, discountRate, steps } = settings;
  const predictions = predictRows(model, stepSchedule(steps, step, horizon, discountRate), rows, includedRows(rows));
  const { p, q, gamma } = spendModel.params;
  const scored: ScoredPattern[] = [];
  let customerCount = 0;
  let total: Decimal | null = new Decimal(0);
  const overflows = new IssueCollector();
  forEachPrediction(
    settings,
    rows,
    (i, clv, expectedPurchases, expectedAverageSpend, probabilityAlive) => {
      const customers = rows.weight[i]!;
      // Extreme parameters or spends overflow E(M) or the pattern's total: a typed error, never NaN or Infinity.
      if (!(expectedAverageSpend === null || Number.isFinite(expectedAverageSpend)) || !(clv === null || Number.isFinite(clv * customers))) {
        overflows.add({ index: i, path: ["summaries", Number.isFinite(expectedAverageSpend) ? "weight" : "monetaryValue"], code: "not_finite", message: "the pattern's expected spend or total CLV is beyond the largest double with this spend model" });
        return;
      }
      const denominator = p * rows.frequency[i]! + q - 1;
      const totalClv = clv === null ? null : decimalFromSignificant(clv * customers);
      total = total === null || totalClv === null ? null : total.plus(totalClv);
      customerCount += customers;
      scored.push({
        frequency: rows.frequency[i]!,
        recency: rows.recency[i]!,
        T: rows.T[i]!,
        customers,
        recencyDays: dayKey(source[i], "recencyDays"),
        tDays: dayKey(source[i], "tDays"),
        probabilityAlive,
        expectedPurchases,
        discountedPurchases: predictions.value[i]!,
        expectedAverageSpend,
        clv: clv === null ? null : decimalFromSignificant(clv),
        totalClv,
        spendBase: denominator > 0 ? (p * gamma) / denominator : null,
        spendPerRepeatValue: denominator > 0 ? p / denominator : null,
      });
    },
    predictions,
  );
  overflows.throwIfAny();
  return { patterns: scored, horizon, step, discountRate, timeUnit: model.timeUnit, patternCount: scored.length, customerCount, totalClv: total };
}

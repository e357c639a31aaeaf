import { decimalFromSignificant, type Decimal } from "../../core/money";
import { RetentionOptionsError } from "../../input/errors";
import { printValue } from "../../input/describeValue";
import type { SummaryColumns } from "../summaryInput";
import { clvIntervalRows, type IntervalSettings } from "./clvIntervals";
import { forEachPrediction, includedRows, type PredictClvOptions, type PredictClvResult, type PredictedClv, type PredictionSettings } from "./predictClv";
import { kernelScratch, predictRows, rowPredictions, stepSchedule } from "./predictionKernel";
import { seededRandom, type UniformSource } from "./seededRandom";

/** Bounds of a total: parameter uncertainty alone (`clvLow` … ), and the prediction interval that adds process variance. */
export interface ClvTotalInterval {
  /** Σ of the customers' CLV (`null` when a customer's is); Σ of their expected purchases. */
  readonly clv: Decimal | null;
  readonly expectedPurchases: number;
  /** The interval on the expected total from parameter uncertainty; `null` when the intervals are (see `reason`). */
  readonly clvLow: Decimal | null;
  readonly clvHigh: Decimal | null;
  readonly expectedPurchasesLow: number | null;
  readonly expectedPurchasesHigh: number | null;
  /**
   * The prediction interval on the realised total: parameter uncertainty plus the Poisson-type
   * process variance of the customers' purchases (docs/clv.md, "Intervals on CLV").
   */
  readonly prediction: {
    readonly clvLow: Decimal | null;
    readonly clvHigh: Decimal | null;
    readonly expectedPurchasesLow: number | null;
    readonly expectedPurchasesHigh: number | null;
  };
}

/** `predictClv`'s `interval` block: the settings used, the totals, and why any interval is `null`. */
export interface ClvIntervalSummary {
  /** The coverage asked for, e.g. 0.9. */
  readonly level: number;
  readonly draws: number;
  /** The generator's seed; `null` when the caller passed its own `random`. */
  readonly seed: number | null;
  /** How the draws were evaluated: the transaction model by its second-order expansion along the covariance's axes, the spend model exactly. */
  readonly method: "log-normal parameter draws";
  readonly total: ClvTotalInterval;
  /** Why intervals are `null` (no covariance, or spend undefined at some draw); `null` when all are given. */
  readonly reason: string | null;
}

/** The checked `interval`, `draws` and generator; `null` without `interval`. */
export function readIntervalOptions(options: PredictClvOptions): (IntervalSettings & { readonly seed: number | null }) | null {
  const level = options.interval;
  if (level === undefined) {
    for (const name of ["draws", "seed", "random"] as const) {
      if (options[name] !== undefined) throw new RetentionOptionsError(name, `predictClv uses ${name} only with the interval option (e.g. interval: 0.9)`);
    }
    return null;
  }
  if (!(typeof level === "number" && level > 0 && level < 1)) throw new RetentionOptionsError("interval", `predictClv expects a coverage in (0, 1) such as 0.9, found ${printValue(level)}`);
  const draws = options.draws ?? 200;
  if (!(Number.isInteger(draws) && draws >= 20 && draws <= 100_000)) throw new RetentionOptionsError("draws", `predictClv expects an integer number of draws in [20, 100000], found ${printValue(draws)}`);
  const seed = options.seed ?? 1;
  if (!(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32)) throw new RetentionOptionsError("seed", `predictClv expects an integer seed in [0, 2³²), found ${printValue(seed)}`);
  const given = options.random;
  if (given !== undefined && typeof given !== "function") throw new RetentionOptionsError("random", `predictClv expects a function returning numbers in [0, 1), found ${printValue(given)}`);
  if (given !== undefined && options.seed !== undefined) throw new RetentionOptionsError("seed", "predictClv takes a seed or a random generator, not both");
  const random: UniformSource =
    given === undefined
      ? seededRandom(seed)
      : () => {
          const u = given();
          if (!(typeof u === "number" && u >= 0 && u < 1)) throw new RetentionOptionsError("random", `expected the generator to return numbers in [0, 1), found ${printValue(u)}`);
          return u;
        };
  return { level, draws, random, seed: given === undefined ? seed : null };
}

const money = (value: number): Decimal | null => (Number.isNaN(value) ? null : decimalFromSignificant(value));
const count = (value: number): number | null => (Number.isNaN(value) ? null : value);

/**
 * `predictClv` with intervals: the point prediction as without them (same fields, same values),
 * each customer with `clvLow`, `clvHigh`, `expectedPurchasesLow`, `expectedPurchasesHigh`, and
 * the `interval` block with the totals (see `clvIntervalRows` for the method).
 */
export function predictClvWithIntervals(settings: PredictionSettings, rows: SummaryColumns, interval: IntervalSettings & { readonly seed: number | null }): PredictClvResult {
  const include = includedRows(rows);
  // The interval's runs work in the center run's arrays.
  const scratch = kernelScratch(rows.count);
  const center = predictRows(settings.model, stepSchedule(settings.steps, settings.step, settings.horizon, settings.discountRate), rows, include, { scratch, into: rowPredictions(rows.count) });
  const bounds = clvIntervalRows(settings, rows, include, center, { ...interval, scratch });
  const intervals = typeof bounds === "string" ? null : bounds;
  const customers: PredictedClv[] = [];
  let totalClv = 0;
  let clvDefined = true;
  let totalExpected = 0;
  forEachPrediction(settings, rows, (i, clv, expectedPurchases, expectedAverageSpend, probabilityAlive) => {
    if (clv === null) clvDefined = false;
    else totalClv += clv;
    totalExpected += expectedPurchases;
    customers.push({
      customerId: rows.customerId[i] ?? null,
      clv: clv === null ? null : decimalFromSignificant(clv),
      expectedPurchases,
      expectedAverageSpend,
      probabilityAlive,
      clvLow: intervals === null || clv === null ? null : money(intervals.clvLow[i]!),
      clvHigh: intervals === null || clv === null ? null : money(intervals.clvHigh[i]!),
      expectedPurchasesLow: intervals === null ? null : count(intervals.expectedLow[i]!),
      expectedPurchasesHigh: intervals === null ? null : count(intervals.expectedHigh[i]!),
    });
  }, center);
  const total = intervals?.total;
  const clvBounds = clvDefined ? (total?.clv ?? null) : null;
  const predictionClv = clvDefined ? (total?.predictionClv ?? null) : null;
  const overflow = intervals === null || intervals.overflowed === 0 ? null : `${intervals.overflowed} bounds are null: the parameters' uncertainty is so wide there that the bound is not a finite number`;
  const reason = typeof bounds === "string" ? bounds : !clvDefined ? "the point CLV is undefined for some customers (expected spend needs q > 1): the total's CLV intervals are null" : [bounds.clvReason, overflow].filter((why) => why !== null).join("; ") || null;
  const { horizon, step, discountRate, model } = settings;
  return {
    customers,
    horizon,
    step,
    discountRate,
    timeUnit: model.timeUnit,
    customerCount: customers.length,
    interval: {
      level: interval.level,
      draws: interval.draws,
      seed: interval.seed,
      method: "log-normal parameter draws",
      total: {
        clv: clvDefined ? decimalFromSignificant(totalClv) : null,
        expectedPurchases: totalExpected,
        clvLow: clvBounds === null ? null : decimalFromSignificant(clvBounds[0]),
        clvHigh: clvBounds === null ? null : decimalFromSignificant(clvBounds[1]),
        expectedPurchasesLow: total?.expectedPurchases?.[0] ?? null,
        expectedPurchasesHigh: total?.expectedPurchases?.[1] ?? null,
        prediction: {
          clvLow: predictionClv === null ? null : decimalFromSignificant(predictionClv[0]),
          clvHigh: predictionClv === null ? null : decimalFromSignificant(predictionClv[1]),
          expectedPurchasesLow: total?.predictionExpectedPurchases?.[0] ?? null,
          expectedPurchasesHigh: total?.predictionExpectedPurchases?.[1] ?? null,
        },
      },
      reason,
    },
  };
}

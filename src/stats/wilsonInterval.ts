import { readOptions } from "../input/readOptions";
import { normalQuantile } from "../core/special/normalQuantile";
import { readConfidence } from "../nps/npsFromCounts";
import { readProportion, type ProportionInput, type ProportionKind } from "./readProportion";
import { wilsonBounds } from "./wilsonBounds";

/** Options of `wilsonInterval`. */
export interface WilsonIntervalOptions {
  /** Confidence level, in (0, 0.999999]; default 0.95. */
  readonly confidence?: number | undefined;
}

/** A proportion with its Wilson score interval. */
export interface WilsonInterval {
  readonly kind: ProportionKind;
  readonly successes: number;
  readonly trials: number;
  /** successes ÷ trials; `null` without trials. */
  readonly rate: number | null;
  /** [lower, upper] within [0, 1], holding `rate`; `null` without trials. */
  readonly interval: readonly [number, number] | null;
  readonly confidence: number;
}

/**
 * The Wilson score interval of a proportion (Wilson 1927): the set of p whose score test the
 * observed x of n does not reject,
 *
 *   (x + z²/2 ∓ z·√(x(n − x)/n + z²/4)) ÷ (n + z²),
 *
 * with z the normal quantile of 1 − (1 − confidence)/2. Unlike the Wald interval p ± z·√(p(1 − p)/n)
 * it stays inside [0, 1] and is not empty at 0% or 100%; it is method 3 of Newcombe (1998),
 * whose Table I it reproduces, and R's `prop.test(x, n, correct = FALSE)$conf.int`.
 *
 * @param proportion - a `retentionRate`, `churnRate` or `repeatPurchaseRate` result, or `{ successes, trials }`
 * @param options - `confidence` (default 0.95)
 * @returns the counts, the rate and its interval (`null` without trials)
 * @throws {RetentionInputError} when the input is no rate result or its counts are not whole numbers with successes ≤ trials
 * @throws {RetentionOptionsError} when `confidence` is not in (0, 0.999999]
 * @example
 * wilsonInterval({ successes: 81, trials: 263 })
 * //=> { kind: "proportion", successes: 81, trials: 263, rate: 0.3079…, interval: [0.2553…, 0.3662…], confidence: 0.95 }
 */
export function wilsonInterval(proportion: ProportionInput, options: WilsonIntervalOptions = {}): WilsonInterval {
  const { kind, successes, trials } = readProportion(proportion, "proportion", "wilsonInterval");
  const confidence = readConfidence(readOptions(options, "wilsonInterval").confidence);
  if (trials === 0) return { kind, successes, trials, rate: null, interval: null, confidence };
  const z = normalQuantile(1 - (1 - confidence) / 2);
  return { kind, successes, trials, rate: successes / trials, interval: wilsonBounds(successes, trials, z), confidence };
}

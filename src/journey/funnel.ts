import { readRange } from "../core/period";
import { describeValue } from "../input/describeValue";
import { RetentionOptionsError } from "../input/errors";
import { readOptions } from "../input/readOptions";
import { toLedger, type MetricInput } from "../input/toLedger";
import { funnelCounts } from "./funnelCounts";
import { FunnelMatcher } from "./funnelMatcher";
import { scanFunnel } from "./funnelScan";
import { funnelSegments } from "./funnelSegments";
import { readFunnelSteps } from "./funnelSteps";
import type { FunnelOptions, FunnelResult } from "./funnelTypes";
import { windowEnd } from "./funnelWindow";

/**
 * An ordered, first-touch conversion funnel over customers' events and orders, as the
 * ordered funnels of Amplitude and PostHog count unique users (docs/journey.md compares them).
 *
 * A customer enters at their first step-1 occurrence with `start ≤ t < end`. They reach step
 * k+1 at the first occurrence of it at or after their step-k time and before
 * entry + `within` (half-open; no limit by default). Each occurrence fills one step; rows at
 * the same instant fill as many steps as they can, in any row order. A customer enters once:
 * a later step-1 occurrence does not restart the funnel. Later steps may fall after `end`.
 * Steps: an event type, `"order"` (any order; refunds are not orders), `"order:N"` (the
 * customer's Nth order over their whole history), or `{ type, where?, label? }`.
 *
 * Per step: customers, conversionFromPrevious = customers(k) ÷ customers(k−1),
 * conversionFromStart = customers(k) ÷ customers(1), dropped = customers(k−1) − customers(k),
 * medianTimeFromPrevious (ms). overallConversion = customers(K) ÷ customers(1).
 *
 * @param input - `{ events, purchases }`, purchases alone, or a prepared `Ledger`
 * @param options - `steps`, and optional `within`, `start`, `end` and `by`
 * @returns the steps' figures, the counts behind them, and one funnel per segment with `by`
 * @throws {RetentionInputError} when a row is invalid
 * @throws {RetentionOptionsError} on no steps, more than 32, an unknown step form, `order:0`,
 *   a window that is not positive, `start` not before `end`, or a `by` that is neither field nor function
 * @example
 * funnel({ events: [{ customerId: "a", at: "2024-01-01", type: "signup" },
 *                   { customerId: "b", at: "2024-01-02", type: "signup" }],
 *          purchases: [{ customerId: "a", at: "2024-01-03", amount: "20" }] },
 *        { steps: ["signup", "order"], within: { days: 7 } })
 * //=> { entered: 2, converted: 1, overallConversion: 0.5,
 * //     steps: [{ index: 1, step: "signup", customers: 2, conversionFromPrevious: 1, ... },
 * //             { index: 2, step: "order", customers: 1, conversionFromPrevious: 0.5, medianTimeFromPrevious: 172800000, dropped: 1, ... }], ... }
 */
export function funnel(input: MetricInput, options: FunnelOptions): FunnelResult {
  options = readOptions(options, "funnel");
  if (options.steps === undefined) throw new RetentionOptionsError("steps", "funnel needs { steps }, an array such as [\"signup\", \"order\", \"order:2\"]");
  const specs = readFunnelSteps(options.steps);
  const deadline = windowEnd(options.within, "within");
  const { start, end, range } = readRange(options);
  const by = options.by;
  if (by !== undefined && by !== "type" && by !== "customerId" && typeof by !== "function") {
    throw new RetentionOptionsError("by", `expected "type", "customerId" or a function of the entering occurrence, found ${describeValue(by)}`);
  }
  const ledger = toLedger(input);
  const matcher = new FunnelMatcher(ledger, specs);
  const scan = scanFunnel(ledger, matcher, specs.length, start, end, deadline);
  const [counts] = funnelCounts(scan, specs, matcher.unmatchable, null, 1);
  return {
    ...counts!,
    within: options.within ?? null,
    range,
    bySegment: by === undefined ? null : funnelSegments(scan, specs, matcher, by),
  };
}

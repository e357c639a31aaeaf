import type { Range } from "../core/period";
import type { DateInput, DurationInput } from "../core/time";

/**
 * One occurrence a funnel step can match, as `where` and `by` see it: a frozen object made only
 * for steps that have a `where` and for the entering occurrence when `by` is a function.
 * Events carry `customerId`, `type` and `at`; orders also carry `orderNumber` (1 for the
 * customer's first order over all their history) and `orderId` (`null` when the row has none).
 */
export interface FunnelOccurrence {
  readonly customerId: string;
  /** The event type, or `"order"` for an order. */
  readonly type: string;
  readonly at: Date;
  /** The customer's order number (1, 2, ...) for an order; `null` for an event. */
  readonly orderNumber: number | null;
  /** The order's `orderId`; `null` for an event or an order without one. */
  readonly orderId: string | null;
}

/** A step with a filter: `type` is a step string (`"signup"`, `"order"`, `"order:2"`), `where` keeps the occurrences it returns `true` for. */
export interface FunnelStepPredicate {
  readonly type: string;
  readonly where?: ((occurrence: FunnelOccurrence) => boolean) | undefined;
  /** The step's name in the result; default `type`, with ` (where)` when `where` is given. */
  readonly label?: string | undefined;
}

/** A funnel step: an event type, `"order"` (any order), `"order:N"` (the customer's Nth order), or a predicate. */
export type FunnelStep = string | FunnelStepPredicate;

/** What `by` may be: a field of the entering occurrence, or a function of it returning the segment (`null`: no segment). */
export type FunnelSegmentKey = "type" | "customerId" | ((entering: FunnelOccurrence) => string | null | undefined);

/** Options of `funnel`. */
export interface FunnelOptions {
  /** The ordered steps, 1 to 32 of them. */
  readonly steps: readonly FunnelStep[];
  /** Conversion window from entering: a `Duration` or milliseconds (> 0). Default: no limit. */
  readonly within?: DurationInput | undefined;
  /** Customers enter at their first step-1 occurrence in `[start, end)`; open bounds by default. */
  readonly start?: DateInput | undefined;
  readonly end?: DateInput | undefined;
  /** One funnel per segment of the entering occurrence. */
  readonly by?: FunnelSegmentKey | undefined;
}

/** One step of a funnel result. */
export interface FunnelStepResult {
  /** 1-based position. */
  readonly index: number;
  /** The step as given (`"signup"`, `"order:2"`) or its predicate's label. */
  readonly step: string;
  /** Customers who reached this step. */
  readonly customers: number;
  /** customers ÷ the previous step's customers (1 for step 1); `null` when the previous step has none. */
  readonly conversionFromPrevious: number | null;
  /** customers ÷ step 1's customers; `null` when nobody entered. */
  readonly conversionFromStart: number | null;
  /** Median milliseconds from the previous step's time to this one's over the customers who reached it; `null` for step 1 or when nobody reached it. */
  readonly medianTimeFromPrevious: number | null;
  /** Previous step's customers − this step's (0 for step 1). */
  readonly dropped: number;
  /** Why a figure is `null`, or that no row of the data can match the step; otherwise `null`. */
  readonly reason: string | null;
}

/** The counts of one funnel (the whole population, or one segment). */
export interface FunnelCounts {
  readonly steps: readonly FunnelStepResult[];
  /** Customers who entered (step 1). */
  readonly entered: number;
  /** Customers who reached the last step. */
  readonly converted: number;
  /** converted ÷ entered; `null` when nobody entered. */
  readonly overallConversion: number | null;
}

/** The funnel of one segment; `key` is `null` for customers whose key is missing. */
export interface FunnelSegment extends FunnelCounts {
  readonly key: string | null;
}

/** A funnel over every customer, with one funnel per segment when `by` was given. */
export interface FunnelResult extends FunnelCounts {
  /** The window as given, or `null` for no limit. */
  readonly within: DurationInput | null;
  readonly range: Range;
  /** One funnel per segment, sorted by key with `null` last; `null` when `by` was not given. */
  readonly bySegment: readonly FunnelSegment[] | null;
}

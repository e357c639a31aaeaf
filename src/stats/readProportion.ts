import { describeValue, isPlainObject } from "../input/describeValue";
import { shapeError } from "../input/errors";

/** What a proportion counts: the result it was read from, or `proportion` for `{ successes, trials }`. */
export type ProportionKind = "retention" | "churn" | "repeatPurchase" | "conversion" | "proportion";

/** A proportion as counts: `successes` of `trials`, both whole numbers, 0 ≤ successes ≤ trials. */
export interface ProportionCounts {
  readonly successes: number;
  readonly trials: number;
}

/** Anything `compareRates` and `wilsonInterval` read: a result of a rate function, or counts. */
export type ProportionInput =
  | ProportionCounts
  | { readonly retainedCount: number; readonly startCount: number; readonly churnRate: number | null }
  | { readonly lostCount: number; readonly startCount: number; readonly retentionRate: number | null }
  | { readonly repeatCustomers: number; readonly customers: number }
  | { readonly converted: number; readonly entered: number; readonly overallConversion: number | null };

/** A proportion read from its input, with what it counts. */
export interface ReadProportion extends ProportionCounts {
  readonly kind: ProportionKind;
}

/** How one kind of result is recognised and which of its counts are successes and trials. */
interface ProportionReader {
  readonly kind: ProportionKind;
  /** Field names that mark the result (all present). */
  readonly marks: readonly string[];
  readonly successes: string;
  readonly trials: string;
}

/*
 * The results a proportion is read from, tried in order. A new rate function adds a line here
 * (and a member to `ProportionKind`/`ProportionInput`). `churnRate` results carry `retentionRate`
 * and `retentionRate` results carry `churnRate`: that is how the two are told apart, since both
 * hold `rate`, `startCount` and the retained and lost counts.
 */
const READERS: readonly ProportionReader[] = [
  { kind: "proportion", marks: ["successes", "trials"], successes: "successes", trials: "trials" },
  { kind: "churn", marks: ["lostCount", "startCount", "retentionRate"], successes: "lostCount", trials: "startCount" },
  { kind: "retention", marks: ["retainedCount", "startCount"], successes: "retainedCount", trials: "startCount" },
  { kind: "repeatPurchase", marks: ["repeatCustomers", "customers"], successes: "repeatCustomers", trials: "customers" },
  { kind: "conversion", marks: ["converted", "entered", "overallConversion"], successes: "converted", trials: "entered" },
];

const EXPECTED = "a retentionRate, churnRate, repeatPurchaseRate or funnel result (or one of a funnel's segments), or { successes, trials }";

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * Reads one side of a comparison as counts, naming the side (`a`, `b`) in the error.
 *
 * @throws {RetentionInputError} when the value is no known result, or its counts are not whole
 *   numbers with 0 ≤ successes ≤ trials
 * @example
 * readProportion({ successes: 3, trials: 4 }, "a", "compareRates") //=> { kind: "proportion", successes: 3, trials: 4 }
 * readProportion({ rate: 0.5, repeatCustomers: 1, customers: 2 }, "b", "compareRates") //=> { kind: "repeatPurchase", successes: 1, trials: 2 }
 */
export function readProportion(value: unknown, side: string, functionName: string): ReadProportion {
  if (!isPlainObject(value)) throw shapeError([side], "invalid_type", `${functionName} expects ${EXPECTED}, found ${describeValue(value)}`);
  const reader = READERS.find((r) => r.marks.every((mark) => mark in value));
  if (reader === undefined) throw shapeError([side], "invalid_type", `${functionName} expects ${EXPECTED}, found ${describeValue(value)}`);
  const successes = value[reader.successes];
  const trials = value[reader.trials];
  if (!isCount(trials)) throw shapeError([side, reader.trials], "invalid_count", `expected a whole number ≥ 0, found ${describeValue(trials)}`);
  if (!isCount(successes) || successes > trials) {
    throw shapeError([side, reader.successes], "invalid_count", `expected a whole number from 0 to ${reader.trials} (${trials}), found ${describeValue(successes)}`);
  }
  return { kind: reader.kind, successes, trials };
}

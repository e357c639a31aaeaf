import type { Decimal, MoneyInput } from "../core/money";
import { dateOption, windowStart, type Period } from "../core/period";
import { lowerBound } from "../core/search";
import { subtractDuration, type DateInput, type DurationInput } from "../core/time";
import { decimalOption } from "../clv/readMoneyOption";
import { classifyColumns, type ClassifiedColumns } from "../defection/classifiedColumns";
import { readDefectionOptions } from "../defection/options";
import type { DefectionStatus, DefectionThresholds } from "../defection/types";
import { RetentionOptionsError } from "../input/errors";
import type { Ledger } from "../input/ledger";
import { readOptions } from "../input/readOptions";
import { SURVEY_KINDS, type SurveyKind } from "../input/surveyKinds";
import { toLedger, type MetricInput } from "../input/toLedger";
import { readClvOption, type ClvEstimates } from "./clvOption";
import { latestAnswers } from "./latestAnswers";
import { valuesAtStake } from "./valueAtStake";
import { isUnhappy } from "./unhappyAnswer";
import { DAY_MS } from "../defection/gaps";

/** The window `followUps` reads when `within` is not given: the 90 days before `asOf`. */
export const DEFAULT_FOLLOW_UP_WINDOW = { days: 90 } as const;
const STATUS_NAMES: readonly DefectionStatus[] = ["active", "at_risk", "defected"];

/** Options of `followUps`. */
export interface FollowUpsOptions {
  /** The moment of the list: answers before it count, and days are counted up to it. */
  readonly asOf: DateInput;
  /** How far back an answer may be: answers in `[asOf − within, asOf)` count. A `Duration` (UTC) or ms; default `{ days: 90 }`. */
  readonly within?: DurationInput | undefined;
  /** Leave out customers whose value at stake is below this amount (default: nobody is left out). */
  readonly minValue?: MoneyInput | undefined;
  /** Predicted CLV per customer: a `Map` of id → amount, or a `predictClv` result. */
  readonly clv?: ClvEstimates | undefined;
  /** Thresholds of the defection rules (see `classifyDefections`); default `DEFAULT_DEFECTION_THRESHOLDS`. */
  readonly thresholds?: DefectionThresholds | undefined;
}

/** One customer to call back. */
export interface FollowUp {
  readonly customerId: string;
  /** The customer's latest answer in the window: unhappy by definition. */
  readonly answer: { readonly kind: SurveyKind; readonly score: number; readonly at: Date };
  /** Whole days from the answer to `asOf` (rounded down). */
  readonly daysSince: number;
  /** Net revenue (refunds included) in the 12 calendar months `[asOf − 12 months, asOf)`. */
  readonly trailingRevenue: Decimal;
  /** The customer's predicted CLV from the `clv` option; `null` when none is given for them. */
  readonly predictedClv: Decimal | null;
  /** What the list is ordered by: `predictedClv` when there is one, else `trailingRevenue`. */
  readonly valueAtStake: Decimal;
  readonly valueBasis: "predictedClv" | "trailingRevenue";
  /** True when the customer opened an order after the answer and before `asOf`. */
  readonly orderedSince: boolean;
  /** `classifyDefections` status at `asOf`; `null` for a customer with no order or event by then. */
  readonly defectionStatus: DefectionStatus | null;
}

/** The follow-up list and the counts behind it. */
export interface FollowUpList {
  readonly asOf: Date;
  /** `[asOf − within, asOf)`: the answers read. */
  readonly window: Period;
  /** Unhappy customers by value at stake, highest first (ties by customer id). */
  readonly entries: readonly FollowUp[];
  /** Customers with at least one answer in the window. */
  readonly customersAnswered: number;
  /** Of those, customers whose latest answer is unhappy (before `minValue`). */
  readonly unhappyCustomers: number;
  /** Unhappy customers left out because their value at stake is below `minValue`. */
  readonly belowMinValue: number;
  /** Answers in the window without a `customerId`: nobody to call back, so not listed. */
  readonly anonymousAnswers: number;
  readonly minValue: Decimal | null;
  /** Why the list is empty when there was nobody to consider ("no survey answers with a customer in the window"), else `null`. */
  readonly reason: string | null;
}

/**
 * Who to call back first: every customer whose latest survey answer in `[asOf − within, asOf)`
 * is unhappy (an NPS detractor 0–6, a CSAT of 1–2, a CES of 1–3), with what they said, how long
 * ago, what they are worth, whether they have ordered since and whether `classifyDefections`
 * already has them at risk or defected.
 *
 * Value at stake = the customer's predicted CLV when the `clv` option gives one, else their net
 * revenue over the trailing 12 months; entries are ordered by it, highest first, ties by
 * customer id (UTF-16 order). Closing the loop on detractors by a call or letter is the practice
 * of Reichheld (2006), "The Ultimate Question"; see docs/surveys.md for every decision.
 *
 * @param input - `{ purchases, events, surveys }` or a prepared `Ledger` with surveys
 * @param options - `asOf`, optional `within`, `minValue`, `clv` and defection `thresholds`
 * @returns the list and its counts; no answers in the window gives `entries: []` with a `reason`
 * @throws {RetentionInputError} when a row is invalid
 * @throws {RetentionOptionsError} when `asOf` is missing, `within` is not a positive duration, or `minValue`, `clv` or a threshold is malformed
 * @example
 * followUps({
 *   purchases: [{ customerId: "a", at: "2024-01-10", amount: "120" }, { customerId: "b", at: "2024-01-12", amount: "40" }],
 *   surveys: [{ customerId: "a", at: "2024-02-01", score: 3 }, { customerId: "b", at: "2024-02-02", score: 2, kind: "csat" }],
 * }, { asOf: "2024-03-01" }).entries.map((e) => [e.customerId, e.valueAtStake.toString()])
 * //=> [["a", "120"], ["b", "40"]]
 */
export function followUps(input: MetricInput, options: FollowUpsOptions): FollowUpList {
  options = readOptions(options, "followUps");
  if (options.asOf === undefined) throw new RetentionOptionsError("asOf", "followUps needs { asOf }");
  const asOf = dateOption("asOf", options.asOf);
  const from = windowStart(asOf, options.within ?? DEFAULT_FOLLOW_UP_WINDOW, "within");
  const minValue = options.minValue === undefined ? null : decimalOption("minValue", options.minValue);
  const clv = readClvOption(options.clv);
  const defection = readDefectionOptions({ asOf, thresholds: options.thresholds }, "followUps");
  const ledger = toLedger(input);
  return followUpsOf(ledger, { asOf, from, minValue, clv }, () => classifyColumns(ledger, defection));
}

/**
 * `followUps` on options already read, with the defection columns from `classified` (read only
 * when someone is listed); only the first `keep` entries are built (the report's top list).
 */
export function followUpsOf(
  ledger: Ledger,
  { asOf, from, minValue, clv }: { asOf: number; from: number; minValue: Decimal | null; clv: ReadonlyMap<string, Decimal> | null },
  classified: () => ClassifiedColumns,
  keep = Number.POSITIVE_INFINITY,
): FollowUpList {
  const { surveys } = ledger;
  const { ids, rowOf, anonymous } = latestAnswers(surveys, from, asOf);
  const unhappy: number[] = [];
  for (let s = 0; s < ids.length; s++) if (isUnhappy(surveys.kind[rowOf[s]!]!, surveys.score[rowOf[s]!]!)) unhappy.push(s);
  const counts = { asOf: new Date(asOf), window: { start: new Date(from), end: new Date(asOf) }, customersAnswered: ids.length, unhappyCustomers: unhappy.length, anonymousAnswers: anonymous, minValue };
  if (unhappy.length === 0) {
    const reason = ids.length === 0 ? "no survey answers with a customer in the window" : null;
    return { ...counts, entries: [], belowMinValue: 0, reason };
  }

  const customers = unhappy.map((s) => ledger.customerIndex.get(ids[s]!) ?? -1);
  const stakes = valuesAtStake(ledger, unhappy.map((s) => ids[s]!), customers, subtractDuration(asOf, { months: 12 }), asOf, clv, minValue);
  const lastOrder = lastOrderAt(ledger, from, asOf);
  const status = classified();
  const entries = stakes.kept.slice(0, keep).map((i): FollowUp => {
    const k = rowOf[unhappy[i]!]!;
    const c = customers[i]!;
    const at = surveys.at[k]!;
    const predictedClv = stakes.clvOf[i]!;
    const trailingRevenue = stakes.trailingOf(i);
    return {
      customerId: ids[unhappy[i]!]!,
      answer: { kind: SURVEY_KINDS[surveys.kind[k]!]!, score: surveys.score[k]!, at: new Date(at) },
      daysSince: Math.floor((asOf - at) / DAY_MS),
      trailingRevenue,
      predictedClv,
      valueAtStake: predictedClv ?? trailingRevenue,
      valueBasis: predictedClv === null ? "trailingRevenue" : "predictedClv",
      orderedSince: c >= 0 && lastOrder[c]! > at,
      defectionStatus: c >= 0 && status.classified[c] === 1 ? STATUS_NAMES[status.status[c]!]! : null,
    };
  });
  return { ...counts, entries, belowMinValue: unhappy.length - stakes.kept.length, reason: null };
}

/** Each customer's last order start in `[from, to)` (epoch ms), −Infinity when none. */
function lastOrderAt(ledger: Ledger, from: number, to: number): Float64Array {
  const { purchases } = ledger;
  const last = new Float64Array(ledger.customerIds.length).fill(Number.NEGATIVE_INFINITY);
  const end = lowerBound(purchases.at, to);
  for (let k = lowerBound(purchases.at, from); k < end; k++) if (purchases.orderStart[k] === 1) last[purchases.customer[k]!] = purchases.at[k]!;
  return last;
}

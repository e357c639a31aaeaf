import { integerOption } from "../input/optionReaders";
import { unitsToDecimal, type Decimal } from "../core/money";
import { dateOption } from "../core/period";
import type { DateInput } from "../core/time";
import { RetentionOptionsError } from "../input/errors";
import { toLedger, type MetricInput } from "../input/toLedger";
import { customerTotals, type CustomerTotals } from "./customerTotals";
import { rankScores } from "./rankScores";
import { segmentTable, type RfmSegmentRule } from "./rfmSegmentMap";
import { readOptions } from "../input/readOptions";

const DAY_MS = 86_400_000;

/** Options of `rfmScores`. */
export interface RfmScoresOptions {
  /** The instant the scores are taken at; rows after it are ignored. */
  readonly asOf: DateInput;
  /** Number of score levels, an integer from 2 to 9 (so `score` stays three digits). Default 5. */
  readonly bins?: number | undefined;
  /** A custom segment map on the raw scores, tried in order; default: `DEFAULT_RFM_SEGMENTS` (see docs/segments.md). */
  readonly segments?: readonly RfmSegmentRule[] | undefined;
  /** The segment of customers no custom rule matches. Default `"Other"`. */
  readonly otherSegment?: string | undefined;
}

/** One customer's RFM values, scores and segment. */
export interface RfmScore {
  readonly customerId: string;
  /** RFM recency: days (fractional) from the last order to `asOf`, not the BTYD "recency" (first to last order). */
  readonly recencyDays: number;
  /** Orders at or before `asOf`. */
  readonly frequency: number;
  /** Net revenue (refunds included) at or before `asOf`. */
  readonly monetary: Decimal;
  /** 1..bins; `bins` is the most recent. */
  readonly r: number;
  readonly f: number;
  readonly m: number;
  /** `${r}${f}${m}`. */
  readonly score: string;
  readonly segment: string;
}

/**
 * Recency, frequency and monetary scores of every customer with an order at or before `asOf`.
 *
 * Each of recencyDays (reversed: the most recent score `bins`), frequency and monetary is
 * scored by rank: score = floor(bins × below / n) + 1, where `below` counts the customers
 * with a strictly worse value, so equal values always share a score and the groups are as
 * equal as ties allow. RFM after Hughes (1994), "Strategic Database Marketing"; unlike
 * pymc-marketing's `rfm_segments` (value quartiles via `pandas.qcut`, monetary = mean spend)
 * the scores here are rank-based quintiles of total spend (see docs/segments.md).
 *
 * @param input - purchases, `{ purchases }`, or a prepared `Ledger`
 * @param options - `asOf`, optional `bins`, custom `segments` and `otherSegment`
 * @returns one row per buying customer, in customer-id order
 * @throws {RetentionInputError} when a row is invalid
 * @throws {RetentionOptionsError} when `asOf` is missing, `bins` is not an integer in [2, 9], or a segment rule is malformed
 * @example
 * rfmScores([{ customerId: "a", at: "2024-01-01", amount: "10" },
 *            { customerId: "b", at: "2024-02-01", amount: "30" }], { asOf: "2024-03-01", bins: 2 })
 * //=> [{ customerId: "a", recencyDays: 60, frequency: 1, monetary: 10, r: 1, f: 1, m: 1, score: "111", segment: "Lost" },
 * //    { customerId: "b", recencyDays: 29, frequency: 1, monetary: 30, r: 2, f: 1, m: 2, score: "212", segment: "New" }]
 */
export function rfmScores(input: MetricInput, options: RfmScoresOptions): readonly RfmScore[] {
  options = readOptions(options, "rfmScores");
  const ledger = toLedger(input);
  const read = readRfmOptions(options, "rfmScores");
  return rfmScoresOfTotals(ledger, customerTotals(ledger, read.asOf), read);
}

/** `rfmScores`' options, checked, with defaults filled in and the segment table built (internal). */
export interface ReadRfmOptions {
  readonly asOf: number;
  readonly bins: number;
  /** The segment of each (r, f, m), at ((r − 1)·bins + f − 1)·bins + m − 1. */
  readonly table: readonly string[];
}

/** Reads and checks the options of `rfmScores` (internal; the SQL finisher reads them too). */
export function readRfmOptions(options: RfmScoresOptions, fn: string): ReadRfmOptions {
  if (options?.asOf === undefined) throw new RetentionOptionsError("asOf", `${fn} needs { asOf }`);
  const asOf = dateOption("asOf", options.asOf);
  const bins = integerOption("bins", options.bins, { min: 2, max: 9 }, 5);
  const other = options.otherSegment ?? "Other";
  if (typeof other !== "string" || other.length === 0) throw new RetentionOptionsError("otherSegment", "expected a non-empty string");
  return { asOf, bins, table: segmentTable(bins, options.segments, other) };
}

/**
 * The scores of `rfmScores` from per-customer totals at asOf, indexed like `customers.customerIds`
 * (sorted ids) with amounts in units of `10^-moneyScale` (internal; a ledger, or the rows of
 * `rfmInputsSql`, supplies them).
 */
export function rfmScoresOfTotals(customers: { readonly customerIds: readonly string[]; readonly moneyScale: number }, totals: CustomerTotals, { asOf, bins, table }: ReadRfmOptions): readonly RfmScore[] {
  const buyers = new Uint32Array(totals.buyers);
  const negRecency = new Float64Array(totals.buyers);
  const frequency = new Float64Array(totals.buyers);
  const monetary = new Float64Array(totals.buyers);
  for (let c = 0, i = 0; c < totals.orders.length; c++) {
    if (totals.orders[c] === 0) continue;
    buyers[i] = c;
    negRecency[i] = totals.lastOrderAt[c]! - asOf;
    frequency[i] = totals.orders[c]!;
    monetary[i++] = totals.revenueUnits[c]!;
  }
  const r = rankScores(negRecency, bins);
  const f = rankScores(frequency, bins);
  const m = rankScores(monetary, bins);
  const toMoney = (units: number): Decimal => unitsToDecimal(units, customers.moneyScale);
  const results = new Array<RfmScore>(buyers.length);
  for (let i = 0; i < buyers.length; i++) {
    const key = ((r[i]! - 1) * bins + f[i]! - 1) * bins + m[i]! - 1;
    results[i] = {
      customerId: customers.customerIds[buyers[i]!]!,
      recencyDays: -negRecency[i]! / DAY_MS,
      frequency: frequency[i]!,
      monetary: toMoney(monetary[i]!),
      r: r[i]!,
      f: f[i]!,
      m: m[i]!,
      score: `${r[i]}${f[i]}${m[i]}`,
      segment: table[key]!,
    };
  }
  return results;
}

import { compareIds } from "../core/compareIds";
import { unitsToDecimal, type Decimal } from "../core/money";
import { readRange, type Range, type RangeOptions } from "../core/period";
import type { Ledger } from "../input/ledger";
import { readOptions } from "../input/readOptions";
import { toLedger, type MetricInput } from "../input/toLedger";

/** Options of `categoryBreadth`: an optional `[start, end)` range (UTC) of purchase times. */
export type CategoryBreadthOptions = RangeOptions;

/** Customers who bought in exactly `categories` categories. */
export interface CategoryCountRow {
  readonly categories: number;
  readonly customers: number;
  /** customers ÷ the result's `customers`. */
  readonly share: number;
}

/** One category's reach. */
export interface CategoryPenetration {
  readonly category: string;
  /** Customers with at least one purchase in the category. */
  readonly customers: number;
  /** customers ÷ the result's `customers`. */
  readonly penetration: number;
  /** Purchase rows in the category (refunds excluded). */
  readonly rows: number;
  /** The amount of those rows, exact. */
  readonly amount: Decimal;
  /** Customers whose first categorised purchase included the category. */
  readonly firstCustomers: number;
  /** Of those, customers who went on to buy a category new to them. */
  readonly movedOn: number;
}

/** A cell of the next-category matrix. */
export interface NextCategoryCell {
  /** A category of the customer's first categorised purchase. */
  readonly from: string;
  /** A category of the next purchase that brought a category new to the customer. */
  readonly to: string;
  readonly customers: number;
  /** customers ÷ the `firstCustomers` of `from`: the share of those who started in `from` whose next new category was `to`. */
  readonly share: number;
}

/** Cross-sell breadth: how many categories customers buy in, and in what order they add them. */
export interface CategoryBreadth {
  readonly range: Range;
  /** Customers with at least one categorised purchase (refunds excluded) in range. */
  readonly customers: number;
  /** Customers who bought in range, but never a row with a category. */
  readonly uncategorisedCustomers: number;
  /** Rows in range: with a category, without one (not refunds), and refunds (never counted). */
  readonly rows: { readonly categorised: number; readonly uncategorised: number; readonly refunds: number };
  /** Customers per number of distinct categories, from 1 to the most any customer has. */
  readonly distribution: readonly CategoryCountRow[];
  /** Σ distinct categories ÷ customers; `null` without customers. */
  readonly meanCategories: number | null;
  /** Customers who bought in 2 or more categories. */
  readonly crossSellCustomers: number;
  /** crossSellCustomers ÷ customers; `null` without customers (see `reason`). */
  readonly crossSellRate: number | null;
  /** Why the rates are `null`, else `null`. */
  readonly reason: string | null;
  /** Every category bought in range, by name. */
  readonly categories: readonly CategoryPenetration[];
  /** The non-empty cells of the next-category matrix, by `from` then `to`. */
  readonly nextCategory: readonly NextCategoryCell[];
  /** Customers whose first categorised purchase instant, or next-new-category instant, held several categories (they count in every cell of the pairs). */
  readonly ties: { readonly first: number; readonly next: number };
}

/**
 * Cross-sell breadth: the distribution of distinct categories per customer, the cross-sell rate,
 * each category's penetration, and the next-category matrix (docs/segments.md, "Category breadth").
 *
 * Only purchases with `amount ≥ 0` count; refunds neither add nor remove a category. Rows
 * without a `category` count for no category (their customers are `uncategorisedCustomers` when
 * no row of theirs has one).
 *
 * crossSellRate = customers with ≥ 2 categories ÷ customers with ≥ 1;
 * penetration(k) = customers who bought k ÷ customers with ≥ 1: Ehrenberg's penetration (the
 * share of a population buying the item in the period; Repeat-Buying, 2nd ed., 1988), the
 * population being the customers who bought in any category.
 * The next-category matrix counts, for each customer, the categories of their first categorised
 * purchase instant → the new categories of the next instant that brought any; categories bought
 * at the same instant are a tie, and the customer counts in every pair (`ties`), so the answer
 * never depends on row order.
 *
 * @param input - purchases with `category`, `{ purchases }`, or a prepared `Ledger`
 * @param options - optional `start` and `end`
 * @returns the counts, rates and matrix; rates are `null` with a `reason` when no purchase in range has a category
 * @throws {RetentionInputError} when a purchase row is invalid (names the row and field)
 * @throws {RetentionOptionsError} when `start` or `end` is not a date, or `start` is not before `end`
 * @example
 * categoryBreadth([
 *   { customerId: "a", at: "2024-01-05", amount: "10", category: "shoes" },
 *   { customerId: "a", at: "2024-02-05", amount: "12", category: "socks" },
 *   { customerId: "b", at: "2024-01-20", amount: "30", category: "shoes" },
 * ]).crossSellRate //=> 0.5
 */
export function categoryBreadth(input: MetricInput, options?: CategoryBreadthOptions): CategoryBreadth {
  const { start, end, range } = readRange(readOptions(options, "categoryBreadth"));
  const tally = tallyCategories(toLedger(input), start, end);
  return describeTally(tally, range);
}

/** What one pass over the ledger counts. */
interface CategoryTally {
  readonly names: readonly string[];
  readonly scale: number;
  customers: number;
  uncategorisedCustomers: number;
  categorisedRows: number;
  uncategorisedRows: number;
  refundRows: number;
  distinctTotal: number;
  crossSell: number;
  firstTies: number;
  nextTies: number;
  /** customersWith[k] customers bought in exactly k categories. */
  readonly customersWith: number[];
  /** Per category code (1-based, index 0 unused). */
  readonly catCustomers: Float64Array;
  readonly catRows: Float64Array;
  readonly catUnits: Float64Array;
  readonly catFirst: Float64Array;
  readonly catMoved: Float64Array;
  /** Pair (from, to) of codes at from × (names + 1) + to → customers. */
  readonly pairs: Map<number, number>;
}

/**
 * One pass over each customer's rows in time order: a stamp per category (the last customer
 * who bought it, plus one) counts distinct categories without a set per customer.
 */
function tallyCategories(ledger: Ledger, start: number, end: number): CategoryTally {
  const { purchases, purchasesByCustomer } = ledger;
  const names = purchases.categoryNames;
  const width = names.length + 1;
  const tally: CategoryTally = {
    names,
    scale: ledger.moneyScale,
    customers: 0,
    uncategorisedCustomers: 0,
    categorisedRows: 0,
    uncategorisedRows: 0,
    refundRows: 0,
    distinctTotal: 0,
    crossSell: 0,
    firstTies: 0,
    nextTies: 0,
    customersWith: [0],
    catCustomers: new Float64Array(width),
    catRows: new Float64Array(width),
    catUnits: new Float64Array(width),
    catFirst: new Float64Array(width),
    catMoved: new Float64Array(width),
    pairs: new Map(),
  };
  const { at, amountUnits } = purchases;
  const category = purchases.category ?? new Uint32Array(purchases.count);
  const { offsets, rows } = purchasesByCustomer;
  const stamp = new Uint32Array(width);
  const first = new Uint32Array(width);
  const next = new Uint32Array(width);
  for (let c = 0; c < ledger.customerIds.length; c++) {
    let distinct = 0;
    let firstCount = 0;
    let nextCount = 0;
    let firstAt = 0;
    let nextAt = 0;
    let bought = false;
    for (let p = offsets[c]!; p < offsets[c + 1]!; p++) {
      const k = rows[p]!;
      const t = at[k]!;
      if (t < start) continue;
      if (t >= end) break;
      const units = amountUnits[k]!;
      if (units < 0) {
        tally.refundRows++;
        continue;
      }
      bought = true;
      const code = category[k]!;
      if (code === 0) {
        tally.uncategorisedRows++;
        continue;
      }
      tally.categorisedRows++;
      tally.catRows[code]!++;
      tally.catUnits[code]! += units;
      if (stamp[code] === c + 1) continue;
      stamp[code] = c + 1;
      distinct++;
      tally.catCustomers[code]!++;
      if (firstCount === 0 || (t === firstAt && nextCount === 0)) {
        firstAt = t;
        first[firstCount++] = code;
      } else if (nextCount === 0 || t === nextAt) {
        nextAt = t;
        next[nextCount++] = code;
      }
    }
    if (distinct === 0) {
      if (bought) tally.uncategorisedCustomers++;
      continue;
    }
    countCustomer(tally, distinct, first, firstCount, next, nextCount, width);
  }
  return tally;
}

/** Adds a customer with `distinct` categories, first categories `first[0..firstCount)` and next new ones `next[0..nextCount)`. */
function countCustomer(tally: CategoryTally, distinct: number, first: Uint32Array, firstCount: number, next: Uint32Array, nextCount: number, width: number): void {
  tally.customers++;
  tally.distinctTotal += distinct;
  if (distinct >= 2) tally.crossSell++;
  while (tally.customersWith.length <= distinct) tally.customersWith.push(0);
  tally.customersWith[distinct]!++;
  if (firstCount > 1) tally.firstTies++;
  if (nextCount > 1) tally.nextTies++;
  for (let f = 0; f < firstCount; f++) {
    const from = first[f]!;
    tally.catFirst[from]!++;
    if (nextCount > 0) tally.catMoved[from]!++;
    for (let n = 0; n < nextCount; n++) {
      const key = from * width + next[n]!;
      tally.pairs.set(key, (tally.pairs.get(key) ?? 0) + 1);
    }
  }
}

function describeTally(tally: CategoryTally, range: Range): CategoryBreadth {
  const { names, customers } = tally;
  const width = names.length + 1;
  const distribution: CategoryCountRow[] = [];
  for (let k = 1; k < tally.customersWith.length; k++) {
    distribution.push({ categories: k, customers: tally.customersWith[k]!, share: tally.customersWith[k]! / customers });
  }
  const categories: CategoryPenetration[] = [];
  for (let code = 1; code < width; code++) {
    if (tally.catCustomers[code] === 0) continue;
    categories.push({
      category: names[code - 1]!,
      customers: tally.catCustomers[code]!,
      penetration: tally.catCustomers[code]! / customers,
      rows: tally.catRows[code]!,
      amount: unitsToDecimal(tally.catUnits[code]!, tally.scale),
      firstCustomers: tally.catFirst[code]!,
      movedOn: tally.catMoved[code]!,
    });
  }
  categories.sort((a, b) => compareIds(a.category, b.category));
  const nextCategory: NextCategoryCell[] = [];
  for (const [key, count] of tally.pairs) {
    const from = Math.floor(key / width);
    nextCategory.push({ from: names[from - 1]!, to: names[(key % width) - 1]!, customers: count, share: count / tally.catFirst[from]! });
  }
  nextCategory.sort((a, b) => compareIds(a.from, b.from) || compareIds(a.to, b.to));
  const reason = customers > 0 ? null : names.length === 0 ? "no purchase carries a category" : "no purchase in range carries a category";
  return {
    range,
    customers,
    uncategorisedCustomers: tally.uncategorisedCustomers,
    rows: { categorised: tally.categorisedRows, uncategorised: tally.uncategorisedRows, refunds: tally.refundRows },
    distribution,
    meanCategories: customers > 0 ? tally.distinctTotal / customers : null,
    crossSellCustomers: tally.crossSell,
    crossSellRate: customers > 0 ? tally.crossSell / customers : null,
    reason,
    categories,
    nextCategory,
    ties: { first: tally.firstTies, next: tally.nextTies },
  };
}

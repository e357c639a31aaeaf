import { moneyOption } from "../clv/readMoneyOption";
import { compareIds } from "../core/compareIds";
import { Decimal, unitsToDecimal, ZERO, type MoneyInput } from "../core/money";
import { MoneyReader } from "../core/plainDecimal";
import { readRange, type Range, type RangeOptions } from "../core/period";
import { describeValue, isPlainObject } from "../input/describeValue";
import { RetentionOptionsError } from "../input/errors";
import type { Ledger } from "../input/ledger";
import { readOptions } from "../input/readOptions";
import { toLedger, type MetricInput } from "../input/toLedger";

/**
 * Each customer's estimated total spend in the category (with every supplier): a `Map` or plain
 * object from customer id to amount, or a function of the customer id. `undefined` or `null`
 * means "no estimate".
 */
export type WalletEstimate =
  | ReadonlyMap<string, MoneyInput | null | undefined>
  | Readonly<Record<string, MoneyInput | null | undefined>>
  | ((customerId: string) => MoneyInput | null | undefined);

/** Options of `shareOfWallet`. */
export interface ShareOfWalletOptions extends RangeOptions {
  /** The wallet estimate per customer, for the same range as `start`–`end`. */
  readonly wallet: WalletEstimate;
  /** Count only purchases in these categories as spend (default: every purchase). */
  readonly categories?: readonly string[] | undefined;
}

/** One customer's share of wallet. */
export interface CustomerWalletShare {
  readonly customerId: string;
  /** Purchases in range, net of refunds, exact. */
  readonly spend: Decimal;
  /** The estimate, or `null` when there is none. */
  readonly wallet: Decimal | null;
  /** min(max(spend, 0), wallet) ÷ wallet, in [0, 1]; `null` without an estimate or with an estimate of 0 (see `reason`). */
  readonly share: number | null;
  /** wallet − min(max(spend, 0), wallet): what is left to win; `null` without an estimate. */
  readonly gap: Decimal | null;
  /** max(spend − wallet, 0): spend the estimate did not foresee; `null` without an estimate. */
  readonly aboveWallet: Decimal | null;
  readonly reason: string | null;
}

/** Share of wallet per customer and in aggregate. */
export interface ShareOfWallet {
  readonly range: Range;
  /** Every customer of the ledger, and every customer of a wallet `Map` or object, by id. */
  readonly customers: readonly CustomerWalletShare[];
  /** Over the customers with an estimate. */
  readonly aggregate: {
    readonly customers: number;
    readonly spend: Decimal;
    /** Σ min(max(spend, 0), wallet). */
    readonly capturedSpend: Decimal;
    readonly wallet: Decimal;
    /** capturedSpend ÷ wallet; `null` when the wallets total 0 (see `reason`). */
    readonly share: number | null;
    /** Σ gap = wallet − capturedSpend. */
    readonly gap: Decimal;
    /** Customers whose spend exceeded their estimate, and the total excess. */
    readonly aboveWallet: { readonly customers: number; readonly amount: Decimal };
    readonly reason: string | null;
  };
  /** Customers without an estimate, and their spend (in no share). */
  readonly missing: { readonly customers: number; readonly spend: Decimal };
}

/**
 * Share of wallet: the part of each customer's total category spend (the `wallet` estimate) that
 * they spent with you, and the gap in money (docs/segments.md, "Share of wallet").
 *
 * share = min(max(spend, 0), wallet) ÷ wallet per customer, and Σ min(max(spend, 0), wallet) ÷
 * Σ wallet in aggregate (the spend-weighted share: Keiningham, Aksoy, Buoye and Cooil (2011),
 * "Customer loyalty isn't enough. Grow your share of wallet", HBR 89(10), and Du, Kamakura and
 * Mela (2007), "Size and share of customer wallet", J. Marketing 71). Spend above the estimate is
 * capped at a share of 1 and reported as `aboveWallet`, so the estimate is shown to be low rather
 * than a share above 1. Customers without an estimate are in `missing`, not in any share.
 *
 * @param input - purchases, `{ purchases }`, or a prepared `Ledger`
 * @param options - `wallet`, optional `start`/`end` and `categories`
 * @returns per-customer shares (by id), the aggregate and the customers without an estimate; money exact
 * @throws {RetentionInputError} when a purchase row is invalid (names the row and field)
 * @throws {RetentionOptionsError} when `wallet` is missing or not a Map, object or function, an
 *   estimate is not an amount ≥ 0 (naming the customer), or `categories` is not a list of strings
 * @example
 * const result = shareOfWallet(
 *   [{ customerId: "a", at: "2024-01-05", amount: "30" }, { customerId: "b", at: "2024-01-20", amount: "80" }],
 *   { wallet: new Map([["a", "100"], ["b", "50"]]) },
 * );
 * result.customers[0].share //=> 0.3
 * result.aggregate.share //=> 0.5333333333333333 ((30 + 50) ÷ 150)
 */
export function shareOfWallet(input: MetricInput, options: ShareOfWalletOptions): ShareOfWallet {
  const read = readOptions(options, "shareOfWallet");
  const { start, end, range } = readRange(read);
  const walletOf = walletReader(read.wallet);
  const ledger = toLedger(input);
  const scale = ledger.moneyScale;
  const spendUnits = spendInRange(ledger, start, end, categoryMask(ledger, read.categories));
  const customers: CustomerWalletShare[] = [];
  const total = { spend: new MoneyTotal(), captured: new MoneyTotal(), wallet: new MoneyTotal(), above: new MoneyTotal(), customers: 0, aboveCustomers: 0, missing: 0, missingSpend: new MoneyTotal() };
  const reader = new MoneyReader();
  for (const [id, c] of customerOrder(ledger, walletOf.keys)) {
    const spend = c < 0 ? 0 : spendUnits[c]!;
    const value = walletOf.value(id);
    if (value === undefined || value === null) {
      total.missing++;
      total.missingSpend.addUnits(spend);
      customers.push({ customerId: id, spend: unitsToDecimal(spend, scale), wallet: null, share: null, gap: null, aboveWallet: null, reason: "no wallet estimate" });
      continue;
    }
    const wallet = walletUnits(reader, value, scale);
    const row = wallet === null || !Number.isSafeInteger(spend - wallet) ? exactShare(id, spend, scale, estimateOf(id, value), total) : unitShare(id, spend, scale, wallet, total);
    total.customers++;
    total.spend.addUnits(spend);
    if (row.aboveWallet!.gt(0)) total.aboveCustomers++;
    customers.push(row);
  }
  const captured = total.captured.value(scale);
  const wallet = total.wallet.value(scale);
  const walletPositive = wallet.gt(0);
  return {
    range,
    customers,
    aggregate: {
      customers: total.customers,
      spend: total.spend.value(scale),
      capturedSpend: captured,
      wallet,
      share: walletPositive ? captured.div(wallet).toNumber() : null,
      gap: wallet.minus(captured),
      aboveWallet: { customers: total.aboveCustomers, amount: total.above.value(scale) },
      reason: walletPositive ? null : total.customers === 0 ? "no customer has a wallet estimate" : "the wallet estimates total 0",
    },
    missing: { customers: total.missing, spend: total.missingSpend.value(scale) },
  };
}

/**
 * The ledger's customers (already sorted by id) merged with the wallet's other keys, sorted the
 * same way: `[id, customer index]`, the index -1 for an id the ledger does not know.
 */
function customerOrder(ledger: Ledger, walletKeys: readonly string[]): [string, number][] {
  const extra = walletKeys.length === 0 ? [] : walletKeys.filter((id) => !ledger.customerIndex.has(id)).sort(compareIds);
  const ids = ledger.customerIds;
  const order: [string, number][] = [];
  let e = 0;
  for (let c = 0; c < ids.length; c++) {
    while (e < extra.length && compareIds(extra[e]!, ids[c]!) < 0) order.push([extra[e++]!, -1]);
    order.push([ids[c]!, c]);
  }
  while (e < extra.length) order.push([extra[e++]!, -1]);
  return order;
}

/**
 * A sum of money in the ledger's integer units, exact however many terms: a safe-integer running
 * sum, spilled into a bigint before a term would take it past 2^53; finer amounts as Decimals.
 */
class MoneyTotal {
  private carried = 0;
  private spilled = 0n;
  private finer: Decimal = ZERO;

  addUnits(units: number): void {
    if (Math.abs(this.carried) + Math.abs(units) > Number.MAX_SAFE_INTEGER) {
      this.spilled += BigInt(this.carried);
      this.carried = 0;
    }
    this.carried += units;
  }

  addDecimal(amount: Decimal): void {
    this.finer = this.finer.plus(amount);
  }

  value(scale: number): Decimal {
    return bigUnitsToDecimal(this.spilled + BigInt(this.carried), scale).plus(this.finer);
  }
}

/** `units` × 10^−scale, exact (written as `units e−scale`, so nothing is divided). */
function bigUnitsToDecimal(units: bigint, scale: number): Decimal {
  return units === 0n ? ZERO : new Decimal(`${units}e-${scale}`);
}

interface WalletTotals {
  readonly captured: MoneyTotal;
  readonly wallet: MoneyTotal;
  readonly above: MoneyTotal;
}

/**
 * The estimate in the ledger's units when it is a plain amount held exactly there (the common
 * case: no more decimal places than the purchases, a safe integer ≥ 0); `null` otherwise.
 */
function walletUnits(reader: MoneyReader, value: unknown, scale: number): number | null {
  if (!reader.read(value) || reader.places > scale || reader.units < 0 || Object.is(reader.units, -0)) return null;
  const units = reader.units * 10 ** (scale - reader.places);
  return Number.isSafeInteger(units) ? units : null;
}

/** A customer's share on integer units: every figure a safe integer, the share one correctly rounded division. */
function unitShare(customerId: string, spend: number, scale: number, wallet: number, totals: WalletTotals): CustomerWalletShare {
  const captured = Math.min(Math.max(spend, 0), wallet);
  const above = Math.max(spend - wallet, 0);
  totals.captured.addUnits(captured);
  totals.wallet.addUnits(wallet);
  totals.above.addUnits(above);
  return {
    customerId,
    spend: unitsToDecimal(spend, scale),
    wallet: unitsToDecimal(wallet, scale),
    share: wallet === 0 ? null : captured / wallet,
    gap: unitsToDecimal(wallet - captured, scale),
    aboveWallet: unitsToDecimal(above, scale),
    reason: wallet === 0 ? "the wallet estimate is 0" : null,
  };
}

/** The same figures in Decimals, for an estimate finer than the ledger's units or beyond them. */
function exactShare(customerId: string, spendUnits: number, scale: number, wallet: Decimal, totals: WalletTotals): CustomerWalletShare {
  const spend = unitsToDecimal(spendUnits, scale);
  const captured = Decimal.min(Decimal.max(spend, ZERO), wallet);
  const above = Decimal.max(spend.minus(wallet), ZERO);
  totals.captured.addDecimal(captured);
  totals.wallet.addDecimal(wallet);
  totals.above.addDecimal(above);
  const zero = wallet.isZero();
  return {
    customerId,
    spend,
    wallet,
    share: zero ? null : captured.div(wallet).toNumber(),
    gap: wallet.minus(captured),
    aboveWallet: above,
    reason: zero ? "the wallet estimate is 0" : null,
  };
}

/** Net purchase units per customer in `[start, end)`, of the rows `counted` (by category code) when given. */
function spendInRange(ledger: Ledger, start: number, end: number, counted: Uint8Array | null): Float64Array {
  const { at, amountUnits, customer, category, count } = ledger.purchases;
  const spend = new Float64Array(ledger.customerIds.length);
  for (let k = 0; k < count; k++) {
    const t = at[k]!;
    if (t < start || t >= end) continue;
    if (counted !== null && (category === null || counted[category[k]!] !== 1)) continue;
    spend[customer[k]!]! += amountUnits[k]!;
  }
  return spend;
}

/** 1 at the codes of the `categories` option (names the ledger has); `null` when the option is absent. */
function categoryMask(ledger: Ledger, categories: unknown): Uint8Array | null {
  if (categories === undefined) return null;
  if (!Array.isArray(categories) || !categories.every((name) => typeof name === "string")) {
    throw new RetentionOptionsError("categories", `expected an array of category names, found ${describeValue(categories)}`);
  }
  const wanted = new Set<string>(categories as string[]);
  const names = ledger.purchases.categoryNames;
  const mask = new Uint8Array(names.length + 1);
  for (let code = 1; code <= names.length; code++) if (wanted.has(names[code - 1]!)) mask[code] = 1;
  return mask;
}

/** The raw estimate of a customer (checked later), and the ids a Map or object lists. */
interface WalletLookup {
  readonly keys: readonly string[];
  readonly value: (customerId: string) => unknown;
}

function walletReader(wallet: unknown): WalletLookup {
  if (wallet instanceof Map) {
    const map = wallet as ReadonlyMap<unknown, unknown>;
    const keys: string[] = [];
    for (const key of map.keys()) {
      if (typeof key !== "string") throw new RetentionOptionsError("wallet", `expected customer id keys, found the key ${describeValue(key)}`);
      keys.push(key);
    }
    return { keys, value: (id) => map.get(id) };
  }
  if (typeof wallet === "function") return { keys: [], value: wallet as (customerId: string) => unknown };
  if (isPlainObject(wallet)) {
    const record = wallet as Readonly<Record<string, unknown>>;
    return { keys: Object.keys(record), value: (id) => (Object.hasOwn(record, id) ? record[id] : undefined) };
  }
  throw new RetentionOptionsError("wallet", `expected a Map, a plain object or a function from customer id to amount, found ${describeValue(wallet)}`);
}

/** An estimate that is not a plain amount in the ledger's units: read as a money option, ≥ 0, or a `RetentionOptionsError` naming the customer. */
function estimateOf(customerId: string, value: unknown): Decimal {
  const name = `wallet[${JSON.stringify(customerId)}]`;
  const amount = moneyOption(name, value as MoneyInput);
  if (amount.isNegative() && !amount.isZero()) throw new RetentionOptionsError(name, `expected an amount ≥ 0, found ${amount.toString()}`);
  return amount;
}

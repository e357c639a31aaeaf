import { decimalPlaces, MAX_MONEY_SCALE, moneyLimitProblem, MoneyReader, toPlainDecimalString, toUnits } from "../core/plainDecimal";
import { compareIds } from "../core/compareIds";
import { indexOfSortedId } from "../core/search";
import { toEpochMs } from "../core/time";
import { CurrencyTracker } from "./currencyTracker";
import type { IssueCollector } from "./errors";
import type { PreparedPurchases } from "./purchaseColumns";
import type { Cost } from "./schemas";
import { sortedOrder } from "./sortedOrder";

/** `CostColumns.customer` of a cost without `customerId`: a program-level cost. */
export const PROGRAM_LEVEL = -1;
/** `CostColumns.customer` of a cost whose customer has no purchase or event in the ledger. */
export const UNKNOWN_CUSTOMER = -2;

/**
 * Retention costs as typed columns, sorted by time (ties in input order). Amounts are integer
 * units of the ledger's `10^-moneyScale`, like purchase amounts. `program` and `channel` are
 * codes into their name lists (-1 where a row has none), and `null` when no row has the field.
 */
export interface CostColumns {
  readonly count: number;
  readonly at: Float64Array;
  readonly amountUnits: Float64Array;
  /** Index into `Ledger.customerIds`; `PROGRAM_LEVEL` (-1) without a customer, `UNKNOWN_CUSTOMER` (-2) for one not in the ledger. */
  readonly customer: Int32Array;
  readonly program: Int32Array | null;
  readonly programNames: readonly string[];
  readonly channel: Int32Array | null;
  readonly channelNames: readonly string[];
  /** Distinct customer ids of costs whose customer is not in the ledger, sorted. */
  readonly unknownCustomerIds: readonly string[];
  /** The row's index in the input. */
  readonly sourceIndex: Uint32Array;
}

/** The costs of a ledger built without any. */
export const NO_COSTS: CostColumns = Object.freeze({
  count: 0,
  at: new Float64Array(0),
  amountUnits: new Float64Array(0),
  customer: new Int32Array(0),
  program: null,
  programNames: Object.freeze([]),
  channel: null,
  channelNames: Object.freeze([]),
  unknownCustomerIds: Object.freeze([]),
  sourceIndex: new Uint32Array(0),
});

/** Codes for the distinct strings of one optional field, and the code of each row (`-1` for none). */
class CodedField {
  readonly names: string[] = [];
  private readonly codeOf = new Map<string, number>();
  codes: number[] | null = null;

  add(value: string | undefined, row: number): void {
    if (value === undefined) {
      this.codes?.push(-1);
      return;
    }
    this.codes ??= new Array<number>(row).fill(-1);
    let code = this.codeOf.get(value);
    if (code === undefined) {
      code = this.names.length;
      this.codeOf.set(value, code);
      this.names.push(value);
    }
    this.codes.push(code);
  }
}

/**
 * Collects validated cost rows (in input order), then sorts them by time and places them on
 * the ledger: amounts at the ledger's money scale (the finer of the purchases' and the costs'),
 * customers as indices into the ledger's customer ids. Costs never add a customer.
 */
export class CostAccumulator {
  count = 0;
  private at: number[] = [];
  private units: number[] = [];
  private places: number[] = [];
  private customerId: (string | undefined)[] | null = null;
  private readonly program = new CodedField();
  private readonly channel = new CodedField();
  private scale = 0;
  private readonly currencies = new CurrencyTracker("costs");
  private readonly money = new MoneyReader();

  /** Adds a row that passed `isValidCost`; `index` is its position in the input. */
  add(row: Cost, index: number, issues: IssueCollector): void {
    const plain = toPlainDecimalString(row.amount)!;
    if (!this.money.read(plain)) {
      const problem = moneyLimitProblem(plain);
      if (problem !== null) {
        issues.add({ index, path: ["costs", "amount"], code: "precision", message: `amount ${plain.length > 40 ? `${plain.slice(0, 40)}…` : plain} ${problem}` });
        return;
      }
      this.money.places = decimalPlaces(plain);
      this.money.units = toUnits(plain, this.money.places);
    }
    this.currencies.check(row.currency, index, issues);
    const k = this.count;
    this.at.push(toEpochMs(row.at)!);
    this.units.push(this.money.units);
    this.places.push(this.money.places);
    if (this.money.places > this.scale) this.scale = this.money.places;
    if (row.customerId !== undefined) this.customerId ??= new Array<string | undefined>(k).fill(undefined);
    this.customerId?.push(row.customerId);
    this.program.add(row.program, k);
    this.channel.add(row.channel, k);
    this.count = k + 1;
  }

  /** The currency the cost rows name, or `null` when none does. */
  get namedCurrency(): string | null {
    return this.currencies.currency;
  }

  /**
   * Puts the purchases and the costs on one money scale (multiplying the purchases' units up
   * when a cost is more precise) and returns the cost columns sorted by time, with each
   * customer looked up in `ids` (the ledger's sorted customer ids). A purchase currency other
   * than the costs' is a `mixed_currency` issue; money that cannot be summed exactly at the
   * common scale is a `precision` issue.
   */
  finish(ids: readonly string[], prepared: PreparedPurchases, issues: IssueCollector): { costs: CostColumns; prepared: PreparedPurchases } {
    const n = this.count;
    if (n === 0) return { costs: NO_COSTS, prepared };
    if (this.currencies.currency !== null && prepared.currency !== null && this.currencies.currency !== prepared.currency) {
      issues.add({ index: this.currencies.row, path: ["costs", "currency"], code: "mixed_currency", message: `expected one currency per call: found "${this.currencies.currency}", the purchases are in "${prepared.currency}"` });
    }
    const scale = Math.max(this.scale, prepared.moneyScale);
    const aligned = scale > prepared.moneyScale ? rescalePurchases(prepared, scale, issues) : prepared;
    const order = sortedOrder(Float64Array.from(this.at));
    const at = new Float64Array(n);
    const amountUnits = new Float64Array(n);
    let total = 0;
    for (let k = 0; k < n; k++) {
      const row = order[k]!;
      at[k] = this.at[row]!;
      amountUnits[k] = this.units[row]! * 10 ** (scale - this.places[row]!);
      total += amountUnits[k]!;
    }
    if (total > Number.MAX_SAFE_INTEGER) {
      issues.add({ index: 0, path: ["costs", "amount"], code: "precision", message: `costs with ${scale} decimal places total more than can be summed exactly; round amounts to the currency's minor unit` });
    }
    const { customer, unknownCustomerIds } = this.customers(order, ids);
    return {
      prepared: { ...aligned, currency: aligned.currency ?? this.currencies.currency },
      costs: {
        count: n,
        at,
        amountUnits,
        customer,
        program: gatherCodes(order, this.program.codes),
        programNames: this.program.names,
        channel: gatherCodes(order, this.channel.codes),
        channelNames: this.channel.names,
        unknownCustomerIds,
        sourceIndex: order,
      },
    };
  }

  private customers(order: Uint32Array, ids: readonly string[]): { customer: Int32Array; unknownCustomerIds: string[] } {
    const customer = new Int32Array(order.length).fill(PROGRAM_LEVEL);
    const unknown = new Set<string>();
    const source = this.customerId;
    if (source === null) return { customer, unknownCustomerIds: [] };
    for (let k = 0; k < order.length; k++) {
      const id = source[order[k]!];
      if (id === undefined) continue;
      const c = indexOfSortedId(ids, id);
      customer[k] = c < 0 ? UNKNOWN_CUSTOMER : c;
      if (c < 0) unknown.add(id);
    }
    return { customer, unknownCustomerIds: [...unknown].sort(compareIds) };
  }
}

/** `codes` in time order as an `Int32Array`, or `null` when no row had the field. */
function gatherCodes(order: Uint32Array, codes: readonly number[] | null): Int32Array | null {
  if (codes === null) return null;
  const sorted = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) sorted[k] = codes[order[k]!]!;
  return sorted;
}

/**
 * The purchases with amounts and costs multiplied up to `scale` (in place: the columns are the
 * builder's own, not yet in a ledger). Only runs when a cost has more decimal places than every purchase.
 */
function rescalePurchases(prepared: PreparedPurchases, scale: number, issues: IssueCollector): PreparedPurchases {
  const factor = 10 ** (scale - prepared.moneyScale);
  const { amountUnits, costUnits } = prepared.columns;
  let total = 0;
  for (let k = 0; k < amountUnits.length; k++) total += Math.abs((amountUnits[k]! *= factor));
  for (let k = 0; k < costUnits.length; k++) total += Math.abs((costUnits[k]! *= factor));
  if (total > Number.MAX_SAFE_INTEGER || scale > MAX_MONEY_SCALE) {
    issues.add({ index: 0, path: ["costs", "amount"], code: "precision", message: `a cost with ${scale} decimal places puts the purchases' amounts beyond what can be summed exactly; round costs to the currency's minor unit` });
  }
  return { ...prepared, moneyScale: scale };
}

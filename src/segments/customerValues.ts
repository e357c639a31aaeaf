import { Decimal, toPlainDecimalString, unitsToDecimal, type MoneyInput } from "../core/money";
import { moneyLimitProblem } from "../core/plainDecimal";
import { IssueCollector } from "../input/errors";
import { toLedger, type MetricInput } from "../input/toLedger";
import { customerTotals } from "./customerTotals";
import { printValue } from "../input/describeValue";

/**
 * Per-customer values supplied directly, for example predicted CLV: a `Map` from customer id
 * to amount, or an array of `{ customerId, value }` (each id at most once).
 */
export type CustomerValues =
  | ReadonlyMap<string, MoneyInput>
  | readonly { readonly customerId: string; readonly value: MoneyInput }[];

/** What a customer's value is: net revenue, revenue minus cost, or a supplied (CLV) value. */
export type LtvValueBasis = "revenue" | "margin" | "clv";

/**
 * Customer ids with their values (internal). Values read from a ledger stay integer money
 * units until asked for, so ranking 100k customers makes no Decimal per customer.
 */
export interface ValuedCustomers {
  readonly ids: readonly string[];
  /** Customer `i`'s value. */
  readonly valueOf: (i: number) => Decimal;
  /** Negative when customer `a`'s value is higher than `b`'s, 0 when equal. */
  readonly compareDescending: (a: number, b: number) => number;
  /** For values read from a ledger: customer `i`'s value in integer units of `10^-scale`. */
  readonly units?: { readonly of: (i: number) => number; readonly scale: number };
}

/**
 * Reads the values to segment: for `revenue` and `margin`, every customer with an order
 * (all rows, refunds included; `margin` needs `cost` on every row); for `clv`, the supplied
 * values, validated (non-empty ids, finite amounts, no duplicate id).
 *
 * @throws {RetentionInputError} naming the rows without cost, or the bad supplied values
 */
export function customerValues(input: MetricInput | CustomerValues, by: LtvValueBasis): ValuedCustomers {
  if (by === "clv") return suppliedValues(input as CustomerValues);
  const ledger = toLedger(input as MetricInput);
  const { purchases } = ledger;
  const units = customerTotals(ledger, Number.POSITIVE_INFINITY);
  if (by === "margin") {
    const issues = new IssueCollector();
    for (let k = 0; k < purchases.count; k++) {
      if (purchases.hasCost[k] !== 1) {
        issues.add({ index: purchases.sourceIndex[k]!, path: ["purchases", "cost"], code: "missing_cost", message: "ltvSegments by margin needs a cost on every purchase row" });
      } else units.revenueUnits[purchases.customer[k]!]! -= purchases.costUnits[k]!;
    }
    issues.throwIfAny();
  }
  const ids: string[] = [];
  const valueUnits = new Float64Array(units.buyers);
  for (let c = 0; c < ledger.customerIds.length; c++) {
    if (units.orders[c] === 0) continue;
    valueUnits[ids.length] = units.revenueUnits[c]!;
    ids.push(ledger.customerIds[c]!);
  }
  return {
    ids,
    valueOf: (i) => unitsToDecimal(valueUnits[i]!, ledger.moneyScale),
    compareDescending: (a, b) => valueUnits[b]! - valueUnits[a]!,
    units: { of: (i) => valueUnits[i]!, scale: ledger.moneyScale },
  };
}

function suppliedValues(input: CustomerValues): ValuedCustomers {
  const entries: [unknown, unknown][] =
    input instanceof Map
      ? [...input.entries()]
      : Array.isArray(input)
        ? input.map((row: unknown) => [(row as { customerId?: unknown })?.customerId, (row as { value?: unknown })?.value])
        : [];
  const issues = new IssueCollector();
  if (!(input instanceof Map) && !Array.isArray(input)) {
    issues.add({ index: 0, path: ["values"], code: "invalid_type", message: "expected a Map or an array of { customerId, value }" });
  }
  const seen = new Map<string, number>();
  const ids: string[] = [];
  const values: Decimal[] = [];
  entries.forEach(([id, value], index) => {
    const plain = toPlainDecimalString(value);
    if (typeof id !== "string" || id.trim().length === 0) {
      issues.add({ index, path: ["values", "customerId"], code: "invalid_id", message: `expected a non-empty customer id string, found ${printValue(id)}` });
    } else if (seen.has(id)) {
      issues.add({ index, path: ["values", "customerId"], code: "duplicate_id", message: `customer ${JSON.stringify(id)} already has a value at values[${seen.get(id)}]` });
    } else if (plain === null) {
      issues.add({ index, path: ["values", "value"], code: "invalid_value", message: `expected a finite amount, found ${printValue(value)}` });
    } else if (moneyLimitProblem(plain) !== null) {
      issues.add({ index, path: ["values", "value"], code: "precision", message: `value ${printValue(value)} ${moneyLimitProblem(plain)}` });
    } else {
      seen.set(id, index);
      ids.push(id);
      values.push(new Decimal(plain));
    }
  });
  issues.throwIfAny();
  return { ids, valueOf: (i) => values[i]!, compareDescending: (a, b) => values[b]!.cmp(values[a]!) };
}

import { ZERO, unitsToDecimal, type Decimal } from "../core/money";
import type { Ledger } from "../input/ledger";
import { runCustomRules } from "./customRules";
import { applyDefaultRules, expectedOrderGap, type RawVerdict } from "./defaultRules";
import { summarizeEvents, type EventSummary } from "./eventSummary";
import { DAY_MS } from "./gaps";
import { customerHistory, type HistoryFacts } from "./history";
import type { ReadDefectionOptions } from "./options";
import { summarizeOrders, type OrderSummary } from "./orderSummary";
import type { DefectionClassification, DefectionHistory, DefectionRuleContext, DefectionStatus } from "./types";

/** Status codes of `ClassifiedColumns.status`. */
export const ACTIVE = 0;
export const AT_RISK = 1;
export const DEFECTED = 2;
const STATUS_NAMES: readonly DefectionStatus[] = ["active", "at_risk", "defected"];
const STATUS_CODES: Readonly<Record<DefectionStatus, number>> = { active: ACTIVE, at_risk: AT_RISK, defected: DEFECTED };

/**
 * Every customer's classification as columns indexed like `Ledger.customerIds` (internal):
 * what `classifyDefections` returns, at a few bytes per customer instead of an object with
 * two Dates and a Decimal, for callers that only count and rank.
 */
export interface ClassifiedColumns {
  /** Customers with an order or event at or before asOf (the classified ones). */
  readonly count: number;
  /** 1 when the customer is classified. */
  readonly classified: Uint8Array;
  /** `ACTIVE`, `AT_RISK` or `DEFECTED`. */
  readonly status: Uint8Array;
  /** Index into `reasons`. */
  readonly reason: Uint32Array;
  readonly reasons: readonly string[];
  /** Epoch ms; NaN for none. */
  readonly since: Float64Array;
  readonly lastActivity: Float64Array;
  /** Days; NaN for none. */
  readonly expectedGapDays: Float64Array;
  /** Net revenue units in the 365 days ending at the last order. */
  readonly annualUnits: Float64Array;
  readonly asOf: number;
}

/** Classifies every customer (see `classifyDefections` for the rules) into columns. */
export function classifyColumns(ledger: Ledger, options: ReadDefectionOptions): ClassifiedColumns {
  const { asOf, thresholds } = options;
  const orders = summarizeOrders(ledger, asOf, thresholds.minGapDays);
  const events = summarizeEvents(ledger, asOf, thresholds.minGapDays, orders.lastOrderAt);
  const toMoney = (units: number): Decimal => unitsToDecimal(units, ledger.moneyScale);
  return classifySummaries(ledger.customerIds.length, orders, events, options, (c, facts) =>
    customerHistory(ledger, c, asOf, { ...facts, annualValue: toMoney(orders.annualUnits[c]!) }, toMoney),
  );
}

/**
 * `classifyColumns` on order and event summaries of `n` customers (internal; the SQL finisher
 * builds the order summary from `defectionInputsSql`'s rows). `historyOf` builds a customer's
 * history for the custom rules, and is called only when there are rules.
 */
export function classifySummaries(
  n: number,
  orders: OrderSummary,
  events: EventSummary,
  { asOf, rules, thresholds }: ReadDefectionOptions,
  historyOf: (c: number, facts: Omit<HistoryFacts, "annualValue">) => DefectionHistory,
): ClassifiedColumns {
  const columns = {
    count: 0,
    classified: new Uint8Array(n),
    status: new Uint8Array(n),
    reason: new Uint32Array(n),
    reasons: [] as string[],
    since: new Float64Array(n).fill(Number.NaN),
    lastActivity: new Float64Array(n).fill(Number.NaN),
    expectedGapDays: new Float64Array(n).fill(Number.NaN),
    annualUnits: orders.annualUnits,
    asOf,
  };
  for (let c = 0; c < n; c++) {
    if (orders.orders[c]! > 0 || !Number.isNaN(events.lastEventAt[c]!)) columns.count++;
  }
  const reasonCode = new Map<string, number>();
  const codeOf = (reason: string): number => {
    let code = reasonCode.get(reason);
    if (code === undefined) {
      code = columns.reasons.length;
      reasonCode.set(reason, code);
      columns.reasons.push(reason);
    }
    return code;
  };
  const context: DefectionRuleContext = Object.freeze({
    asOf: new Date(asOf),
    populationMedianGapDays: orders.populationMedianGapDays,
    customers: columns.count,
    repeatCustomers: orders.repeatCustomers,
    thresholds,
  });
  const out: RawVerdict = { status: "active", reason: "none", since: Number.NaN, gapDays: Number.NaN };
  for (let c = 0; c < n; c++) {
    const lastOrderAt = orders.lastOrderAt[c]!;
    const lastEventAt = events.lastEventAt[c]!;
    if (Number.isNaN(lastOrderAt) && Number.isNaN(lastEventAt)) continue;
    const lastActivityAt = Number.isNaN(lastEventAt) ? lastOrderAt : Number.isNaN(lastOrderAt) ? lastEventAt : Math.max(lastOrderAt, lastEventAt);
    let expectedGap = Number.NaN;
    // The facts of custom rules (a Decimal and objects per customer) are made only when there are rules.
    const custom =
      rules.length === 0
        ? null
        : runCustomRules(
            rules,
            historyOf(c, { orders: orders.orders[c]!, lastOrderAt, lastActivityAt, medianGapDays: orders.medianGapDays[c]! }),
            context,
          );
    if (custom === null) {
      const raw = applyDefaultRules(c, asOf, orders, events, thresholds, out);
      columns.status[c] = STATUS_CODES[raw.status];
      columns.reason[c] = codeOf(raw.reason);
      columns.since[c] = raw.since;
      expectedGap = raw.gapDays;
    } else {
      columns.status[c] = STATUS_CODES[custom.status];
      columns.reason[c] = codeOf(custom.reason);
      columns.since[c] = custom.since === null ? Number.NaN : custom.since.getTime();
    }
    columns.classified[c] = 1;
    columns.lastActivity[c] = lastActivityAt;
    columns.expectedGapDays[c] = Number.isNaN(expectedGap) ? expectedOrderGap(c, orders) : expectedGap;
  }
  return columns;
}

/** Customer `c`'s classification as the object `classifyDefections` returns. */
export function classificationOf(ledger: Pick<Ledger, "customerIds" | "moneyScale">, columns: ClassifiedColumns, c: number): DefectionClassification {
  const status = STATUS_NAMES[columns.status[c]!]!;
  const annualValue = unitsToDecimal(columns.annualUnits[c]!, ledger.moneyScale);
  const since = columns.since[c]!;
  const gap = columns.expectedGapDays[c]!;
  return {
    customerId: ledger.customerIds[c]!,
    status,
    reason: columns.reasons[columns.reason[c]!]!,
    since: Number.isNaN(since) ? null : new Date(since),
    lastActivity: new Date(columns.lastActivity[c]!),
    expectedGapDays: Number.isNaN(gap) ? null : gap,
    daysSinceLastActivity: (columns.asOf - columns.lastActivity[c]!) / DAY_MS,
    annualValue,
    valueAtRisk: status === "at_risk" ? annualValue : ZERO,
    unrealizedValue: status === "defected" ? annualValue : ZERO,
  };
}

import type { Decimal } from "../core/money";
import type { Ledger } from "../input/ledger";
import { DAY_MS } from "./gaps";
import type { DefectionHistory, DefectionHistoryEvent, DefectionHistoryPurchase } from "./types";

/** The facts about a customer the classifier already computed, passed on to custom rules. */
export interface HistoryFacts {
  readonly orders: number;
  readonly lastOrderAt: number;
  readonly lastActivityAt: number;
  readonly medianGapDays: number;
  readonly annualValue: Decimal;
}

/** Builds customer `c`'s history (rows at or before `asOf`) for custom rules. */
export function customerHistory(
  ledger: Ledger,
  c: number,
  asOf: number,
  facts: HistoryFacts,
  toMoney: (units: number) => Decimal,
): DefectionHistory {
  const { purchases, events } = ledger;
  const rows: DefectionHistoryPurchase[] = [];
  const visits: Date[] = [];
  let lastDay = Number.NaN;
  const p = ledger.purchasesByCustomer;
  for (let i = p.offsets[c]!; i < p.offsets[c + 1]!; i++) {
    const k = p.rows[i]!;
    const t = purchases.at[k]!;
    if (t > asOf) break;
    const opensOrder = purchases.orderStart[k] === 1;
    rows.push(Object.freeze({ at: new Date(t), amount: toMoney(purchases.amountUnits[k]!), opensOrder, orderId: purchases.orderId[k] ?? null }));
    const day = Math.floor(t / DAY_MS);
    if (opensOrder && day !== lastDay) {
      visits.push(new Date(day * DAY_MS));
      lastDay = day;
    }
  }
  const eventRows: DefectionHistoryEvent[] = [];
  const e = ledger.eventsByCustomer;
  for (let i = e.offsets[c]!; i < e.offsets[c + 1]!; i++) {
    const k = e.rows[i]!;
    if (events.at[k]! > asOf) break;
    eventRows.push(Object.freeze({ at: new Date(events.at[k]!), type: events.typeNames[events.type[k]!]! }));
  }
  return Object.freeze({
    customerId: ledger.customerIds[c]!,
    purchases: Object.freeze(rows),
    events: Object.freeze(eventRows),
    visits: Object.freeze(visits),
    orders: facts.orders,
    lastOrder: Number.isNaN(facts.lastOrderAt) ? null : new Date(facts.lastOrderAt),
    lastActivity: new Date(facts.lastActivityAt),
    medianGapDays: Number.isNaN(facts.medianGapDays) ? null : facts.medianGapDays,
    annualValue: facts.annualValue,
  });
}

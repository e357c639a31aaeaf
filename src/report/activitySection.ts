import type { Ledger } from "../input/ledger";
import { averageOrderValue } from "../metrics/averageOrderValue";
import { purchaseFrequency } from "../metrics/purchaseFrequency";
import { repeatPurchaseRate } from "../metrics/repeatPurchaseRate";
import { change, moneyChange } from "./change";
import type { ActivityKpis, ActivitySection } from "./types";

/** Activity of `[start, end)`; `newCustomers` comes from the retention pass (first activity in range). */
export function activityKpis(ledger: Ledger, start: number, end: number, newCustomers: number): ActivityKpis {
  const range = { start, end };
  const aov = averageOrderValue(ledger, range);
  const frequency = purchaseFrequency(ledger, range);
  return {
    customers: frequency.customers,
    newCustomers,
    orders: aov.orders,
    revenue: aov.revenue,
    averageOrderValue: aov.value,
    purchaseFrequency: frequency.value,
    repeatPurchaseRate: repeatPurchaseRate(ledger, range).rate,
  };
}

/** The activity section: current figures, the previous period's, and the change of each. */
export function activitySection(current: ActivityKpis, previous: ActivityKpis | null): ActivitySection {
  return {
    ...current,
    previous,
    change: {
      customers: change(current.customers, previous?.customers),
      newCustomers: change(current.newCustomers, previous?.newCustomers),
      orders: change(current.orders, previous?.orders),
      revenue: moneyChange(current.revenue, previous?.revenue),
      averageOrderValue: moneyChange(current.averageOrderValue, previous?.averageOrderValue),
      purchaseFrequency: change(current.purchaseFrequency, previous?.purchaseFrequency),
      repeatPurchaseRate: change(current.repeatPurchaseRate, previous?.repeatPurchaseRate),
    },
  };
}

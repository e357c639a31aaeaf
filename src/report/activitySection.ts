import type { Ledger } from "../input/ledger";
import { averageOrderValue } from "../metrics/averageOrderValue";
import { purchaseFrequency } from "../metrics/purchaseFrequency";
import { repeatPurchaseRate } from "../metrics/repeatPurchaseRate";
import { change, moneyChange } from "./change";
import { NOT_TESTED, notTested, rateSignificance } from "./significance";
import type { ActivityKpis, ActivitySection } from "./types";

/** Activity of `[start, end)`; `newCustomers` comes from the retention pass (first activity in range). */
export function activityKpis(ledger: Ledger, start: number, end: number, newCustomers: number): ActivityKpis {
  const range = { start, end };
  const aov = averageOrderValue(ledger, range);
  const frequency = purchaseFrequency(ledger, range);
  const repeat = repeatPurchaseRate(ledger, range);
  return {
    customers: frequency.customers,
    newCustomers,
    orders: aov.orders,
    revenue: aov.revenue,
    averageOrderValue: aov.value,
    purchaseFrequency: frequency.value,
    repeatPurchaseRate: repeat.rate,
    repeatCustomers: repeat.repeatCustomers,
  };
}

/** The activity section: current figures, the previous period's, the change of each and its significance. */
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
    significance: {
      customers: notTested(NOT_TESTED.count),
      newCustomers: notTested(NOT_TESTED.count),
      orders: notTested(NOT_TESTED.count),
      revenue: notTested(NOT_TESTED.money),
      averageOrderValue: notTested(NOT_TESTED.money),
      purchaseFrequency: notTested(NOT_TESTED.mean),
      repeatPurchaseRate: rateSignificance(previous && repeatCounts(previous), repeatCounts(current), "customers who ordered"),
    },
  };
}

/** The repeat-purchase rate as counts: repeat customers of the customers who ordered. */
function repeatCounts(kpis: ActivityKpis): { successes: number; trials: number } {
  return { successes: kpis.repeatCustomers, trials: kpis.customers };
}

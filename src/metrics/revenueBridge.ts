/**
 * The revenue bridge from a base window to the current one, in `10^-moneyScale` units, with
 * the customers behind each bucket. Filled one customer at a time by `addToBridge`.
 */
export interface RevenueBridge {
  base: number;
  current: number;
  expansion: number;
  contraction: number;
  churned: number;
  churnedRefunds: number;
  fresh: number;
  reactivation: number;
  readonly customers: { base: number; expanded: number; flat: number; contracted: number; churned: number };
  newCustomers: number;
  reactivatedCustomers: number;
}

/** An empty bridge. */
export function emptyBridge(): RevenueBridge {
  return {
    base: 0, current: 0, expansion: 0, contraction: 0, churned: 0, churnedRefunds: 0, fresh: 0, reactivation: 0,
    customers: { base: 0, expanded: 0, flat: 0, contracted: 0, churned: 0 },
    newCustomers: 0,
    reactivatedCustomers: 0,
  };
}

/**
 * Adds one customer with net revenue `was` in the base window and `now` in the current one.
 * Base customers (was > 0) are expanded, flat, contracted or churned (now ≤ 0). Anyone else
 * with revenue now is reactivated when they ordered before the base window
 * (`orderedBefore`), else new.
 */
export function addToBridge(bridge: RevenueBridge, was: number, now: number, orderedBefore: boolean): void {
  if (!(was > 0)) {
    if (orderedBefore) {
      if (now !== 0) bridge.reactivatedCustomers++;
      bridge.reactivation += now;
    } else {
      if (now !== 0) bridge.newCustomers++;
      bridge.fresh += now;
    }
    return;
  }
  const customers = bridge.customers;
  customers.base++;
  bridge.base += was;
  bridge.current += now;
  if (now > was) {
    customers.expanded++;
    bridge.expansion += now - was;
  } else if (now === was) {
    customers.flat++;
  } else if (now > 0) {
    customers.contracted++;
    bridge.contraction += was - now;
  } else {
    customers.churned++;
    bridge.churned += was;
    bridge.churnedRefunds += now;
  }
}

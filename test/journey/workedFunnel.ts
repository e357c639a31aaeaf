import type { CustomerEvent, Purchase } from "retention-metrics";

export const DAY = 86_400_000;
export const T0 = Date.UTC(2024, 0, 1);
export const day = (n: number): string => new Date(T0 + n * DAY).toISOString();
export const ev = (customerId: string, n: number, type: string): CustomerEvent => ({ customerId, at: day(n), type });
export const order = (customerId: string, n: number, amount = "10"): Purchase => ({ customerId, at: day(n), amount });

/*
 * The worked funnel of docs/journey.md. Steps signup → view → order → order:2, within 14 days,
 * entering in [day 0, day 10) (day n = 2024-01-01 + n days).
 *  a          signup d0, view d1, order d3 (1st), order d5 (2nd)          → 4 steps; gaps 1, 2, 2 days
 *  b          signup d2 and view d2 at the same instant, order d16       → 2 steps; gap 0 (a tie counts);
 *             the order is exactly 14 days after entering: outside the half-open window
 *  c          signup d10, exactly at end                                  → never enters
 *  d          signup d0 (exactly at start), order d1, view d4, order d6   → 3 steps; gaps 4, 2 days. The d1 order
 *             comes before the view, so it fills nothing; d6 is d's 2nd order but fills "order", and no later
 *             row is a 2nd order, so order:2 is not reached
 *  e          view d1, signup d3, signup d5, view d20                     → 1 step: enters once at d3 (first touch);
 *             d20 is past d3 + 14 = d17
 *  __proto__  signup d4, view d5, order d6, order d7                      → 4 steps; gaps 1, 1, 1 days
 *  f          order d2 only                                               → never enters
 * Step customers 5, 4, 3, 2; dropped 0, 1, 1, 1.
 * conversionFromPrevious 1, 4/5 = 0.8, 3/4 = 0.75, 2/3; conversionFromStart 1, 0.8, 0.6, 0.4; overall 2/5 = 0.4.
 * Median gaps: view [0, 1, 1, 4] → (1 + 1)/2 = 1 day; order [1, 2, 2] → 2 days; order:2 [1, 2] → 1.5 days.
 */
export const workedEvents: CustomerEvent[] = [
  ev("a", 0, "signup"), ev("a", 1, "view"),
  ev("b", 2, "signup"), ev("b", 2, "view"),
  ev("c", 10, "signup"),
  ev("d", 0, "signup"), ev("d", 4, "view"),
  ev("e", 1, "view"), ev("e", 3, "signup"), ev("e", 5, "signup"), ev("e", 20, "view"),
  ev("__proto__", 4, "signup"), ev("__proto__", 5, "view"),
];
export const workedPurchases: Purchase[] = [
  order("a", 3), order("a", 5),
  order("b", 16),
  order("d", 1), order("d", 6),
  order("__proto__", 6), order("__proto__", 7),
  order("f", 2),
];
export const workedOptions = { steps: ["signup", "view", "order", "order:2"], within: { days: 14 }, start: day(0), end: day(10) };


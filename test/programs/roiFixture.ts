import type { Cost, CustomerEvent, Purchase } from "../../src/index";

/*
 * The hand-worked program of docs/programs.md. Pre-period [2024-01-01, 2024-04-01), program
 * period [2024-04-01, 2024-07-01) (91 days each), margin 0.5 on every purchase.
 *
 * customer  first order  pre revenue  period orders (amounts)  period margin  member
 * m1        Jan          100          2 (80, 40)               60             yes
 * m2        Jan          10           1 (20)                   10             yes
 * m5        Jan          10           1 (30)                   15             yes
 * m3        Feb          50           1 (30)                   15             yes (alone in its stratum)
 * m4        —            0            1 (40)                   20             yes (no order before the period)
 * n1        Jan          100          1 (60)                   30             no
 * n2        Jan          10           1 (10)                   5              no
 * n3        Jan          10           0                        0              no
 */
const order = (customerId: string, at: string, amount: string): Purchase => ({ customerId, at, amount });

export const ROI_PURCHASES: readonly Purchase[] = [
  order("m1", "2024-01-10", "100"),
  order("m2", "2024-01-11", "10"),
  order("m5", "2024-01-12", "10"),
  order("m3", "2024-02-10", "50"),
  order("n1", "2024-01-13", "100"),
  order("n2", "2024-01-14", "10"),
  order("n3", "2024-01-15", "10"),
  order("m1", "2024-04-05", "80"),
  order("m1", "2024-05-05", "40"),
  order("m2", "2024-04-06", "20"),
  order("m5", "2024-04-07", "30"),
  order("m3", "2024-04-08", "30"),
  order("m4", "2024-04-09", "40"),
  order("n1", "2024-04-10", "60"),
  order("n2", "2024-04-11", "10"),
];

export const ROI_EVENTS: readonly CustomerEvent[] = ["m1", "m2", "m3", "m4", "m5"].map((customerId) => ({ customerId, at: "2024-03-15", type: "program_join" }));

export const ROI_COSTS: readonly Cost[] = [
  ...["m1", "m2", "m3", "m4", "m5"].map((customerId) => ({ customerId, at: "2024-04-10", amount: "10", program: "club", channel: "mail" })),
  { at: "2024-04-01", amount: "20", program: "club" },
  { customerId: "n1", at: "2024-04-20", amount: "5", program: "club", channel: "mail" },
  { customerId: "ghost", at: "2024-05-01", amount: "5", program: "winback", channel: "phone" },
  { customerId: "m1", at: "2024-07-01", amount: "99", program: "club" },
];

export const ROI_PERIOD = { start: "2024-04-01", end: "2024-07-01" } as const;

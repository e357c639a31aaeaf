import type { Purchase } from "retention-metrics";

/** The seven purchases of test/fixtures/cli/purchases.csv, frozen. */
export const PURCHASES: readonly Purchase[] = Object.freeze(
  [
    { customerId: "a", at: "2024-01-10", amount: "10.00", orderId: "o1" },
    { customerId: "b", at: "2024-01-20", amount: "5.00", orderId: "o2" },
    { customerId: "a", at: "2024-02-10", amount: "20.00", orderId: "o3" },
    { customerId: "c", at: "2024-02-25", amount: "40.00", orderId: "o4" },
    { customerId: "a", at: "2024-03-05", amount: "30.00", orderId: "o5" },
    { customerId: "b", at: "2024-03-15", amount: "15.00", orderId: "o6" },
    { customerId: "__proto__", at: "2024-03-20", amount: "8.00", orderId: "o7" },
  ].map((row) => Object.freeze(row)),
);

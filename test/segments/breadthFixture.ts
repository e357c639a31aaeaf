import type { Purchase } from "retention-metrics";

/*
 * The worked example of docs/segments.md ("Category breadth"):
 *   a: 01-05 shoes 10 + socks 5 (same instant), 02-01 hats 20, 03-01 shoes 15, 03-10 refund of shoes −10
 *   b: 01-10 shoes 30, 02-10 shoes 10, 02-20 bags 40 + hats 8 (same instant)
 *   c: 01-15 socks 7
 *   d: 01-20 12, no category
 *   e: 01-25 hats 9, 04-01 bags 11
 */
export const ledgerRows: Purchase[] = [
  { customerId: "a", at: "2024-01-05", amount: "10", category: "shoes" },
  { customerId: "a", at: "2024-01-05", amount: "5", category: "socks" },
  { customerId: "a", at: "2024-02-01", amount: "20", category: "hats" },
  { customerId: "a", at: "2024-03-01", amount: "15", category: "shoes" },
  { customerId: "a", at: "2024-03-10", amount: "-10", category: "shoes" },
  { customerId: "b", at: "2024-01-10", amount: "30", category: "shoes" },
  { customerId: "b", at: "2024-02-10", amount: "10", category: "shoes" },
  { customerId: "b", at: "2024-02-20", amount: "40", category: "bags" },
  { customerId: "b", at: "2024-02-20", amount: "8", category: "hats" },
  { customerId: "c", at: "2024-01-15", amount: "7", category: "socks" },
  { customerId: "d", at: "2024-01-20", amount: "12" },
  { customerId: "e", at: "2024-01-25", amount: "9", category: "hats" },
  { customerId: "e", at: "2024-04-01", amount: "11", category: "bags" },
];

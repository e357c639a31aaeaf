/** The worked example of docs/clv.md, "Customer equity" (frozen rows). */
export const EQUITY_EXAMPLE = Object.freeze([
  { customerId: "a", at: "2022-03-01", amount: "100" },
  { customerId: "a", at: "2022-09-01", amount: "100" },
  { customerId: "a", at: "2024-06-01", amount: "300" },
  { customerId: "b", at: "2023-02-01", amount: "50" },
  { customerId: "b", at: "2023-06-01", amount: "150" },
  { customerId: "b", at: "2024-03-01", amount: "700" },
  { customerId: "__proto__", at: "2024-10-01", amount: "100" },
].map((row) => Object.freeze(row)));

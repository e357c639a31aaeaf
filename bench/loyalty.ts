import { createLedger, discountProgramCost, frequencyTiers, type FrequencyProgram } from "../src/index";
import { generatePurchases } from "./generate";
import { measure } from "./harness";

/** Loyalty benchmarks: frequencyTiers and discountProgramCost on a ready 1M-purchase ledger (target 500 ms each). */
const ledger = createLedger({ purchases: generatePurchases({ purchases: 1_000_000 }) });
const program: FrequencyProgram = {
  window: { days: 365 },
  tiers: [
    { name: "member" },
    { name: "silver", minOrders: 4, discountRate: 0.05 },
    { name: "gold", minOrders: 10, minSpend: 500, discountRate: 0.1 },
  ],
};
const schedule = [
  { min: 0, rate: 0 },
  { min: 50, rate: 0.03 },
  { min: 100, rate: 0.06 },
];

measure("frequencyTiers (1M purchases)", () => frequencyTiers(ledger, program, { asOf: "2023-07-01" }), { targetMs: 500 });
measure("discountProgramCost, frequency (1M purchases)", () =>
  discountProgramCost(ledger, program, { start: "2022-01-01", end: "2024-01-01", margin: 0.35, retentionRate: 0.7, discountRate: 0.1 }),
  { targetMs: 500 });
measure("discountProgramCost, volume incremental (1M)", () =>
  discountProgramCost(ledger, schedule, { start: "2022-01-01", end: "2024-01-01", margin: 0.35, mode: "incremental" }),
  { targetMs: 500 });

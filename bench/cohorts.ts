/**
 * Benchmarks of the cohort module on a ready ledger of 1,000,000 purchases
 * (`generatePurchases`, seed 42; the ledger is built outside the timed part).
 * Run with `npx tsx bench/cohorts.ts`. Targets: 300 ms each for cohortRetention and
 * revenueRetention; retentionSeries and survivalCurve are timed for information.
 */
import { cohortRetention, createLedger, retentionSeries, revenueRetention, survivalCurve } from "../src/index";
import { generatePurchases } from "./generate";
import { measure } from "./harness";

const ledger = createLedger({ purchases: generatePurchases({ purchases: 1_000_000 }) });
console.log(`ledger: ${ledger.purchases.count} purchases, ${ledger.customerIds.length} customers`);

measure("cohortRetention month/customers (1M)", () => cohortRetention(ledger, { granularity: "month", asOf: "2024-01-01" }), { targetMs: 300 });
measure("cohortRetention month/revenue (1M)", () => cohortRetention(ledger, { granularity: "month", asOf: "2024-01-01", measure: "revenue" }), { targetMs: 300 });
measure("cohortRetention week/return-on-or-after (1M)", () => cohortRetention(ledger, { granularity: "week", asOf: "2024-01-01", mode: "return-on-or-after" }), { targetMs: 300 });
measure("revenueRetention 2023 vs 2022 (1M)", () => revenueRetention(ledger, { start: "2023-01-01", end: "2024-01-01" }), { targetMs: 300 });
measure("retentionSeries 24 months (1M)", () => retentionSeries(ledger, { granularity: "month", from: "2022-01-01", to: "2024-01-01" }));

const contracts = createLedger({
  events: Array.from({ length: 100_000 }, (_, i) => [
    { customerId: `s${i}`, at: Date.UTC(2022, 0, 1) + (i % 700) * 86_400_000, type: "signup" },
    ...(i % 3 === 0 ? [] : [{ customerId: `s${i}`, at: Date.UTC(2022, 0, 1) + ((i % 700) + 1 + (i % 400)) * 86_400_000, type: "cancel" }]),
  ]).flat(),
});
measure("survivalCurve 100k contracts", () => survivalCurve(contracts, { asOf: "2024-01-01", unit: "month" }));

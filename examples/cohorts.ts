/**
 * A monthly acquisition-cohort table for the bundled CDNOW sample (2,357 customers who first
 * bought in January–March 1997, followed to 30 June 1998): how many of each month's new
 * customers bought again in each later month, the average curve, and revenue retention.
 * Run: npx tsx examples/cohorts.ts
 */
import assert from "node:assert/strict";
import { cohortRetention, createLedger, revenueRetention } from "retention-metrics";
import { loadCdnowSample } from "./data/cdnow";

const ledger = createLedger({ purchases: loadCdnowSample() });
const asOf = "1998-07-01"; // June 1998 has ended, so every cohort is observed through it
const table = cohortRetention(ledger, { granularity: "month", asOf });

const percent = (rate: number | null): string => (rate === null ? "   –" : `${(rate * 100).toFixed(0)}%`.padStart(4));
const width = table.curve.length;
console.log(`CDNOW monthly cohorts, customers with an order in month k (asOf ${asOf})\n`);
console.log(`cohort   size  ${Array.from({ length: width }, (_, k) => `m${k}`.padStart(4)).join(" ")}`);
for (const cohort of table.cohorts) {
  console.log(`${cohort.key}  ${String(cohort.size).padStart(4)}  ${cohort.rates.map(percent).join(" ")}`);
}
console.log(`average        ${table.curve.map((point) => percent(point.rate)).join(" ")}`);

const revenue = cohortRetention(ledger, { granularity: "month", asOf, measure: "revenue" });
console.log("\nrevenue per cohort in its first three months:");
for (const cohort of revenue.cohorts) {
  console.log(`${cohort.key}  ${cohort.values.slice(0, 3).map((value) => `$${value.toFixed(2)}`.padStart(11)).join(" ")}`);
}

const secondHalf = revenueRetention(ledger, { start: "1998-01-01", end: "1998-07-01" });
console.log(
  `\nH1 1998 vs H2 1997: NRR ${percent(secondHalf.netRevenueRetention)}, GRR ${percent(secondHalf.grossRevenueRetention)}, ` +
    `base $${secondHalf.baseRevenue.toFixed(2)} from ${secondHalf.customers.base} customers, churned ${secondHalf.customers.churned}`,
);

assert.deepEqual(table.cohorts.map((cohort) => cohort.key), ["1997-01", "1997-02", "1997-03"]);
assert.equal(table.cohorts.reduce((sum, cohort) => sum + cohort.size, 0), 2357);
assert.ok(table.cohorts.every((cohort) => cohort.rates[0] === 1));

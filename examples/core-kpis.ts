/**
 * The core KPIs of the bundled CDNOW sample (2,357 customers, 6,919
 * purchases, January 1997 to June 1998), printed as a readable summary.
 */
import {
  averageOrderValue,
  createLedger,
  nps,
  purchaseFrequency,
  repeatPurchaseRate,
  retentionRate,
  type RetentionRate,
} from "retention-metrics";
import { loadCdnowSample } from "./data/cdnow";

const ledger = createLedger({ purchases: loadCdnowSample() }, { currency: "USD" });
const percent = (value: number | null): string => (value === null ? "n/a" : `${(value * 100).toFixed(1)}%`);

console.log("retention-metrics demo: CDNOW sample (Fader, Hardie & Lee 2005)");
console.log(`${ledger.customerIds.length} customers, ${ledger.purchases.count} purchases, ${ledger.orderCount} orders\n`);

console.log("All time");
const aov = averageOrderValue(ledger);
console.log(`  revenue               $${aov.revenue.toFixed(2)}`);
console.log(`  average order value   $${aov.value?.toFixed(2) ?? "n/a"}`);
console.log(`  purchase frequency    ${purchaseFrequency(ledger).value?.toFixed(2) ?? "n/a"} orders per customer`);
console.log(`  repeat purchase rate  ${percent(repeatPurchaseRate(ledger).rate)}\n`);

console.log("Quarterly retention (active = an order in the previous 3 months)");
console.log("  quarter    active at start  retained  lost  came back  retention  churn   CRR");
const quarters = ["1997-04-01", "1997-07-01", "1997-10-01", "1998-01-01", "1998-04-01", "1998-07-01"];
for (let i = 0; i + 1 < quarters.length; i++) {
  const result: RetentionRate = retentionRate(ledger, { start: quarters[i]!, end: quarters[i + 1]!, activeWindow: { months: 3 } });
  const label = `${quarters[i]!.slice(0, 4)}-Q${Math.floor(Number(quarters[i]!.slice(5, 7)) / 3) + 1}`;
  console.log(
    `  ${label.padEnd(9)}  ${String(result.startCount).padStart(15)}  ${String(result.retainedCount).padStart(8)}  ${String(result.lostCount).padStart(4)}  ${String(result.reactivatedCount).padStart(9)}  ${percent(result.rate).padStart(9)}  ${percent(result.churnRate).padStart(6)}  ${percent(result.crr).padStart(6)}`,
  );
}

const lastQuarter = { start: "1998-04-01", end: "1998-07-01" };
console.log("\nQ2 1998");
console.log(`  orders                ${purchaseFrequency(ledger, lastQuarter).orders}`);
console.log(`  average order value   $${averageOrderValue(ledger, lastQuarter).value?.toFixed(2) ?? "n/a"}`);
console.log(`  repeat purchase rate  ${percent(repeatPurchaseRate(ledger, lastQuarter).rate)}`);
const score = nps(ledger).score;
console.log(`  NPS                   ${score === null ? "n/a (the CDNOW sample has no survey responses)" : score.toFixed(1)}`);

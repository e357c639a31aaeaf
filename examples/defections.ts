/**
 * Defections on the bundled CDNOW sample (2,357 customers who first bought in January–March
 * 1997): which kind of defection hides the most unrealized revenue as of 1 July 1998, the
 * at-risk customers most worth a call, the RFM segments and the most lucrative loyals.
 * Run: npx tsx examples/defections.ts
 */
import assert from "node:assert/strict";
import { classifyDefections, createLedger, defectionReport, loyalCustomers, ltvSegments, rfmScores } from "retention-metrics";
import { loadCdnowSample } from "./data/cdnow";

const ledger = createLedger({ purchases: loadCdnowSample() }, { currency: "USD" });
const asOf = "1998-07-01";
const classifications = classifyDefections(ledger, { asOf });
const report = defectionReport(classifications, { topAtRisk: 10 });
const percent = (share: number | null): string => (share === null ? "n/a" : `${(share * 100).toFixed(1)}%`);

console.log(`CDNOW sample as of ${asOf}: ${report.customers} customers`);
console.log(`  active ${report.active}, at risk ${report.atRisk}, defected ${report.defected} (defection rate ${percent(report.defectionRate)})\n`);
console.log("Defections by reason (by unrealized annual value)");
console.log("  reason                     defected  share   unrealized  share   at risk  value at risk");
for (const row of report.byReason) {
  console.log(
    `  ${row.reason.padEnd(26)} ${String(row.customers).padStart(8)}  ${percent(row.shareOfDefected).padStart(6)} ` +
      `${`$${row.unrealizedValue.toFixed(2)}`.padStart(12)}  ${percent(row.shareOfUnrealized).padStart(6)} ` +
      `${String(row.atRisk).padStart(8)}  ${`$${row.valueAtRisk.toFixed(2)}`.padStart(13)}`,
  );
}

console.log(`\nTop ${report.topAtRisk.length} at-risk customers (value at risk $${report.atRiskValue.toFixed(2)} in all)`);
console.log("  customer  reason                     since       expected gap  days since  value at risk");
for (const row of report.topAtRisk) {
  console.log(
    `  ${row.customerId.padEnd(8)}  ${row.reason.padEnd(26)} ${row.since?.toISOString().slice(0, 10) ?? "–"}  ` +
      `${`${row.expectedGapDays?.toFixed(1) ?? "–"} d`.padStart(12)}  ${row.daysSinceLastActivity.toFixed(0).padStart(10)}  ${`$${row.valueAtRisk.toFixed(2)}`.padStart(13)}`,
  );
}

const segments = new Map<string, number>();
for (const row of rfmScores(ledger, { asOf })) segments.set(row.segment, (segments.get(row.segment) ?? 0) + 1);
console.log("\nRFM segments (quintiles)");
for (const [segment, count] of [...segments].sort((a, b) => b[1] - a[1])) console.log(`  ${segment.padEnd(20)} ${String(count).padStart(5)}`);

const tiers = ltvSegments(ledger, { method: "pareto" });
const top = tiers.tiers[0]!;
console.log(`\n${top.customers} customers (${percent(top.shareOfCustomers)}) hold ${percent(top.shareOfValue)} of revenue; Gini ${tiers.concentration.gini?.toFixed(3)}`);
const loyal = loyalCustomers(ledger, { asOf });
console.log(`most lucrative loyals: ${loyal.count} customers (${percent(loyal.shareOfCustomers)}) with ${percent(loyal.shareOfRevenue)} of revenue`);

assert.equal(report.active + report.atRisk + report.defected, ledger.customerIds.length);
assert.equal(classifications.length, 2357);
assert.ok(report.byReason.length > 0 && report.topAtRisk.length === 10);

/**
 * Foundation benchmark: createLedger and the core KPIs at 100k and 1M purchases.
 * Targets on a 2-core machine: createLedger(1M) < 1.5 s; each metric on a ready 1M ledger < 150 ms.
 * Also createLedger(1M) from the same purchases as row objects, as columns and as an Arrow table,
 * side by side, against issue 13's targets: ≤ 400 ms from rows, ≤ 150 ms from columns or Arrow.
 * Run: npx tsx bench/foundation.ts
 */
import {
  averageOrderValue,
  churnRate,
  createLedger,
  nps,
  purchaseFrequency,
  repeatPurchaseRate,
  retentionRate,
  type SurveyResponse,
} from "../src/index";
import { generatePurchases, seededRandom } from "./generate";
import { measure } from "./harness";
import { asArrayColumns, asArrowTable, asTypedColumns } from "./ledgerInputShapes";

const period = { start: "2023-01-01", end: "2023-04-01" };

for (const size of [100_000, 1_000_000]) {
  const purchases = generatePurchases({ purchases: size });
  const label = size >= 1_000_000 ? "1M" : `${size / 1000}k`;
  const ledger = createLedger({ purchases });
  const big = size >= 1_000_000;
  console.log(`\n${label} purchases, ${ledger.customerIds.length} customers`);
  measure(`createLedger (${label})`, () => createLedger({ purchases }), { runs: 5, ...(big ? { targetMs: 1500 } : {}) });
  const metricTarget = big ? { targetMs: 150 } : {};
  measure(`retentionRate (${label})`, () => retentionRate(ledger, period), metricTarget);
  measure(`churnRate (${label})`, () => churnRate(ledger, period), metricTarget);
  measure(`repeatPurchaseRate (${label}, all time)`, () => repeatPurchaseRate(ledger), metricTarget);
  measure(`purchaseFrequency (${label}, all time)`, () => purchaseFrequency(ledger), metricTarget);
  measure(`averageOrderValue (${label}, all time)`, () => averageOrderValue(ledger), metricTarget);
}

{
  const purchases = generatePurchases({ purchases: 1_000_000 });
  const arrays = asArrayColumns(purchases);
  const typed = asTypedColumns(purchases);
  const table = asArrowTable(purchases);
  console.log("\ncreateLedger from 1M purchases in each input shape");
  measure("rows: Purchase[] (ISO strings, decimal strings)", () => createLedger(purchases), { runs: 7, targetMs: 400 });
  measure("columns: plain arrays of the same values", () => createLedger({ purchases: arrays }), { runs: 7, targetMs: 150 });
  measure("columns: Float64Array times and amounts", () => createLedger({ purchases: typed }), { runs: 7, targetMs: 150 });
  measure("Arrow table (dictionary ids, ms timestamps, Decimal128)", () => createLedger(table), { runs: 7, targetMs: 150 });
}

const random = seededRandom(7);
const surveys: SurveyResponse[] = Array.from({ length: 1_000_000 }, (_, i) => ({
  at: 1_672_531_200_000 + i * 60_000,
  score: Math.floor(random() * 11),
}));
const surveyLedger = createLedger({ surveys });
console.log("\n1M survey responses");
measure("nps (1M responses, ready ledger)", () => nps(surveyLedger), { targetMs: 150 });

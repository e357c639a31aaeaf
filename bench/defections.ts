import { classifyDefections, createLedger, defectionReport, loyalCustomers, ltvSegments, rfmScores } from "../src/index";
import { generatePurchases } from "./generate";
import { measure } from "./harness";

/**
 * Defections and segments on a ready ledger of 1M purchases from 100k customers:
 * classifyDefections and rfmScores (the target: 500 ms each), and defectionReport,
 * ltvSegments and loyalCustomers, held to the same 500 ms. The ledger and the
 * classifications are built outside the timed parts. Run: npx tsx bench/defections.ts
 */
const ledger = createLedger({ purchases: generatePurchases({ purchases: 1_000_000, customers: 100_000 }) });
const asOf = "2024-01-01";
const classifications = classifyDefections(ledger, { asOf });
const options = { runs: 7, targetMs: 500 };

measure("classifyDefections (1M rows, 100k customers)", () => classifyDefections(ledger, { asOf }), options);
measure("defectionReport (100k classifications)", () => defectionReport(classifications, { topAtRisk: 20 }), options);
measure("rfmScores (1M rows, 100k customers)", () => rfmScores(ledger, { asOf }), options);
measure("ltvSegments, Pareto by revenue (100k customers)", () => ltvSegments(ledger, { method: "pareto" }), options);
measure("loyalCustomers, given classifications (100k customers)", () => loyalCustomers(ledger, { asOf, classifications }), options);

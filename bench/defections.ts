import { classifyDefections, createLedger, rfmScores } from "../src/index";
import { generatePurchases } from "./generate";
import { measure } from "./harness";

/**
 * classifyDefections and rfmScores on a ready ledger of 1M purchases from 100k customers
 * (target: 500 ms each). The ledger is built outside the timed part.
 * Run: npx tsx bench/defections.ts
 */
const ledger = createLedger({ purchases: generatePurchases({ purchases: 1_000_000, customers: 100_000 }) });
const asOf = "2024-01-01";

measure("classifyDefections (1M rows, 100k customers)", () => classifyDefections(ledger, { asOf }), { runs: 7, targetMs: 500 });
measure("rfmScores (1M rows, 100k customers)", () => rfmScores(ledger, { asOf }), { runs: 7, targetMs: 500 });

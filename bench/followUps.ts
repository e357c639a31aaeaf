import { createLedger, followUps, type SurveyResponse } from "../src/index";
import { generatePurchases, seededRandom } from "./generate";
import { measure } from "./harness";

/**
 * followUps on a ready ledger of 1M purchases from 100k customers and 1M survey answers (a
 * third each NPS, CSAT and CES, over the same customers and two years): the target is
 * 150 ms. The ledger is built outside the timed part. Run: npx tsx bench/followUps.ts
 */
const DAY_MS = 86_400_000;
const random = seededRandom(7);
const start = Date.parse("2022-01-01T00:00:00Z");
const kinds = [["nps", 11, 0], ["csat", 5, 1], ["ces", 7, 1]] as const;
const surveys: SurveyResponse[] = [];
for (let i = 0; i < 1_000_000; i++) {
  const [kind, size, low] = kinds[i % 3]!;
  surveys.push({ customerId: `c${Math.floor(random() * 100_000).toString().padStart(7, "0")}`, at: start + Math.floor(random() * 730 * DAY_MS), score: low + Math.floor(random() * size), kind });
}
const ledger = createLedger({ purchases: generatePurchases({ purchases: 1_000_000, customers: 100_000 }), surveys });
const asOf = "2024-01-01";
const listed = followUps(ledger, { asOf }).entries.length;
console.log(`${listed} customers to call back (90-day window)`);

measure("followUps (1M purchases, 1M answers, 90 days)", () => followUps(ledger, { asOf }), { runs: 9, targetMs: 150 });
measure("followUps (1M purchases, 1M answers, 1 year)", () => followUps(ledger, { asOf, within: { years: 1 } }), { runs: 9, targetMs: 150 });

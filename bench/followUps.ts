import { createLedger, followUps, type SurveyResponse } from "../src/index";
import { generatePurchases, seededRandom } from "./generate";
import { measure } from "./harness";

/**
 * followUps on ready ledgers of 1M purchases from 100k customers (two years) with 1M survey
 * answers, and with 100k (a third each NPS, CSAT and CES, scores uniform on each scale, so about
 * half the answers are unhappy): the target is 150 ms. Ledgers are built outside the
 * timed part. Run: npx tsx bench/followUps.ts
 */
const DAY_MS = 86_400_000;
const random = seededRandom(7);
const start = Date.parse("2022-01-01T00:00:00Z");
const kinds = [["nps", 11, 0], ["csat", 5, 1], ["ces", 7, 1]] as const;
function answers(count: number): SurveyResponse[] {
  const surveys: SurveyResponse[] = [];
  for (let i = 0; i < count; i++) {
    const [kind, size, low] = kinds[i % 3]!;
    surveys.push({ customerId: `c${Math.floor(random() * 100_000).toString().padStart(7, "0")}`, at: start + Math.floor(random() * 730 * DAY_MS), score: low + Math.floor(random() * size), kind });
  }
  return surveys;
}
const purchases = generatePurchases({ purchases: 1_000_000, customers: 100_000 });
const asOf = "2024-01-01";
for (const count of [1_000_000, 100_000]) {
  const ledger = createLedger({ purchases, surveys: answers(count) });
  const label = `${count / 1000}k answers`;
  console.log(`${label}: ${followUps(ledger, { asOf }).entries.length} customers to call back (90-day window)`);
  measure(`followUps (1M purchases, ${label}, 90 days)`, () => followUps(ledger, { asOf }), { runs: 9, targetMs: 150 });
  measure(`followUps (1M purchases, ${label}, 1 year)`, () => followUps(ledger, { asOf, within: { years: 1 } }), { runs: 9, targetMs: 150 });
}

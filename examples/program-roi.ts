/**
 * Does a loyalty club pay? Retention spend and program ROI on generated data: 3,000 customers,
 * a club that the heavier buyers join more often (as in real life), a true lift of 8 points in
 * monthly order probability for members, and the club's costs (a card mailed each month per
 * member, a platform fee). The naive comparison with every non-member overstates the return;
 * the matched baseline (same first-order month and spend decile) takes most of that bias out.
 * Run with `npx tsx examples/program-roi.ts`.
 */
import assert from "node:assert/strict";
import { createLedger, programRoi, retentionSpend, type Cost, type CustomerEvent, type Purchase } from "retention-metrics";

// A small linear congruential generator (Numerical Recipes constants): the same data every run.
let state = 15;
const random = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;

const DAY = 86_400_000;
const month = (year: number, m: number): number => Date.UTC(year, m, 1);
const purchases: Purchase[] = [];
const events: CustomerEvent[] = [];
const costs: Cost[] = [];
for (let c = 0; c < 3000; c++) {
  const customerId = `c${c}`;
  const rate = 0.1 + 0.6 * random(); // chance of an order in a month
  const basket = 20 + 60 * random();
  const member = random() < 0.1 + 0.6 * rate; // heavier buyers join more often
  const firstMonth = Math.floor(random() * 12); // first order in 2023
  purchases.push({ customerId, at: month(2023, firstMonth) + Math.floor(random() * 28) * DAY, amount: basket.toFixed(2) });
  if (member) events.push({ customerId, at: "2023-12-15", type: "program_join" });
  for (let m = firstMonth + 1; m < 18; m++) {
    const lift = member && m >= 12 ? 0.08 : 0;
    if (random() < rate + lift) purchases.push({ customerId, at: month(2023, m) + Math.floor(random() * 28) * DAY, amount: (basket * (0.8 + 0.4 * random())).toFixed(2) });
    if (member && m >= 12) costs.push({ customerId, at: month(2023, m), amount: "1.20", program: "club", channel: "mail" });
  }
}
for (let m = 12; m < 18; m++) costs.push({ at: month(2023, m), amount: "400", program: "club" });

const ledger = createLedger({ purchases, events, costs });
const half = { start: "2024-01-01", end: "2024-07-01" };

// 1. What retention cost in the first half of 2024.
const spend = retentionSpend(ledger, { ...half, margin: "0.35", by: "channel" });
console.log(`spend ${spend.totalSpend.toFixed(2)}: ${spend.spendPerActiveCustomer?.toFixed(2)} per active customer, ${spend.spendPerRetainedCustomer?.toFixed(2)} per retained one`);
console.log(`  ${((spend.shareOfRevenue ?? 0) * 100).toFixed(1)}% of revenue, ${((spend.shareOfMargin ?? 0) * 100).toFixed(1)}% of margin`);
for (const g of spend.groups) console.log(`  ${String(g.key ?? "(program-level)").padEnd(16)} ${g.spend.toFixed(2).padStart(10)}`);
assert.equal(spend.totalSpend.toFixed(2), spend.groups.reduce((sum, g) => sum.plus(g.spend), spend.totalSpend.minus(spend.totalSpend)).toFixed(2));

// 2. The club's return, naive and matched.
const naive = programRoi(ledger, { ...half, program: "club", margin: "0.35", baseline: "all" });
const matched = programRoi(ledger, { ...half, program: "club", margin: "0.35" });
for (const [name, r] of [["all non-members", naive], ["matched baseline", matched]] as const) {
  const interval = r.roiInterval === null ? "" : ` (95%: ${(r.roiInterval.low * 100).toFixed(0)}% to ${(r.roiInterval.high * 100).toFixed(0)}%)`;
  console.log(`${name.padEnd(17)} retention ${((r.members.retention ?? 0) * 100).toFixed(1)}% vs ${((r.baseline.retention ?? 0) * 100).toFixed(1)}%, ` +
    `margin/member +${r.incrementalMarginPerMember?.toFixed(2)}, cost/member ${r.cost.perMember?.toFixed(2)}, ROI ${((r.roi ?? 0) * 100).toFixed(0)}%${interval}`);
}
console.log(`break-even incremental retention: ${((matched.breakEvenIncrementalRetention ?? 0) * 100).toFixed(1)} points`);
console.log(matched.statement);

// Heavier buyers joined more, so the naive comparison credits the club with their habits.
assert.ok(naive.roi !== null && matched.roi !== null && matched.roi < naive.roi);
assert.ok(matched.observational);
assert.equal(matched.cost.total.toFixed(2), spend.groups.reduce((sum, g) => sum.plus(g.spend), spend.totalSpend.minus(spend.totalSpend)).toFixed(2));

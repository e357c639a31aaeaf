/**
 * Loyalty-program math: why loyal customers are worth more than satisfied ones, and what a
 * three-tier frequency program would have cost on the bundled CDNOW sample, with its
 * break-even. Run with `npx tsx examples/loyalty-program.ts`.
 */
import assert from "node:assert/strict";
import {
  createLedger,
  discountProgramCost,
  frequencyTiers,
  retentionLiftImpact,
  retentionRate,
  simpleClv,
  volumeDiscount,
  type FrequencyProgram,
} from "retention-metrics";
import { loadCdnowSample } from "./data/cdnow";

// 1. Satisfied versus loyal: the same $50 ticket, bought 4 times a year or every week.
const satisfied = simpleClv({ averageOrderValue: 50, purchasesPerPeriod: 4, periods: 1 });
const loyal = simpleClv({ averageOrderValue: 50, purchasesPerPeriod: 52, periods: 1 });
const satisfied10 = simpleClv({ averageOrderValue: 50, purchasesPerPeriod: 4, periods: 10 });
const loyal10 = simpleClv({ averageOrderValue: 50, purchasesPerPeriod: 52, periods: 10 });
console.log(`satisfied: $${satisfied.toFixed(0)} a year, $${satisfied10.toFixed(0)} over 10 years`); // $200, $2000
console.log(`loyal:     $${loyal.toFixed(0)} a year, $${loyal10.toFixed(0)} over 10 years`); // $2600, $26000
assert.deepEqual([satisfied, satisfied10, loyal, loyal10].map((d) => d.toFixed(0)), ["200", "2000", "2600", "26000"]);

// 2. Five points more retention: 266.67 → 340.00 (+27.5%).
const lift = retentionLiftImpact({ margin: 100, retentionRate: 0.8, discountRate: 0.1, lift: 0.05 });
console.log(`CLV ${lift.before.toFixed(2)} → ${lift.after.toFixed(2)} (+${lift.changePct?.toFixed(1)}%)`);
assert.equal(lift.after.toFixed(2), "340.00");

// 3. A volume discount on one order: 3% from $50, 6% from $100, slice by slice.
const schedule = [{ min: 0, rate: 0 }, { min: 50, rate: 0.03 }, { min: 100, rate: 0.06 }];
const order = volumeDiscount("120.00", schedule, { mode: "incremental" });
console.log(`order $120: discount $${order.discount.toFixed(2)}, pays $${order.net.toFixed(2)}`); // 1.50 + 1.20 = 2.70
assert.equal(order.discount.toFixed(2), "2.70");

// 4. A three-tier frequency program replayed on the CDNOW sample, July 1997 – June 1998.
const ledger = createLedger({ purchases: loadCdnowSample() });
const program: FrequencyProgram = {
  window: { days: 365 },
  tiers: [
    { name: "member" },
    { name: "silver", minOrders: 3, discountRate: 0.05 },
    { name: "gold", minOrders: 6, minSpend: 250, discountRate: 0.1 },
  ],
};
const year = { start: "1997-07-01", end: "1998-07-01" };
const retention = retentionRate(ledger, { ...year, activeWindow: { days: 182 } });
const cost = discountProgramCost(ledger, program, {
  ...year,
  margin: 0.3,
  retentionRate: retention.rate ?? 0,
  discountRate: 0.1,
});
console.log(`replayed ${cost.orders} orders by ${cost.customers} customers: revenue $${cost.revenue.toFixed(2)}`);
for (const tier of cost.byTier) {
  console.log(`  ${String(tier.tier).padEnd(7)} ${String(tier.orders).padStart(5)} orders  $${tier.revenue.toFixed(2).padStart(10)}  discounts $${tier.discountCost.toFixed(2)}`);
}
console.log(`margin at 30%: $${cost.marginBefore.toFixed(2)} → $${cost.marginAfter.toFixed(2)} after $${cost.discountCost.toFixed(2)} of discounts`);
const { extraOrders, frequencyLift, retentionLiftPoints } = cost.breakEven;
console.log(`break-even: ${extraOrders === null ? "none" : Math.ceil(extraOrders)} extra orders (${frequencyLift === null ? "n/a" : (frequencyLift * 100).toFixed(1)}% more orders per customer)`);
console.log(`  or retention ${((retention.rate ?? 0) * 100).toFixed(1)}% + ${retentionLiftPoints === null ? "n/a" : (retentionLiftPoints * 100).toFixed(2)} points`);
assert.equal(cost.byTier.reduce((sum, tier) => sum + tier.orders, 0), cost.orders);
assert.ok(cost.discountCost.gt(0) && cost.marginAfter.lt(cost.marginBefore));

// 5. Who holds which tier on 1 July 1998.
const tiers = frequencyTiers(ledger, program, { asOf: "1998-07-01" });
console.log(tiers.summary.map((row) => `${String(row.tier)}: ${row.customers}`).join(", "));

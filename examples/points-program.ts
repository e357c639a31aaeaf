/**
 * A points program's liability and breakage on generated data: 2,000 members over four years
 * earn points on purchases, redeem some and lose some to expiry. What the program owes today,
 * how old those points are, what expires soon, and which share of each month's points will
 * never be redeemed. Run with `npx tsx examples/points-program.ts`.
 */
import assert from "node:assert/strict";
import { breakage, createLedger, pointsLedger } from "retention-metrics";

// A small seeded generator (the same data every run): per member a random walk of earnings,
// redemptions (up to the balance) and expiries (up to the balance), a few days apart.
let seed = 42;
const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const DAY = 86_400_000;
const events = { customerId: [] as string[], at: [] as number[], type: [] as string[], points: [] as number[] };
for (let m = 0; m < 2_000; m++) {
  let at = Date.UTC(2021, 0, 1) + Math.floor(random() * 365) * DAY;
  let balance = 0;
  while (at < Date.UTC(2025, 0, 1)) {
    const roll = random();
    const type = balance === 0 || roll < 0.6 ? "points_earned" : roll < 0.92 ? "points_redeemed" : "points_expired";
    const points = type === "points_earned" ? 10 * (1 + Math.floor(random() * 30)) : 1 + Math.floor(random() * balance);
    balance += type === "points_earned" ? points : -points;
    events.customerId.push(`m${m}`), events.at.push(at), events.type.push(type), events.points.push(points);
    at += Math.floor(5 + random() * 40) * DAY;
  }
}
const ledger = createLedger({ events }); // columns, validated once

// 1. What the program owes: 1 point = $0.01, points live 12 months after they are earned.
const asOf = "2025-01-01";
const owed = pointsLedger(ledger, { asOf, pointValue: "0.01", expiry: { months: 12 } });
console.log(`${owed.customers} members hold ${owed.outstanding.toLocaleString("en-US")} points: a liability of $${owed.liability.toFixed(2)}`);
console.log(`  earned ${owed.earned} − redeemed ${owed.redeemed} − expired ${owed.expired}`);
for (const bucket of owed.byAge) console.log(`  aged ${bucket.fromDays}–${bucket.toDays ?? "…"} days: ${bucket.points} points ($${bucket.liability.toFixed(2)})`);
for (const window of owed.expiring!) console.log(`  expiring within ${window.days} days: ${window.points} points ($${window.liability.toFixed(2)})`);
assert.equal(owed.outstanding, owed.earned - owed.redeemed - owed.expired);
assert.equal(owed.byAge.reduce((sum, bucket) => sum + bucket.points, 0), owed.outstanding);
assert.ok(owed.liability.equals(owed.pointValue.times(owed.outstanding)));

// 2. Breakage by earning month: observed on closed cohorts, chain-ladder estimate on open ones.
// The youngest cohorts swing most: one or two months of redemptions times every later factor.
const cohorts = breakage(ledger, { cohort: "month", asOf });
for (const c of cohorts.cohorts.slice(-6)) {
  const shown = c.closed ? `${(c.observedBreakage! * 100).toFixed(1)}% observed` : c.estimatedBreakage === null ? c.reason : `${(c.estimatedBreakage * 100).toFixed(1)}% estimated`;
  console.log(`  ${c.cohort}: earned ${c.earned}, redeemed ${(c.redemptionRate! * 100).toFixed(1)}%, outstanding ${c.outstanding}; breakage ${shown}`);
}
console.log(`breakage of all cohorts: ${(cohorts.estimatedBreakage! * 100).toFixed(1)}% (an estimate: see docs/programs.md, "Caveats")`);
assert.equal(cohorts.outstanding, owed.outstanding);
assert.ok(cohorts.estimatedBreakage! >= 0 && cohorts.estimatedBreakage! <= 1);

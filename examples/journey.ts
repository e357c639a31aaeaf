/**
 * A signup → product view → cart → first order → second order funnel, and how soon first-time
 * buyers come back, on generated events (a seeded generator below: the same data every run).
 * Run: npx tsx examples/journey.ts
 */
import assert from "node:assert/strict";
import { createLedger, funnel, repeatConversion, type CustomerEvent, type Purchase } from "retention-metrics";

/** mulberry32: a small seeded random number generator. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seeded(2024);
const DAY = 86_400_000;
const start = Date.UTC(2024, 0, 1);
const events: CustomerEvent[] = [];
const purchases: Purchase[] = [];
for (let c = 0; c < 2000; c++) {
  const customerId = `cust-${c}`;
  const channel = c % 3 === 0 ? "ads" : "organic";
  let at = start + Math.floor(random() * 180) * DAY + Math.floor(random() * DAY);
  events.push({ customerId, at, type: "signup" });
  if (random() < 0.7) events.push({ customerId, at: (at += Math.floor(random() * 3 * DAY)), type: "view" }); else continue;
  if (random() < (channel === "ads" ? 0.35 : 0.5)) events.push({ customerId, at: (at += Math.floor(random() * 5 * DAY)), type: "cart" }); else continue;
  if (random() < 0.7) purchases.push({ customerId, at: (at += Math.floor(random() * 10 * DAY)), amount: (20 + random() * 80).toFixed(2) }); else continue;
  if (random() < 0.45) purchases.push({ customerId, at: at + Math.floor(random() * 120 * DAY), amount: (20 + random() * 80).toFixed(2) });
}
const ledger = createLedger({ events, purchases });

// Customers who signed up in the first half of 2024 and went on within 30 days of signing up;
// the segment is the signup channel, looked up from the entering occurrence's customer id.
const channelOf = (customerId: string): string => (Number(customerId.slice(5)) % 3 === 0 ? "ads" : "organic");
const result = funnel(ledger, {
  steps: ["signup", "view", "cart", "order", "order:2"],
  within: { days: 30 },
  start: "2024-01-01",
  end: "2024-07-01",
  by: (entering) => channelOf(entering.customerId),
});

const percent = (rate: number | null): string => (rate === null ? "–" : `${(rate * 100).toFixed(1)}%`);
const days = (ms: number | null): string => (ms === null ? "–" : `${(ms / DAY).toFixed(1)} d`);
console.log("step       customers  from previous  from start  median time  dropped");
for (const step of result.steps) {
  console.log(`${step.step.padEnd(10)} ${String(step.customers).padStart(9)}  ${percent(step.conversionFromPrevious).padStart(13)}  ${percent(step.conversionFromStart).padStart(10)}  ${days(step.medianTimeFromPrevious).padStart(11)}  ${String(step.dropped).padStart(7)}`);
}
console.log(`overall: ${percent(result.overallConversion)} of ${result.entered} who signed up placed a second order within 30 days`);
for (const segment of result.bySegment!) {
  console.log(`  ${segment.key}: ${segment.entered} entered, cart ${percent(segment.steps[2]!.conversionFromStart)}, 2nd order ${percent(segment.overallConversion)}`);
}

const repeat = repeatConversion(ledger, { asOf: "2024-10-01" });
console.log(`\nfirst-time buyers: ${repeat.firstTimeBuyers}, of whom ${repeat.secondOrders} ordered again before ${repeat.asOf!.toISOString().slice(0, 10)}`);
for (const window of repeat.windows) {
  console.log(`  second order within ${JSON.stringify(window.within)}: ${percent(window.rate)} (${window.converted} of ${window.observed} observed that long; ${window.censored} not yet)`);
}
console.log(`  median days to a second order (Kaplan–Meier): ${repeat.medianDaysToSecondOrder?.toFixed(1) ?? `none (${repeat.reason})`}`);

assert.equal(result.entered, 2000);
const counts = result.steps.map((step) => step.customers);
assert.ok(counts.every((n, k) => k === 0 || n <= counts[k - 1]!));
assert.equal(result.bySegment!.reduce((sum, segment) => sum + segment.entered, 0), result.entered);
assert.ok(repeat.windows.every((window) => window.observed + window.censored === repeat.firstTimeBuyers));

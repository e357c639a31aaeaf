/**
 * The README's quick start, exactly as printed there. `npm test` runs it against the built
 * package, so the README's code is known to work.
 */
import assert from "node:assert/strict";
import { averageOrderValue, createLedger, nps, repeatPurchaseRate, retentionRate } from "retention-metrics";

const ledger = createLedger({
  purchases: [
    { customerId: "ann", at: "2024-01-10", amount: "40.00" },
    { customerId: "ann", at: "2024-02-12", amount: "25.50" },
    { customerId: "bob", at: "2024-01-22", amount: "99.99" },
    { customerId: "cat", at: "2024-02-03", amount: "12.00" },
  ],
  surveys: [
    { customerId: "ann", at: "2024-02-15", score: 10 },
    { customerId: "bob", at: "2024-02-16", score: 6 },
    { customerId: "cat", at: "2024-02-20", score: 9 },
  ],
});

const february = retentionRate(ledger, { start: "2024-02-01", end: "2024-03-01", activeWindow: { months: 1 } });
console.log(february.rate, february.retainedCount, february.startCount); // 0.5 1 2
console.log(repeatPurchaseRate(ledger).rate); // 0.3333333333333333
console.log(averageOrderValue(ledger).value?.toFixed(2)); // 44.37
console.log(nps(ledger).score); // 33.333333333333336

assert.equal(february.rate, 0.5);
assert.equal(averageOrderValue(ledger).value?.toFixed(2), "44.37");
assert.equal(Math.round(nps(ledger).score ?? Number.NaN), 33);

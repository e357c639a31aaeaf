/**
 * Loads the bundled CDNOW sample CSV with `readLedger` (the Node entry), the way you would load
 * your own export, then reads the same bytes as a European Excel export would write them
 * (`;` and decimal commas) with `parseLedgerText` (the core entry), and checks both agree.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { averageOrderValue, parseLedgerText, repeatPurchaseRate } from "retention-metrics";
import { readLedger } from "retention-metrics/node";

const path = new URL("./data/cdnow-sample.csv", import.meta.url).pathname;
const ledger = await readLedger({ purchases: path }, { currency: "USD" });
const aov = averageOrderValue(ledger);
console.log(`${ledger.customerIds.length} customers, ${ledger.purchases.count} purchases`); // 2357 customers, 6919 purchases
console.log(`revenue $${aov.revenue.toFixed(2)}, average order $${aov.value?.toFixed(2)}`); // revenue $244091.94, average order $35.28
console.log(`repeat purchase rate ${(repeatPurchaseRate(ledger).rate! * 100).toFixed(1)}%`); // repeat purchase rate 48.9%

// The same data as "client;order_date;qty;total" with dd.MM.yyyy dates and decimal commas.
const [, ...rows] = readFileSync(path, "utf8").trim().split("\n");
const european = ["client;order_date;qty;total", ...rows.map((row) => {
  const [customerId, at, quantity, amount] = row.split(",");
  const [y, m, d] = at!.split("-");
  return `${customerId};${d}.${m}.${y};${quantity};${amount!.replace(".", ",")}`;
})].join("\r\n");
const fromExcel = parseLedgerText(european, {
  columns: { customerId: "client", at: "order_date", quantity: "qty", amount: "total" },
  dateFormat: "dd.MM.yyyy",
  decimalSeparator: ",",
  currency: "USD",
});

assert.equal(ledger.customerIds.length, 2357);
assert.equal(ledger.purchases.count, 6919);
assert.equal(averageOrderValue(fromExcel).revenue.toString(), aov.revenue.toString());
assert.deepEqual(fromExcel.customerIds, ledger.customerIds);

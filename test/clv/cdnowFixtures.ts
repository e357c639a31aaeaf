import { readFileSync } from "node:fs";
import type { Purchase } from "../../src/index";

const dir = new URL("../fixtures/clv/", import.meta.url);

/** CDNOW_sample.txt as purchases: sample id without zero padding ("1".."2357"), ISO day, dollars. */
export function cdnowPurchases(): Purchase[] {
  return readFileSync(new URL("CDNOW_sample.txt", dir), "utf8")
    .trim()
    .split(/\r?\n/)
    .map((line) => {
      const [, id = "", date = "", , amount = ""] = line.trim().split(/\s+/);
      return { customerId: String(Number(id)), at: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`, amount };
    });
}

/** A CSV fixture as rows of strings keyed by header. */
export function readCsv(name: string): Record<string, string>[] {
  const [header = "", ...lines] = readFileSync(new URL(name, dir), "utf8").trim().split(/\r?\n/);
  const keys = header.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((value, i) => [keys[i]!, value])));
}

/** cdnow_customers_summary.csv as summary rows (weeks). */
export function cdnowSummaryRows(): { customerId: string; frequency: number; recency: number; T: number }[] {
  return readCsv("cdnow_customers_summary.csv").map((row) => ({
    customerId: row.ID!,
    frequency: Number(row.frequency),
    recency: Number(row.recency),
    T: Number(row.T),
  }));
}

/** cdnow_customers_summary_with_transactions.csv as summary rows with monetaryValue = zbar. */
export function cdnowSpendRows(): { customerId: string; frequency: number; recency: number; T: number; monetaryValue: string }[] {
  return readCsv("cdnow_customers_summary_with_transactions.csv").map((row) => ({
    customerId: row.ID!,
    frequency: Number(row.x),
    recency: Number(row.t_x),
    T: Number(row.T),
    monetaryValue: row.zbar!,
  }));
}

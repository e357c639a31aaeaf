/**
 * Converts ../shared/data/CDNOW_sample.txt (whitespace-separated, YYYYMMDD dates) into
 * examples/data/cdnow-sample.csv: customerId (the sample id without leading zeros, as in
 * the lifetimes summary files), at (ISO date), quantity, amount (two-decimal string).
 * Run once: npx tsx scripts/convert-cdnow.ts ../shared/data/CDNOW_sample.txt
 */
import { readFileSync, writeFileSync } from "node:fs";

const source = process.argv[2] ?? "../shared/data/CDNOW_sample.txt";
const lines = readFileSync(source, "utf8").split(/\r?\n/).filter((line) => line.trim() !== "");
const rows = lines.map((line) => {
  const [, sampleId, date, cds, dollars] = line.trim().split(/\s+/);
  if (sampleId === undefined || date === undefined || cds === undefined || dollars === undefined) {
    throw new Error(`unexpected line: ${line}`);
  }
  const at = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
  return `${Number(sampleId)},${at},${Number(cds)},${Number(dollars).toFixed(2)}`;
});
writeFileSync("examples/data/cdnow-sample.csv", `customerId,at,quantity,amount\n${rows.join("\n")}\n`);
console.log(`wrote ${rows.length} rows`);

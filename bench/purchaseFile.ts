/**
 * Generated purchase files for the CLI benchmarks: `customerId,at,amount` lines (ISO timestamps,
 * two-decimal amounts) from `purchaseStream`, seed 7, written in batches so that a 20M-row file
 * never sits in memory.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeSync } from "node:fs";
import { purchaseStream } from "./generate";

/** Where generated files go (git-ignored). */
export const RESULTS_DIR = new URL("./results/", import.meta.url).pathname;

/** Where the `rows`-row file is (or would be) written. */
export const purchaseFilePath = (rows: number): string => `${RESULTS_DIR}purchases-${rows}.csv`;

/** The path of the `rows`-row file, written first when it does not exist. */
export function purchaseFile(rows: number): string {
  const path = purchaseFilePath(rows);
  if (existsSync(path)) return path;
  mkdirSync(RESULTS_DIR, { recursive: true });
  const partial = `${path}.partial`;
  const fd = openSync(partial, "w");
  let batch = "customerId,at,amount\n";
  for (const p of purchaseStream({ purchases: rows, seed: 7 })) {
    batch += `${p.customerId},${String(p.at)},${String(p.amount)}\n`;
    if (batch.length > 1 << 20) {
      writeSync(fd, batch);
      batch = "";
    }
  }
  writeSync(fd, batch);
  closeSync(fd);
  renameSync(partial, path);
  return path;
}

/** A file's size in MiB. */
export const fileMiB = (path: string): number => statSync(path).size / 2 ** 20;

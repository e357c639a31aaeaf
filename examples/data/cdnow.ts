import { readFileSync } from "node:fs";
import type { Purchase } from "retention-metrics";

/** Path of the bundled CDNOW sample (see README.md in this folder). */
export const CDNOW_SAMPLE_CSV = new URL("./cdnow-sample.csv", import.meta.url);

/** Reads the bundled CDNOW sample as purchase rows (amounts stay strings, dates ISO). */
export function loadCdnowSample(): Purchase[] {
  const [header, ...lines] = readFileSync(CDNOW_SAMPLE_CSV, "utf8").trim().split("\n");
  if (header !== "customerId,at,quantity,amount") throw new Error(`unexpected header: ${header}`);
  return lines.map((line) => {
    const [customerId = "", at = "", quantity = "", amount = ""] = line.split(",");
    return { customerId, at, quantity: Number(quantity), amount };
  });
}

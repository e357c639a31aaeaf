import { generatePurchases } from "./generate";
import { asArrayColumns } from "./ledgerInputShapes";
import { createLedger } from "../src/index";
import { collectGarbage } from "./harness";
const input = { purchases: asArrayColumns(generatePurchases({ purchases: 1_000_000 })) };
createLedger(input);
const ts: number[] = [];
for (let r = 0; r < Number(process.argv[2] ?? 7); r++) { collectGarbage(); const t = performance.now(); createLedger(input); ts.push(performance.now() - t); }
ts.sort((a, b) => a - b); console.log("median", ts[ts.length >> 1].toFixed(1), ts.map((x) => x.toFixed(0)).join(" "));

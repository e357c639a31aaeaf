import { asArrowTable, asTypedColumns } from "./ledgerInputShapes";
import { generatePurchases } from "./generate";
import { createLedger } from "../src/index";
const purchases = generatePurchases({ purchases: 1_000_000 });
const shape = process.argv[2] ?? "typed";
const input = (shape === "arrow" ? asArrowTable(purchases) : { purchases: asTypedColumns(purchases) }) as Parameters<typeof createLedger>[0];
const times: number[] = [];
for (let i = 0; i < 9; i++) { const t = performance.now(); createLedger(input); times.push(performance.now() - t); }
console.log(shape, times.map((t) => t.toFixed(0)).join(" "));

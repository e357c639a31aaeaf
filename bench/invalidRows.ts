import { createLedger, type Purchase } from "../src/index";

/*
 * 1M purchase rows, all valid or all invalid (a bad amount), through createLedger: invalid
 * rows should cost about what valid ones do (issue 12, item 13). `npx tsx bench/invalidRows.ts`
 */
const n = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 5);
/** Valid rows, or rows with four bad fields each (a numeric id, an impossible date, a malformed amount, a string quantity). */
const rows = (bad: boolean): Purchase[] =>
  Array.from({ length: n }, (_, i) =>
    bad
      ? ({ customerId: i, at: "2024-02-30", amount: "12..5", quantity: "2" } as unknown as Purchase)
      : { customerId: `c${i % 100_000}`, at: "2024-01-05", amount: "12.50" },
  );

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

for (const bad of [false, true]) {
  const input = rows(bad);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    try {
      createLedger(input);
    } catch (error) {
      if (!bad) throw error;
    }
    times.push(performance.now() - start);
  }
  console.log(`${bad ? "invalid" : "valid"} ${n} rows: median ${median(times).toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(", ")})`);
}

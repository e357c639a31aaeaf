import { describe, expect, it } from "vitest";
import { readLedger } from "../../src/io/node/readLedger";

/** One record whose line is `mb` MiB long (an ignored `note` field), in each format. */
function oneLongRecord(format: "ndjson" | "json" | "csv", mb: number): Buffer {
  const filler = "x".repeat(mb * 1024 * 1024);
  if (format === "csv") return Buffer.from(`customerId,at,amount,note\na,2024-01-01,1,${filler}\n`);
  const record = `{"customerId":"a","at":"2024-01-01","amount":"1","note":"${filler}"}`;
  return Buffer.from(format === "json" ? `[${record}]` : `${record}\n`);
}

/** The faster of two timings of reading `bytes` (fed in 64 KiB chunks by readLedger). */
async function bestMs(bytes: Buffer): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 2; i++) {
    const start = performance.now();
    const ledger = await readLedger(bytes);
    times.push(performance.now() - start);
    expect(ledger.purchases.count).toBe(1);
  }
  return Math.min(...times);
}

// A record's line spanning many chunks was re-joined for every 64 KiB chunk, so a 50 MB NDJSON
// line took 30 s (a 20 MB one 40 s here, and a 20 MB CSV line 28 s). Pieces are now joined once.
describe("one very long line reads in linear time", () => {
  for (const format of ["ndjson", "json", "csv"] as const) {
    it(`${format}: 20 MiB in under 3 s, and twice the size in under 3× the time`, async () => {
      const small = await bestMs(oneLongRecord(format, 10));
      const large = await bestMs(oneLongRecord(format, 20));
      expect(large).toBeLessThan(3000);
      // The floor keeps timer and GC noise on sub-second runs from failing it; the quadratic
      // reader took 7.4 s and 28 s for 10 and 20 MiB of CSV, far past either bound.
      expect(large).toBeLessThan(3 * Math.max(small, 500));
    }, 60_000);
  }

  it("a CSV header line spanning many chunks is read once it ends", async () => {
    const wide = Array.from({ length: 200_000 }, (_, i) => `extra${i}`).join(",");
    const cells = Array.from({ length: 200_000 }, () => "").join(",");
    const start = performance.now();
    const ledger = await readLedger(Buffer.from(`customerId,at,amount,${wide}\na,2024-01-01,1,${cells}\n`));
    expect(performance.now() - start).toBeLessThan(3000);
    expect(ledger.purchases.count).toBe(1);
  }, 60_000);
});

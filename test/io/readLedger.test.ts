import { createReadStream, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLedger, parseLedgerText, RetentionInputError, RetentionOptionsError } from "../../src/index";
import { readLedger } from "../../src/node";

const tmp = mkdtempSync(join(tmpdir(), "retention-metrics-io-"));
const CSV = "customerId,at,amount,orderId\na,2024-01-10,10.00,o1\nb,2024-01-20,5.00,o2\na,2024-02-10,20.00,o3\n";
const EXPECTED = parseLedgerText(CSV);

/** A stream giving `bytes` in pieces cut at `cuts`. */
function streamOf(bytes: Uint8Array, cuts: readonly number[] = []): Readable {
  const points = [0, ...[...cuts].sort((a, b) => a - b), bytes.length];
  return Readable.from(points.slice(1).map((end, i) => Buffer.from(bytes.subarray(points[i], end))));
}

describe("readLedger: sources", () => {
  it("reads a path, a Buffer, a Uint8Array, a Readable and a file stream, plain or gzipped", async () => {
    const plain = join(tmp, "p.csv");
    const gz = join(tmp, "p.csv.gz");
    writeFileSync(plain, CSV);
    writeFileSync(gz, gzipSync(CSV));
    const bytes = new TextEncoder().encode(CSV);
    const sources = [plain, gz, Buffer.from(CSV), bytes, gzipSync(CSV), streamOf(bytes, [5, 40]), streamOf(gzipSync(CSV), [3]), createReadStream(plain), Readable.from([CSV])];
    for (const purchases of sources) expect(await readLedger({ purchases })).toEqual(EXPECTED);
    expect(await readLedger(plain)).toEqual(EXPECTED);
  });

  it("reads events and surveys next to purchases", async () => {
    const ledger = await readLedger({
      purchases: Buffer.from(CSV),
      events: Buffer.from('{"customerId":"a","at":"2024-01-01","type":"signup"}\n'),
      surveys: Buffer.from("at;score;segment\n2024-01-09;9;web\n"),
    });
    expect([ledger.purchases.count, ledger.events.count, ledger.surveys.count]).toEqual([3, 1, 1]);
  });

  it("reports progress in raw bytes, up to the total", async () => {
    const path = join(tmp, "progress.csv");
    const big = `customerId,at,amount\n${"c1,2024-01-10,10.00\n".repeat(20_000)}`;
    writeFileSync(path, big);
    const events = Buffer.from("customerId,at,type\nc1,2024-01-01,signup\n");
    const seen: [number, number | undefined][] = [];
    await readLedger({ purchases: path, events }, { onProgress: (bytes, total) => seen.push([bytes, total]) });
    const total = big.length + events.length;
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every(([, t]) => t === total)).toBe(true);
    expect(seen.map(([b]) => b)).toEqual([...seen.map(([b]) => b)].sort((x, y) => x - y));
    expect(seen.at(-1)![0]).toBe(total);
    const unknown: (number | undefined)[] = [];
    await readLedger({ purchases: Readable.from([CSV]) }, { onProgress: (_bytes, t) => unknown.push(t) });
    expect(unknown).toEqual([undefined]);
  });
});

describe("readLedger: errors name source, line and field", () => {
  it("names the file, a file stream's path, or the collection", async () => {
    const path = join(tmp, "bad.csv");
    writeFileSync(path, "customerId,at,amount\na,2024-01-10,1\nb,2024-01-11,oops\n");
    await expect(readLedger({ purchases: path })).rejects.toThrow(`${path}:3: field "amount": expected a finite decimal amount`);
    await expect(readLedger({ purchases: createReadStream(path) })).rejects.toThrow(`${path}:3: field "amount"`);
    await expect(readLedger({ purchases: readFileSync(path) })).rejects.toThrow('purchases:3: field "amount"');
    await expect(readLedger({ purchases: join(tmp, "missing.csv") })).rejects.toThrow(`${join(tmp, "missing.csv")}: cannot read (ENOENT)`);
    await expect(readLedger({ purchases: tmp })).rejects.toThrow(`${tmp}: not a file`);
    await expect(readLedger({ purchases: Buffer.concat([gzipSync(CSV).subarray(0, 20)]) })).rejects.toThrow(RetentionInputError);
  });

  it("hints at the delimiter, and suggests option and key names", async () => {
    const european = Buffer.from("client;order_date;total\nann;05.01.2024;12,50\n");
    await expect(readLedger({ purchases: european }, { delimiter: ",", columns: { customerId: "client", at: "order_date", amount: "total" } })).rejects.toThrow(
      '; the header splits on ";" into client, order_date, total; pass delimiter: ";"',
    );
    await expect(readLedger({ purchases: european }, { delimitter: ";" } as never)).rejects.toThrow(RetentionOptionsError);
    await expect(readLedger({ purchases: european }, { onProgress: 3 } as never)).rejects.toThrow("onProgress: expected a function, found a number (3)");
    await expect(readLedger({ purchase: european } as never)).rejects.toThrow('unknown key "purchase"; did you mean "purchases"?');
    await expect(readLedger(null as never)).rejects.toThrow(RetentionInputError);
    await expect(readLedger({ purchases: 42 } as never)).rejects.toThrow("purchases: expected a file path, a Readable or a Buffer/Uint8Array, found a number (42)");
  });
});

/** One CSV field, quoted when it must be (RFC 4180). */
const field = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

describe("parseLedgerText and readLedger agree", () => {
  const row = fc.record({
    customerId: fc.string({ unit: fc.constantFrom("a", "b", ",", '"', " ", "\n", "\r", "é", "_"), minLength: 1, maxLength: 6 }).filter((id) => id.trim() !== ""),
    at: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2025, 0, 1) }).map((ms) => new Date(ms).toISOString()),
    amount: fc.integer({ min: -10_000, max: 1_000_000 }).map((cents) => (cents / 100).toFixed(2)),
  });

  it("gives the ledger createLedger gives, for random CSVs (quotes, commas in ids, CRLF), in any chunks", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 20 }), fc.constantFrom("\n", "\r\n"), fc.array(fc.nat(), { maxLength: 5 }), async (rows, newline, cuts) => {
        const text = ["customerId,at,amount", ...rows.map((r) => [r.customerId, r.at, r.amount].map(field).join(","))].join(newline) + newline;
        const expected = createLedger({ purchases: rows });
        const parsed = parseLedgerText(text);
        expect(parsed).toEqual(expected);
        const bytes = new TextEncoder().encode(text);
        expect(await readLedger({ purchases: streamOf(bytes, cuts.map((c) => c % (bytes.length + 1))) })).toEqual(parsed);
      }),
      { numRuns: 150 },
    );
  });
});

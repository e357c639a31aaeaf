import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readLedger } from "../../src/node";
import { outcomeOf, readPurchasesAsText } from "./textPathReference";

const tmp = mkdtempSync(join(tmpdir(), "retention-metrics-chunks-"));

/**
 * A CSV of `rows` rows whose bytes do not repeat (so its gzip is about as large as itself), with
 * some rows only the text path reads (quoted ids, other date and amount shapes), so a file spans
 * many chunks of both readers and its gzip many chunks of the compressed file.
 */
function varied(rows: number, seed: number): string {
  let state = seed;
  const next = (): number => (state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0);
  const lines = ["customerId,at,amount"];
  for (let i = 0; i < rows; i++) {
    const id = `c${next().toString(36)}`;
    const day = `2024-${String((next() % 12) + 1).padStart(2, "0")}-${String((next() % 28) + 1).padStart(2, "0")}`;
    const amount = `${next() % 100_000}.${String(next() % 100).padStart(2, "0")}`;
    const kind = next() % 50;
    if (kind === 0) lines.push(`"${id}, quoted",${day},${amount}`);
    else if (kind === 1) lines.push(`${id},${day} 10:20,+${amount}\r`);
    else lines.push(`${id},${day}T${String(next() % 24).padStart(2, "0")}:00:00.${String(next() % 1000).padStart(3, "0")}Z,${amount}`);
  }
  return `${lines.join("\n")}\n`;
}

describe("reading a file by path, in chunks of two buffers that take turns", () => {
  const csv = varied(60_000, 7);
  const bytes = Buffer.from(csv);

  it("gives the text path's ledger for a file of many chunks, plain or gzipped (its chunks copied before gunzip)", async () => {
    const plain = join(tmp, "varied.csv");
    const gz = join(tmp, "varied.csv.gz");
    writeFileSync(plain, bytes);
    const zipped = gzipSync(bytes);
    writeFileSync(gz, zipped);
    expect(bytes.length).toBeGreaterThan(6 * (1 << 18));
    expect(zipped.length).toBeGreaterThan(3 * (1 << 18));
    const expected = readPurchasesAsText([bytes], undefined, "varied");
    expect(expected.purchases.count).toBe(60_000);
    const [fromPlain, fromGzip] = await Promise.all([readLedger(plain), readLedger(gz)]);
    expect(fromPlain).toEqual(expected);
    expect(fromGzip).toEqual(expected);
  });

  it("gives the text path's ledger when the options send the file to the text reader (64 KiB chunks)", async () => {
    const semicolons = join(tmp, "semicolons.csv");
    const text = csv
      .replaceAll(",", ";")
      .replace(/^customerId;at;amount/, "client;at;amount")
      .replace(/\.(\d\d)(\r?)$/gm, ",$1$2");
    writeFileSync(semicolons, text);
    const options = { columns: { customerId: "client" }, decimalSeparator: "," } as const;
    expect(await readLedger(semicolons, options)).toEqual(readPurchasesAsText([Buffer.from(text)], options, "semicolons"));
  });

  it("closes the file when reading stops early, at a bad row, and names the file and line", async () => {
    const lines = csv.split("\n");
    lines[50_000] = "bad,2024-01-32,1";
    const broken = join(tmp, "broken.csv");
    writeFileSync(broken, lines.join("\n"));
    const outcome = await outcomeOf(() => readLedger(broken));
    expect("error" in outcome && outcome.error.message).toContain(`${broken}:50001: field "at"`);
    const truncated = join(tmp, "open-quote.csv");
    writeFileSync(truncated, `${csv}"open,2024-01-01,1\n`);
    await expect(readLedger(truncated)).rejects.toThrow(/invalid CSV/);
    await new Promise((resolve) => setImmediate(resolve));
    expect(process.getActiveResourcesInfo().filter((resource) => resource === "FileHandle")).toEqual([]);
  });
});

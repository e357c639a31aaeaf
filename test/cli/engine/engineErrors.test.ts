import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CliError } from "../../../src/cli/errors";
import { DUCKDB_MISSING, loadDuckDb } from "../../../src/cli/engine/loadDuckDb";
import { readMemoryLimit } from "../../../src/cli/engine/duckSession";
import { runInProcess } from "../spawnCli";
import { tempDir } from "./engineFiles";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a file in the test's directory and returns its path. */
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const engine = (args: readonly string[]) => runInProcess([...args, "--engine", "duckdb"]);

describe("--engine duckdb: bad input is a clear error, exit 2", () => {
  it("names the file, the line and the field of each bad date, amount and missing value (up to five)", async () => {
    const path = file("bad.csv", "customerId,at,amount\na,2024-01-01,1\nb,2024-13-01,2\nc,2024-01-02,x1\nd,,3\n");
    const run = await engine(["summary", "--purchases", path]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `error: ${path}:3: field "at": expected an ISO-8601 date (or pass --date-format), found "2024-13-01"\n` +
        `${path}:4: field "amount": expected a decimal amount such as 12.50 (at most 15 decimal places), found "x1"\n` +
        `${path}:5: field "at": missing value\n`,
    );
    // The in-memory reader stops at the first, with the same words.
    expect((await runInProcess(["summary", "--purchases", path])).stderr).toBe(`error: ${path}:3: field "at": expected an ISO-8601 date (or pass --date-format), found "2024-13-01"\n`);
  });

  it("counts the invalid records past five", async () => {
    const rows = Array.from({ length: 8 }, (_, i) => `c${i},2024-01-0${i + 1},abc`).join("\n");
    const run = await engine(["cohorts", "--purchases", file("many.csv", `customerId,at,amount\n${rows}\n`)]);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n").filter((line) => line !== "")).toHaveLength(6);
    expect(run.stderr).toMatch(/many\.csv:6: field "amount".*\n\(and 3 more invalid records\)\n$/);
  });

  it("gives NDJSON lines and a Parquet file's record number", async () => {
    const ndjson = file("bad.ndjson", '{"customerId":"a","at":"2024-01-01","amount":1}\n{"customerId":"b","at":"nope","amount":2}\n');
    expect((await engine(["summary", "--purchases", ndjson])).stderr).toBe(`error: ${ndjson}:2: field "at": expected an ISO-8601 date (or pass --date-format), found "nope"\n`);
    const json = file("bad.json", '[{"customerId":"a","at":"2024-01-01","amount":"1,5"}]');
    expect((await engine(["summary", "--purchases", json])).stderr).toBe(`error: ${json} (record 1): field "amount": expected a decimal amount such as 12.50 (at most 15 decimal places), found "1,5"\n`);
  });

  it("names a missing column, a --columns typo, a missing file and a glob that matches nothing", async () => {
    const path = file("cols.csv", "client,at,total\na,2024-01-01,1\n");
    expect((await engine(["summary", "--purchases", path])).stderr).toBe(`error: ${path}: missing column "customerId"; the input has: "client", "at", "total"\n`);
    const missing = await engine(["summary", "--purchases", path, "--columns", "customerId=client,amount=totl"]);
    expect([missing.code, missing.stderr]).toEqual([2, `error: ${path}: missing column "totl" (or "amount"); the input has: "client", "at", "total"\n`]);
    const both = file("both.csv", "customerId,at,amount,total\na,2024-01-01,1,2\n");
    const typo = await engine(["summary", "--purchases", both, "--columns", "amount=totl"]);
    expect([typo.code, typo.stderr]).toEqual([2, `error: --columns: no input has the column "totl" mapped to amount (${both} has "customerId", "at", "amount", "total"); did you mean "total"?\n`]);
    expect((await engine(["summary", "--purchases", join(dir, "absent.csv")])).stderr).toBe(`error: ${join(dir, "absent.csv")}: cannot read (ENOENT)\n`);
    expect((await engine(["summary", "--purchases", join(dir, "none", "*.parquet")])).stderr).toBe(`error: ${join(dir, "none", "*.parquet")}: no file matches\n`);
  });

  it("refuses what the engine does not read, and its flags where they do not apply", async () => {
    const path = file("ok.csv", "customerId,at,amount\na,2024-01-01,1\n");
    const cases: [readonly string[], string][] = [
      [["summary", "--purchases", "-", "--engine", "duckdb"], "error: --engine duckdb reads files, not stdin: pass --purchases FILE\n"],
      [["report", "--purchases", path, "--events", path, "--engine", "duckdb"], "error: --engine duckdb reads --purchases only; drop --events or the engine flag\n"],
      [["summary", "--purchases", path, "--memory-limit", "2GB"], "error: --memory-limit applies to --engine duckdb only\n"],
      [["summary", "--purchases", path, "--engine", "duckdb", "--memory-limit", "lots"], 'error: --memory-limit: expected a size such as 2GB or 512MiB, found "lots"\n'],
      [["summary", "--purchases", path, "--engine", "sqlite"], 'error: --engine: expected in-memory | duckdb, found "sqlite"\n'],
      [["nps", "--surveys", path, "--engine", "duckdb"], "error: nps: --engine does not apply to this command (see retention-metrics nps --help)\n"],
    ];
    for (const [args, stderr] of cases) {
      const run = await runInProcess(args);
      expect([run.code, run.stderr], args.join(" ")).toEqual([2, stderr]);
    }
  });
});

describe("--engine duckdb: reading options", () => {
  it("reads --date-format, --delimiter, --decimal-separator and --columns as the in-memory path does", async () => {
    const path = file("eu.csv", "kunde;datum;summe\nann;05.01.2024;1.234,50\nann;20.02.2024;-0,5\nbob;07.01.2024;12\n");
    const args = ["summary", "--purchases", path, "--date-format", "dd.MM.yyyy", "--delimiter", ";", "--decimal-separator", ",", "--columns", "customerId=kunde,at=datum,amount=summe", "--as-of", "2024-03-01"];
    const memory = await runInProcess(args);
    expect(memory.code).toBe(0);
    expect(await engine(args)).toEqual(memory);
  });

  it("takes a column name holding a quote and a semicolon as a name, not as SQL", async () => {
    const name = 'to"tal; DROP TABLE x; --';
    const path = file("odd.csv", `customerId,at,"${name.replaceAll('"', '""')}"\na,2024-01-01,5\na,2024-01-09,7\n`);
    const args = ["summary", "--purchases", path, "--columns", `amount=${name}`, "--as-of", "2024-02-01"];
    const memory = await runInProcess(args);
    expect(memory.code).toBe(0);
    expect(await engine(args)).toEqual(memory);
  });

  it("takes the ledger path for order ids and currencies, with the same output", async () => {
    const path = file("orders.csv", "customerId,at,amount,orderId,currency\na,2024-01-01,5,o1,EUR\na,2024-01-01,7,o1,EUR\na,2024-01-09,7,o2,EUR\n");
    for (const command of [["summary"], ["cohorts", "--format", "json"], ["segments"]]) {
      const args = [...command, "--purchases", path, "--as-of", "2024-02-01", "--currency", "EUR"];
      const memory = await runInProcess(args);
      expect(memory.code).toBe(0);
      expect(await engine(args), command.join(" ")).toEqual(memory);
    }
    const args = ["summary", "--purchases", path, "--currency", "USD"];
    const mixed = await engine(args);
    expect([mixed.code, mixed.stderr]).toEqual([2, [2, 3, 4].map((line) => `${path}:${line}: field "currency": expected currency "USD", found "EUR"`).join("\n").replace(/^/, "error: ") + "\n"]);
    expect(mixed).toEqual(await runInProcess(args));
  });

  it("runs with --memory-limit and leaves no spill directory behind", async () => {
    const path = file("small.csv", "customerId,at,amount\na,2024-01-01,5\n");
    const memory = await runInProcess(["summary", "--purchases", path]);
    expect(await engine(["summary", "--purchases", path, "--memory-limit", "256MB"])).toEqual(memory);
  });
});

describe("loadDuckDb and readMemoryLimit", () => {
  it("says how to install @duckdb/node-api when it is missing", async () => {
    const missing = Object.assign(new Error("Cannot find package '@duckdb/node-api'"), { code: "ERR_MODULE_NOT_FOUND" });
    await expect(loadDuckDb(() => Promise.reject(missing))).rejects.toThrow(new CliError(DUCKDB_MISSING));
    expect(DUCKDB_MISSING).toContain("npm install @duckdb/node-api");
    await expect(loadDuckDb(() => Promise.reject(new Error("bad ELF header")))).rejects.toThrow(`${DUCKDB_MISSING} (bad ELF header)`);
  });

  it("reads sizes DuckDB knows and refuses the rest", () => {
    expect(readMemoryLimit(undefined)).toBeUndefined();
    for (const size of ["2GB", "512MiB", "1.5GB", " 100 MB "]) expect(readMemoryLimit(size)).toBe(size.trim());
    for (const size of ["", "2", "GB", "2 GB; DROP TABLE x", "-1GB", "2PB"]) expect(() => readMemoryLimit(size), size).toThrow(CliError);
  });
});

import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "../spawnCli";
import { everyFormat, generatedCsv, SAMPLE, tempDir, type FormatFiles } from "./engineFiles";

/**
 * `--engine duckdb` writes what the in-memory path writes, byte for byte, for every command
 * that runs on it and each of its formats, on the CDNOW sample and on a generated ledger
 * (refunds, ids with commas and quotes), read from CSV, gzip CSV, JSON, NDJSON, Parquet and a
 * glob of Parquet parts.
 */
const dir = tempDir();
const data: Record<string, FormatFiles> = {};

beforeAll(async () => {
  data.sample = await everyFormat(SAMPLE, join(dir, "sample"));
  // The generated ledger is read from two of the formats only, to keep the run short.
  const generated = await everyFormat(generatedCsv(dir), join(dir, "generated"));
  data.generated = { csv: generated.csv, others: generated.others.filter(([format]) => format === "ndjson" || format === "parquet glob" || format === "gzip csv") };
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COMMANDS: readonly (readonly string[])[] = [
  ["summary"],
  ["summary", "--format", "json", "--time-unit", "day"],
  ["summary", "--as-of", "2022-09-01"],
  ["cohorts"],
  ["cohorts", "--format", "json", "--period", "week"],
  ["cohorts", "--format", "md", "--period", "quarter"],
  ["segments"],
  ["segments", "--format", "csv"],
  ["fit"],
  ["report", "--format", "md"],
  ["report", "--format", "csv", "--skip", "predictedClv,modelFit"],
];

/** Runs a command and returns what it printed, failing on a non-zero exit. */
async function output(args: readonly string[]): Promise<string> {
  const run = await runInProcess(args);
  expect(run.stderr, args.join(" ")).toBe("");
  expect(run.code, args.join(" ")).toBe(0);
  return run.stdout;
}

describe.each(["sample", "generated"])("--engine duckdb on the %s data", (name) => {
  it.each(COMMANDS.map((command) => [command.join(" "), command] as const))("%s: the same bytes from every format", async (_, command) => {
    const files = data[name]!;
    const expected = await output([...command, "--purchases", files.csv]);
    expect(expected.length).toBeGreaterThan(100);
    expect(await output([...command, "--purchases", files.csv, "--engine", "duckdb"])).toBe(expected);
    for (const [format, path] of files.others) {
      expect(await output([...command, "--purchases", path, "--engine", "duckdb"]), format).toBe(expected);
    }
  }, 120_000);

  it("predict (csv, json, and with an interval): the same bytes as in memory", async () => {
    const files = data[name]!;
    const model = join(dir, `${name}-model.json`);
    expect((await runInProcess(["fit", "--purchases", files.csv, "--penalizer", "0.01", "--out", model])).code).toBe(0);
    for (const extra of [[], ["--format", "json"]]) {
      const args = ["predict", "--model", model, ...extra];
      const expected = await output([...args, "--purchases", files.csv]);
      expect(await output([...args, "--purchases", files.others.at(-1)![1], "--engine", "duckdb"])).toBe(expected);
    }
    const interval = ["predict", "--model", model, "--interval", "0.9", "--draws", "40"];
    const memory = await runInProcess([...interval, "--purchases", files.csv]);
    const engine = await runInProcess([...interval, "--purchases", files.others[0]![1], "--engine", "duckdb"]);
    expect([engine.code, engine.stdout, engine.stderr]).toEqual([memory.code, memory.stdout, memory.stderr]);
  }, 120_000);
});

import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixture, ROOT, runInProcess, type CliRun } from "../cli/spawnCli";
import { cliCases, type CliCase } from "./cliCases";
import { KNOWN_CLI_FAILURES } from "./knownFailures";

/*
 * The CLI fuzz (issue 12): hostile CSV cells, flag values and command names, one change per
 * run (cliCases.ts). Every run must exit 0, 1 or 2; print no stack trace and no raw control
 * character on stderr; and write CSV whose cells never start with `=`, `+`, `@`, tab or CR
 * unless neutralised with a leading `'`. Runs go through the CLI's `run` in this process
 * (runInProcess of ../cli/spawnCli.ts): the built CLI does not exist yet when `npm test` runs
 * vitest, and a spawned tsx process per case would take a second each. A `run` that rejects is
 * what the executable would print as a stack trace.
 *
 * The cases in KNOWN_CLI_FAILURES fail today; each is checked to still fail. With
 * FUZZ_FAILURES_OUT=FILE, every failing case (known or not) is appended to FILE, one a line.
 */

const dir = mkdtempSync(join(tmpdir(), "retention-metrics-cli-fuzz-"));
const MODEL = join(dir, "model.json");
const EXIT_CODES = new Set([0, 1, 2]);
/** C0 controls but tab and line feed, DEL and C1. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const FORMULA_START = /^[=+@\t\r]/;
const COMMANDS = new Set(["report", "summary", "fit", "predict", "cohorts", "defections", "segments", "nps", "demo"]);

/** Rows of a small CSV fixture (no quoted cells), header first. */
const rowsOf = (name: string): string[][] => readFileSync(join(ROOT, fixture(name)), "utf8").trim().split("\n").map((line) => line.split(","));
const PURCHASES = rowsOf("purchases.csv");
const SURVEYS = rowsOf("surveys.csv");

const quoted = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** The rows with `case`'s changes to cells of `columns`, as CSV text. */
function withChanges(rows: readonly string[][], fuzzCase: CliCase, columns: readonly string[]): string {
  const [header = [], ...body] = rows;
  const changed = body.map((row) => [...row]);
  for (const change of fuzzCase.cells ?? []) {
    const column = header.indexOf(change.column);
    if (!columns.includes(change.column) || column < 0) continue;
    changed[change.row % changed.length]![column] = change.value;
  }
  return [header, ...changed].map((row) => row.map(quoted).join(",")).join("\n") + "\n";
}

/** Splits CSV text into cells (RFC 4180 quoting). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (inQuotes) {
      if (char === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (char === '"') inQuotes = false;
      else cell += char;
    } else if (char === '"') inQuotes = true;
    else if (char === ",") row.push(cell), (cell = "");
    else if (char === "\n") row.push(cell), rows.push(row), (row = []), (cell = "");
    else cell += char;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** True when the run asked for CSV on stdout. */
function writesCsv(args: readonly string[]): boolean {
  const format = args[args.indexOf("--format") + 1];
  if (args.includes("--format")) return format === "csv";
  return args[0] === "summary" || args[0] === "predict";
}

/** What is wrong with one run, or an empty list. */
function problemsOf(args: readonly string[], run: CliRun): string[] {
  const problems: string[] = [];
  if (run.code === null || !EXIT_CODES.has(run.code)) problems.push(`exit code ${run.code}`);
  else if (!COMMANDS.has(args[0] ?? "") && run.code !== 2) problems.push(`exit code ${run.code} for an unknown command (a usage error is 2)`);
  if (/^ {4}at /m.test(run.stderr)) problems.push("a stack trace on stderr");
  const control = RAW_CONTROL.exec(run.stderr);
  if (control !== null) problems.push(`a raw control character U+${control[0].codePointAt(0)!.toString(16).padStart(4, "0")} on stderr`);
  if (run.code === 0 && writesCsv(args)) {
    const cell = parseCsv(run.stdout).flat().find((text) => FORMULA_START.test(text));
    if (cell !== undefined) problems.push(`a CSV cell that a spreadsheet runs: ${JSON.stringify(cell.slice(0, 40))}`);
  }
  return problems;
}

describe("fuzz: the CLI answers hostile cells, flags and commands", () => {
  beforeAll(async () => {
    const fit = await runInProcess(["fit", "--purchases", fixture("purchases.csv"), "--out", MODEL]);
    expect(fit.code, fit.stderr).toBe(0);
  }, 60_000);

  it("lists each known failure once, and only cases that exist", () => {
    const keys = new Set(cliCases().map((c) => c.key));
    expect(new Set(KNOWN_CLI_FAILURES.map((known) => known.key)).size).toBe(KNOWN_CLI_FAILURES.length);
    expect(KNOWN_CLI_FAILURES.filter((known) => !keys.has(known.key)).map((known) => known.key)).toEqual([]);
  });

  it.each(cliCases().map((c) => [c.key, c] as const))("%s", async (key, fuzzCase) => {
    const purchases = join(dir, "purchases.csv");
    const surveys = join(dir, "surveys.csv");
    writeFileSync(purchases, withChanges(PURCHASES, fuzzCase, ["customerId", "at", "amount"]));
    writeFileSync(surveys, withChanges(SURVEYS, fuzzCase, ["segment"]));
    const files: Record<string, string> = { "{purchases}": purchases, "{surveys}": surveys, "{model}": MODEL };
    const args = fuzzCase.args.map((arg) => files[arg] ?? arg);
    let problems: string[];
    try {
      problems = problemsOf(args, await runInProcess(args));
    } catch (error) {
      problems = [`run() rejected (the executable prints a stack trace): ${String(error).slice(0, 160)}`];
    }
    const known = KNOWN_CLI_FAILURES.find((entry) => entry.key === key);
    if (process.env.FUZZ_FAILURES_OUT !== undefined && problems.length > 0) appendFileSync(process.env.FUZZ_FAILURES_OUT, `cli\t${key}\t${problems.join("; ")}\n`);
    if (known === undefined) expect(problems, `retention-metrics ${JSON.stringify(args)}: ${problems.join("; ")}`).toEqual([]);
    else expect(problems, `${key} (issue 12 item ${known.item}) now passes: delete it from KNOWN_CLI_FAILURES`).not.toEqual([]);
  });
});

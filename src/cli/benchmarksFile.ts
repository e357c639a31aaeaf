import { readFileSync } from "node:fs";
import type { Benchmark } from "../report/compareToBenchmarks";
import { readBenchmarks } from "../report/compareToBenchmarks";
import { isRetentionInputError } from "../input/errors";
import { CsvTokenizer } from "../io/csvTokenizer";
import { CliError, CliInputError } from "./errors";
import { fits, kpiPaths } from "./kpiPaths";
import { nearestKpi } from "./thresholds";
import { splitReportPath } from "../report/reportPath";

const CSV_FIELDS = ["path", "value", "betterWhen", "source"];

/** Raw benchmark rows with the line each came from (CSV) or `null` (JSON, named by entry). */
interface RawRows {
  readonly rows: readonly unknown[];
  readonly lines: readonly (number | null)[];
}

function parseJson(file: string, text: string): RawRows {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CliInputError(file, null, null, `not valid JSON (${(error as Error).message})`);
  }
  const list = Array.isArray(parsed) ? parsed : typeof parsed === "object" && parsed !== null && Array.isArray((parsed as { benchmarks?: unknown }).benchmarks) ? (parsed as { benchmarks: unknown[] }).benchmarks : null;
  if (list === null) throw new CliInputError(file, null, null, "expected a JSON array of { path, value, source?, betterWhen }, or { \"benchmarks\": [...] }");
  return { rows: list, lines: list.map(() => null) };
}

function parseCsv(file: string, text: string): RawRows {
  const records: { cells: string[]; line: number }[] = [];
  const tokenizer = new CsvTokenizer(",", (cells, line) => records.push({ cells, line }), (line, message) => {
    throw new CliInputError(file, line, null, message);
  });
  tokenizer.push(text.replace(/^\uFEFF/, ""));
  tokenizer.end();
  const header = records.shift();
  if (header === undefined) throw new CliInputError(file, null, null, `empty: expected a header row with ${CSV_FIELDS.join(",")}`);
  const names = header.cells.map((cell) => cell.trim());
  names.forEach((name) => {
    if (!CSV_FIELDS.includes(name)) throw new CliInputError(file, header.line, name, `unknown column; expected ${CSV_FIELDS.join(", ")} (source is optional)`);
  });
  for (const required of ["path", "value", "betterWhen"]) {
    if (!names.includes(required)) throw new CliInputError(file, header.line, required, "missing column");
  }
  const rows = records.map(({ cells, line }) => {
    if (cells.length !== names.length) throw new CliInputError(file, line, null, `expected ${names.length} cells, found ${cells.length}`);
    const row: Record<string, string> = {};
    names.forEach((name, i) => {
      const cell = cells[i]!.trim();
      if (!(name === "source" && cell === "")) row[name] = cell;
    });
    return row;
  });
  return { rows, lines: records.map((r) => r.line) };
}

/**
 * Reads `--benchmarks FILE`: JSON (an array, or `{ "benchmarks": [...] }`) when the name ends
 * in `.json` or the text starts with `[` or `{`, else CSV with a header `path,value,betterWhen[,source]`.
 * A bad field is a `CliInputError` naming the file, the line (CSV) or entry (JSON), and the
 * field; a path that names no KPI of the report says which KPI is nearest.
 */
export function readBenchmarksFile(file: string): Benchmark[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new CliError(`--benchmarks ${file}: cannot read (${(error as Error).message})`);
  }
  const json = /\.json$/i.test(file) || /^\s*[[{]/.test(text);
  const { rows, lines } = json ? parseJson(file, text) : parseCsv(file, text);
  const where = (index: number): number | null => lines[index] ?? null;
  const entry = (index: number): string => (json ? `entry ${index + 1}: ` : "");
  try {
    readBenchmarks(rows);
  } catch (error) {
    if (!isRetentionInputError(error)) throw error;
    const issue = error.issues[0]!;
    const field = issue.path.length === 0 ? null : String(issue.path[0]);
    throw new CliInputError(file, where(issue.index), field, `${entry(issue.index)}${issue.message}`);
  }
  const benchmarks = rows as Benchmark[];
  benchmarks.forEach((b, index) => {
    const path = splitReportPath(b.path)!;
    if (!kpiPaths().some((kpi) => fits(path, kpi))) {
      throw new CliInputError(file, where(index), "path", `${entry(index)}"${b.path}" names no KPI of the report; did you mean ${nearestKpi(path, kpiPaths())}? (docs/report.md lists every field)`);
    }
  });
  return benchmarks;
}

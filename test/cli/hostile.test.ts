import { gzipSync } from "node:zlib";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../../src/cli/csvWrite";
import { splitCsvLine } from "../../src/io/csvTokenizer";
import { runCli, runInProcess } from "./spawnCli";

const tmp = mkdtempSync(join(tmpdir(), "retention-metrics-hostile-"));

/** The ids of issue 12 that a spreadsheet would run as formulas. */
const FORMULAS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1)", "\t=1+1", "-2+3"];

/** A CSV cell as a spreadsheet gets it (unquoted). */
const cellsOf = (line: string): string[] => splitCsvLine(line, ",")!;

/** Two orders per hostile id, a month apart, plus a refund that leaves "r" at −5.00. */
function purchasesCsv(): string {
  const rows = FORMULAS.flatMap((id) => [[id, "2024-01-05", "10.00"], [id, "2024-02-05", "12.00"]]);
  rows.push(["r", "2024-01-10", "10.00"], ["r", "2024-02-10", "-15.00"]);
  return `customerId,at,amount\n${rows.map((row) => row.map((cell) => csvCell(cell, { raw: true })).join(",")).join("\n")}\n`;
}

describe("CSV formula injection (issue 12, item 4)", () => {
  it("csvCell: a leading ' and quotes for =, +, -, @, tab, CR; numbers stay numbers", () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell("+cmd|' /C calc'!A0")).toBe(`"'+cmd|' /C calc'!A0"`);
    expect(csvCell("@SUM(1)")).toBe(`"'@SUM(1)"`);
    expect(csvCell("\t=1+1")).toBe(`"'\t=1+1"`);
    expect(csvCell("\r=1")).toBe(`"'\r=1"`);
    expect(csvCell("-2+3")).toBe(`"'-2+3"`);
    expect(csvCell("-15.00")).toBe("-15.00");
    expect(csvCell(-0.25)).toBe("-0.25");
    expect(csvCell("+1.5e3")).toBe("+1.5e3");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("=x", { raw: true })).toBe("=x");
    expect(toCsv(["id"], [["@x"]], { raw: true })).toBe("id\n@x\n");
  });

  it("summary, segments, defections, predict and report write the ids guarded, and a refund as a number", async () => {
    const file = join(tmp, "formulas.csv");
    writeFileSync(file, purchasesCsv());
    const guarded = FORMULAS.map((id) => `'${id}`);
    const summary = (await runInProcess(["summary", "--purchases", file, "--as-of", "2024-03-01"])).stdout.trim().split("\n").map(cellsOf);
    expect(summary.slice(1).map((row) => row[0]).sort()).toEqual([...guarded, "r"].sort());
    expect(summary.find((row) => row[0] === "r")![6]).toBe("-5");
    const segments = (await runInProcess(["segments", "--purchases", file, "--format", "csv"])).stdout.trim().split("\n").map(cellsOf);
    expect(segments.slice(1).map((row) => row[0]).sort()).toEqual([...guarded, "r"].sort());
    const defections = (await runInProcess(["defections", "--purchases", file, "--format", "csv", "--as-of", "2024-03-01"])).stdout.trim().split("\n").map(cellsOf);
    expect(defections.slice(1).map((row) => row[0]).sort()).toEqual([...guarded, "r"].sort());
    const model = join(tmp, "model.json");
    expect((await runInProcess(["fit", "--purchases", file, "--as-of", "2024-03-01", "--penalizer", "0.01", "--out", model])).code).toBe(0);
    const predict = (await runInProcess(["predict", "--model", model, "--purchases", file, "--as-of", "2024-03-01"])).stdout.trim().split("\n").map(cellsOf);
    expect(predict.slice(1).map((row) => row[0]).sort()).toEqual([...guarded, "r"].sort());
    const report = (await runInProcess(["report", "--purchases", file, "--format", "csv", "--as-of", "2024-03-01"])).stdout;
    for (const line of report.trim().split("\n").slice(1)) {
      const value = cellsOf(line)[1]!;
      expect(/^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value)).toBe(false);
    }
  });

  it("nps guards segments; --csv-raw writes them as they are and applies to CSV only", async () => {
    const stdin = `at,score,segment\n2024-03-01,10,=1+1\n2024-03-02,2,@x\n`;
    const csv = (await runInProcess(["nps", "--surveys", "-", "--format", "csv"], { stdin })).stdout;
    expect(csv).toContain(`segment,"'=1+1",100,1,`);
    expect(csv).toContain(`segment,"'@x",-100,1,`);
    const raw = (await runInProcess(["nps", "--surveys", "-", "--format", "csv", "--csv-raw"], { stdin })).stdout;
    expect(raw).toContain("segment,=1+1,100,1,");
    const wrong = await runInProcess(["nps", "--surveys", "-", "--csv-raw"], { stdin });
    expect([wrong.code, wrong.stderr]).toEqual([2, "error: --csv-raw applies to --format csv only (the format is json)\n"]);
  });
});

describe("Markdown injection (issue 12, item 5)", () => {
  it("nps --format md escapes a segment that holds a line break, a pipe, HTML and a link", async () => {
    const stdin = `at,score,segment\n2024-03-01,10,"a\n| x | <img src=http://e/> [l](http://e) \`c\` \\|"\n`;
    const md = (await runInProcess(["nps", "--surveys", "-", "--format", "md"], { stdin })).stdout;
    const lines = md.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("| a\\n\\| x \\| \\<img src=http://e/\\> \\[l\\](http://e) \\`c\\` \\\\\\| | 100.0 | 1 | 1 | 0 | 0 | 0.0 |");
  });
});

describe("control characters in messages (issue 12, item 6)", () => {
  it("an invalid cell holding ESC]0;… is escaped on stderr", async () => {
    const stdin = "customerId,at,amount\na,2024-01-01,\x1b]0;owned\x07\x9b2J\n";
    const run = await runInProcess(["summary", "--purchases", "-"], { stdin });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: <stdin>:2: field "amount": .*"\\x1b]0;owned\\x07\\u009b2J"\n$/);
    expect(run.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
  });

  it("a date, an unknown command and a flag value are escaped too", async () => {
    const date = await runInProcess(["summary", "--purchases", "-"], { stdin: "customerId,at,amount\na,\x1b[2J,1\n" });
    expect(date.stderr).toContain('found "\\x1b[2J"');
    const command = await runInProcess(["\x1b]0;x\x07"]);
    expect(command.stderr).toContain('unknown command "\\x1b]0;x\\x07"');
    const flag = await runInProcess(["report", "--purchases", "-", "--period", "\x1b[31m"], { stdin: "customerId,at,amount\na,2024-01-01,1\n" });
    expect(flag.stderr).toContain("\\x1b[31m");
    for (const run of [date, command, flag]) expect(run.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
  });
});

describe("CLI crashes (issue 12, item 9): exit 2 with one line", () => {
  const oneLine = (stderr: string): void => {
    expect(stderr.endsWith("\n")).toBe(true);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  };

  it("a command named like an Object.prototype member is unknown", async () => {
    const spawned = await runCli(["constructor"]);
    expect([spawned.code, spawned.stderr]).toEqual([2, `error: unknown command "constructor" (commands: report, summary, fit, predict, cohorts, defections, segments, nps, funnel, lifecycle, follow-ups, spend, points, breadth, validate, demo)\n`]);
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const run = await runInProcess([name]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^error: unknown command "${name}"`));
      oneLine(run.stderr);
    }
    const help = await runInProcess(["constructor", "--help"]);
    expect(help.code).toBe(2);
  }, 60_000);

  it("--date-format with tokens it cannot read, or none of the date", async () => {
    const stdin = "customerId,at,amount\na,2024-01-01,1\n";
    for (const format of ["foo", "YYYY-MM-DD", "Q", "yyyyy", "'", "''", "HH:mm", "yyyy-MM"]) {
      const run = await runInProcess(["summary", "--purchases", "-", "--date-format", format], { stdin });
      expect(run.code, format).toBe(2);
      expect(run.stderr, format).toMatch(/^error: --date-format: /);
      oneLine(run.stderr);
    }
  });

  it("truncated gzip JSON and NDJSON, from a file and from stdin", async () => {
    const records = Array.from({ length: 5000 }, (_, i) => ({ customerId: `c${i}`, at: "2024-01-01", amount: "1.00" }));
    const texts = { json: JSON.stringify(records), ndjson: records.map((r) => JSON.stringify(r)).join("\n") };
    for (const [format, text] of Object.entries(texts)) {
      const gz = gzipSync(text);
      for (const cut of [3, 20, Math.floor(gz.length / 2), gz.length - 4]) {
        const file = join(tmp, `cut-${cut}.${format}.gz`);
        writeFileSync(file, gz.subarray(0, cut));
        for (const run of [await runInProcess(["summary", "--purchases", file]), await runInProcess(["summary", "--purchases", "-"], { stdin: gz.subarray(0, cut) })]) {
          expect(run.code, `${format} ${cut}`).toBe(2);
          expect(run.stderr).toMatch(/^error: (.*\.gz|<stdin>): cannot read \(invalid gzip data: /);
          oneLine(run.stderr);
        }
      }
    }
  }, 120_000);
});

describe("the reader's rules from the CLI (issue 12, item 12)", () => {
  it("survey scores are plain decimal integers", async () => {
    for (const score of ["0x9", "0b1010", "9e0", "+9", "9.0", "Infinity", " "]) {
      const run = await runInProcess(["nps", "--surveys", "-"], { stdin: `at,score\n2024-03-01,10\n2024-03-01,${score}\n` });
      expect(run.code, score).toBe(2);
      if (score.trim() !== "") expect(run.stderr).toBe(`error: <stdin>:3: field "score": expected a whole number from 0 to 10, found ${JSON.stringify(score)}\n`);
    }
  });

  it("a duplicated header column is an error naming it", async () => {
    const run = await runInProcess(["summary", "--purchases", "-"], { stdin: "customerId,at,amount,amount\na,2024-01-01,1,2\n" });
    expect([run.code, run.stderr]).toEqual([2, 'error: <stdin>:1: field "amount": the header has the column "amount" twice (columns 3 and 4): rename or remove one, or map the field to another column\n']);
  });

  it("--columns amount=totl is an error when no input has totl, but one mapping still serves several files", async () => {
    const typo = await runInProcess(["summary", "--purchases", "-", "--columns", "amount=totl"], { stdin: "customerId,at,amount,total\na,2024-01-01,1,2\n" });
    expect([typo.code, typo.stderr]).toEqual([2, 'error: --columns: no input has the column "totl" mapped to amount (<stdin> has "customerId", "at", "amount", "total"); did you mean "total"?\n']);
    const events = join(tmp, "events.csv");
    writeFileSync(events, "client,at,type\na,2024-01-01,signup\n");
    const shared = await runInProcess(["cohorts", "--purchases", "-", "--events", events, "--columns", "customerId=client", "--as-of", "2024-03-01"], { stdin: "customerId,at,amount\na,2024-01-01,1\n" });
    expect(shared.code).toBe(0);
  });
});

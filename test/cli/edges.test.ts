import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useColor } from "../../src/cli/color";
import { editDistance, nearest } from "../../src/core/suggest";
import { fixture, ROOT, runInProcess } from "./spawnCli";

const SAMPLE = "examples/data/cdnow-sample.csv";
const AS_OF = ["--as-of", "2024-04-01"];
const tmp = mkdtempSync(join(tmpdir(), "retention-metrics-edges-"));

describe("a closed pipe on stdout", () => {
  it("ends the run quietly with exit 0 (summary | head -3)", async () => {
    // The summary of the sample is 2,358 lines (about 190 kB), more than a pipe holds: the reader
    // closes after the first chunk, as head does, and the CLI's next write meets EPIPE.
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "summary", "--purchases", SAMPLE], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    const err: Buffer[] = [];
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    let first = "";
    child.stdout.once("data", (chunk: Buffer) => {
      first = chunk.toString("utf8");
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(first.split("\n")[0]).toBe("customerId,frequency,recency,T,monetaryValue,orders,revenue,firstOrder,lastOrder");
    expect(Buffer.concat(err).toString("utf8")).toBe("");
    expect(code).toBe(0);
  }, 30_000);
});

describe("nps --format md | csv", () => {
  // All: 3 promoters, 1 passive, 2 detractors of 6 → 16.7, margin 1.96·100·√((5/6 − 1/36)/6) = 71.8;
  // store: 2 detractors, 1 passive → −66.7, margin 53.3; web: 3 promoters → 100, margin 0.
  it("has the by-segment rows JSON has", async () => {
    const json = JSON.parse((await runInProcess(["nps", "--surveys", fixture("surveys.csv")])).stdout);
    expect(json.bySegment.map((g: { key: string }) => g.key)).toEqual(["store", "web"]);
    const md = (await runInProcess(["nps", "--surveys", fixture("surveys.csv"), "--format", "md"])).stdout;
    expect(md.split("\n")).toEqual([
      "| Segment | NPS | Responses | Promoters | Passives | Detractors | Margin of error (95%) |",
      "| --- | --- | --- | --- | --- | --- | --- |",
      "| All responses | 16.7 | 6 | 3 | 1 | 2 | 71.8 |",
      "| store | −66.7 | 3 | 0 | 1 | 2 | 53.3 |",
      "| web | 100.0 | 3 | 3 | 0 | 0 | 0.0 |",
      "",
    ]);
    const csv = (await runInProcess(["nps", "--surveys", fixture("surveys.csv"), "--format", "csv"])).stdout.trim().split("\n");
    expect(csv[0]).toBe("scope,segment,score,responses,promoters,passives,detractors,marginOfError");
    expect(csv.slice(1).map((line) => line.split(",").slice(0, 4).join(","))).toEqual(["all,,16.666666666666668,6", "segment,store,-66.66666666666667,3", "segment,web,100,3"]);
  });

  it("keeps responses without a segment as their own row", async () => {
    const stdin = "at,score,segment\n2024-03-01,10,web\n2024-03-02,2,\n";
    const md = (await runInProcess(["nps", "--surveys", "-", "--format", "md"], { stdin })).stdout;
    expect(md).toContain("| (no segment) | −100.0 | 1 |");
    const csv = (await runInProcess(["nps", "--surveys", "-", "--format", "csv"], { stdin })).stdout;
    expect(csv).toContain("\nsegment,,-100,1,");
  });
});

describe("unknown flags and subcommands", () => {
  it("suggests the nearest flag", async () => {
    const run = await runInProcess(["report", "--purchase", fixture("purchases.csv")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("error: unknown option --purchase; did you mean --purchases?\n");
    expect((await runInProcess(["report", "--fial-if", "x < 1"])).stderr).toContain("unknown option --fial-if; did you mean --fail-if?");
    expect((await runInProcess(["report", "--zzzzzzzz"])).stderr).toBe("error: unknown option --zzzzzzzz (see retention-metrics --help)\n");
    expect((await runInProcess(["report", "-q"])).stderr).toContain("unknown option -q");
  });

  it("suggests the nearest subcommand", async () => {
    const run = await runInProcess(["reprot"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command "reprot"; did you mean "report"?');
    expect((await runInProcess(["frobnicate"])).stderr).not.toContain("did you mean");
  });

  it("measures edits with swaps counted once", () => {
    expect(editDistance("purchase", "purchases")).toBe(1);
    expect(editDistance("reprot", "report")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(nearest("evnets", ["events", "purchases"], 2)).toBe("events");
    expect(nearest("xyz", ["events"], 2)).toBeNull();
  });
});

describe("thresholds in CI", () => {
  const base = ["report", "--purchases", fixture("purchases.csv"), ...AS_OF];

  it("writes --thresholds-out and shows a thresholds section in Markdown and HTML", async () => {
    const out = join(tmp, "thresholds.json");
    const html = join(tmp, "report.html");
    const run = await runInProcess([...base, "--format", "md", "--html", html, "--fail-if", "retention.rate < 0.6", "--fail-if", "activity.revenue < 10", "--fail-if", "nps.score < 30", "--thresholds-out", out]);
    expect(run.code).toBe(1);
    const written = JSON.parse(readFileSync(out, "utf8"));
    expect(written.passed).toBe(false);
    expect(written.thresholds.map((t: { threshold: string; value: unknown; outcome: string }) => [t.threshold, t.value, t.outcome])).toEqual([
      ["retention.rate < 0.6", 0.5, "fail"],
      ["activity.revenue < 10", "53", "pass"],
      ["nps.score < 30", null, "unknown"],
    ]);
    expect(run.stdout).toContain("## Thresholds\n\n2 of 3 thresholds failed.");
    expect(run.stdout).toContain("| retention.rate \\< 0.6 | 0.5 | FAIL: threshold crossed |");
    expect(readFileSync(html, "utf8")).toContain('<section id="thresholds">');
    expect(run.stderr).not.toContain("::error");
  });

  it("prints ::error annotations for failed thresholds under GitHub Actions", async () => {
    const run = await runInProcess([...base, "--out", join(tmp, "r.json"), "--fail-if", "retention.rate < 0.6", "--fail-if", "retention.rate > 0.9"], { env: { NO_COLOR: "1", GITHUB_ACTIONS: "true" } });
    expect(run.code).toBe(1);
    const annotations = run.stderr.split("\n").filter((line) => line.startsWith("::"));
    expect(annotations).toEqual(["::error title=KPI threshold retention.rate < 0.6::retention.rate = 0.5 (fails if < 0.6): THRESHOLD CROSSED"]);
  });

  it("refuses a --fail-if path that names no KPI (exit 2) before reading input, while a null KPI fails with 1", async () => {
    const typo = await runInProcess(["report", "--purchases", "no-such-file.csv", "--fail-if", "retention.rat < 0.6"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("retention.rat names no KPI of the report; did you mean retention.rate?");
    const absent = await runInProcess([...base, "--period", "2023-01-01..2023-02-01", "--fail-if", "retention.rate < 0.6"]);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toContain("retention.rate is null");
  });
});

describe("colour", () => {
  it("follows NO_COLOR, then FORCE_COLOR, then the terminal", () => {
    const pipe = { isTTY: false };
    const tty = { isTTY: true };
    expect(useColor({ stderr: tty, env: {} })).toBe(true);
    expect(useColor({ stderr: pipe, env: {} })).toBe(false);
    expect(useColor({ stderr: pipe, env: { FORCE_COLOR: "1" } })).toBe(true);
    expect(useColor({ stderr: pipe, env: { FORCE_COLOR: "" } })).toBe(true);
    expect(useColor({ stderr: tty, env: { FORCE_COLOR: "0" } })).toBe(false);
    expect(useColor({ stderr: tty, env: { FORCE_COLOR: "false" } })).toBe(false);
    expect(useColor({ stderr: tty, env: { NO_COLOR: "1", FORCE_COLOR: "1" } })).toBe(false);
    expect(useColor({ stderr: pipe, env: { NO_COLOR: "", FORCE_COLOR: "1" } })).toBe(true);
  });

  it("colours messages into a pipe when FORCE_COLOR asks", async () => {
    expect((await runInProcess(["reprot"], { env: { FORCE_COLOR: "1" } })).stderr.startsWith("\x1b[31merror\x1b[0m: ")).toBe(true);
    expect((await runInProcess(["reprot"], { env: { FORCE_COLOR: "1", NO_COLOR: "1" } })).stderr.startsWith("error: ")).toBe(true);
    const threshold = await runInProcess(["report", "--purchases", fixture("purchases.csv"), ...AS_OF, "--out", join(tmp, "c.json"), "--fail-if", "retention.rate < 0.6"], { env: { FORCE_COLOR: "1" } });
    expect(threshold.stderr).toContain("\x1b[31mFAIL\x1b[0m: retention.rate");
  });
});

describe("progress after reading", () => {
  it("covers the model fits and the predictions on a terminal, then erases itself", async () => {
    // stdin has no known size, so the bar shows; the sample takes a second to fit.
    const run = await runInProcess(["report", "--purchases", "-", "--out", join(tmp, "p.json")], { stdin: readFileSync(join(ROOT, SAMPLE)), tty: true });
    expect(run.code).toBe(0);
    for (const phase of ["reading <stdin>", "fitting the BG/NBD model…", "fitting the Gamma-Gamma model…", "predicting CLV: 0 of 2,357 customers", "classifying defections…"]) expect(run.stderr).toContain(phase);
    expect(run.stderr).toMatch(/\r\x1b\[2Kwrote /);
  }, 30_000);

  it("stays off when stderr is not a terminal", async () => {
    const run = await runInProcess(["report", "--purchases", "-", ...AS_OF, "--out", join(tmp, "q.json")], { stdin: readFileSync(join(ROOT, fixture("purchases.csv"))) });
    expect(run.stderr).not.toContain("fitting");
  });
});

describe("numbers print the same way everywhere", () => {
  it("defections --format md prints the report's defection summary", async () => {
    const md = (await runInProcess(["defections", "--purchases", SAMPLE, "--format", "md"])).stdout;
    const report = (await runInProcess(["report", "--purchases", SAMPLE, "--format", "md", "--skip", "predictedClv"])).stdout;
    expect(md).toContain("2,357 customers: 448 active, 180 at risk (31,467.13 a year at risk), 1,729 defected (defection rate 73.4%, 121,975.93 a year unrealized).");
    expect(md).toContain("| lapsed first time buyer | 1,218 | 70.4% | 37,261.49 | 30.5% |");
    expect(report).toContain(md.trim());
  }, 30_000);

  it("summary CSV rounds money to its decimals plus four", async () => {
    const lines = (await runInProcess(["summary", "--purchases", SAMPLE])).stdout.trim().split("\n");
    // Customer 1: repeat purchases 29.73, 14.96, 26.48 → 71.17 / 3 = 23.723333…
    expect(lines[1]).toBe("1,3,49.285714285714285,78,23.723333,4,100.5,1997-01-01T00:00:00.000Z,1997-12-12T00:00:00.000Z");
    for (const line of lines.slice(1)) expect(line.split(",")[4]).toMatch(/^\d+(\.\d{1,6})?$/);
  }, 30_000);
});

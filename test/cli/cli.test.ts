import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { KpiReportJsonSchema } from "../../src/report/schema";
import { fixture, ROOT, runCli, runInProcess } from "./spawnCli";

const AS_OF = ["--as-of", "2024-04-01"];
/** Most cases run in process; the ones about the process itself (exit code, stdin, TZ) spawn it. */
const runIn = runInProcess;
const tmp = mkdtempSync(join(tmpdir(), "retention-metrics-cli-"));

describe.concurrent("retention-metrics: usage", () => {
  it("prints the version and help", async () => {
    const version = await runCli(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
    const help = await runIn(["report", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--fail-if");
    const general = await runIn(["--help"]);
    expect(general.stdout).toContain("Commands:");
  });

  it("exits 2 on bad usage", async () => {
    const none = await runIn([]);
    expect(none.code).toBe(2);
    const unknown = await runIn(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const flag = await runIn(["report", "--purchases", fixture("purchases.csv"), "--bogus"]);
    expect(flag.code).toBe(2);
    expect(flag.stdout).toBe("");
    const format = await runIn(["report", "--purchases", fixture("purchases.csv"), "--format", "pdf"]);
    expect(format.stderr).toContain("--format: expected json | md | html | csv");
  });
});

describe.concurrent("retention-metrics report: input formats", () => {
  const check = (stdout: string): void => {
    const report = KpiReportJsonSchema.parse(JSON.parse(stdout));
    expect(report.activity.customers).toBe(3);
    expect(report.activity.revenue).toBe("53");
    expect(report.retention.rate).toBe(0.5);
  };

  it("reads CSV and prints JSON the schema accepts", async () => {
    const run = await runIn(["report", "--purchases", fixture("purchases.csv"), ...AS_OF]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    check(run.stdout);
  });

  it("reads a JSON array and NDJSON", async () => {
    for (const name of ["purchases.json", "purchases.ndjson"]) check((await runIn(["report", "--purchases", fixture(name), ...AS_OF])).stdout);
  });

  it("reads gzip, from a file and from stdin", async () => {
    const gz = join(tmp, "purchases.csv.gz");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(gz, gzipSync(readFileSync(join(ROOT, fixture("purchases.csv")))));
    check((await runIn(["report", "--purchases", gz, ...AS_OF])).stdout);
    check((await runCli(["report", "--purchases", "-", ...AS_OF], { stdin: gzipSync(readFileSync(join(ROOT, fixture("purchases.ndjson")))) })).stdout);
  });

  it("reads stdin", async () => {
    check((await runIn(["report", "--purchases", "-", ...AS_OF], { stdin: readFileSync(join(ROOT, fixture("purchases.csv"))) })).stdout);
  });

  it("maps columns and parses a date format as UTC whatever the zone", async () => {
    const args = ["report", "--purchases", fixture("mapped.csv"), "--columns", "customerId=cust_id,at=order_date", "--columns", "amount=total", "--date-format", "yyyyMMdd", ...AS_OF];
    const run = await runCli(args, { env: { TZ: "America/Los_Angeles" } });
    expect(run.code).toBe(0);
    check(run.stdout);
    const report = KpiReportJsonSchema.parse(JSON.parse(run.stdout));
    expect(report.data.firstPurchase).toBe("2024-01-10T00:00:00.000Z");
  });

  it("writes --out and --html, saying where on stderr", async () => {
    const out = join(tmp, "report.md");
    const html = join(tmp, "report.html");
    const run = await runIn(["report", "--purchases", fixture("purchases.csv"), ...AS_OF, "--format", "md", "--out", out, "--html", html]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`wrote ${out}`);
    expect(run.stderr).toContain(`wrote ${html}`);
    expect(readFileSync(out, "utf8")).toContain("| Customers | 3 | 2 |");
    expect(existsSync(html)).toBe(true);
  });

  it("prints Markdown, HTML and CSV", async () => {
    expect((await runIn(["report", "--purchases", fixture("purchases.csv"), ...AS_OF, "--format", "md"])).stdout).toContain("## Retention");
    expect((await runIn(["report", "--purchases", fixture("purchases.csv"), ...AS_OF, "--format", "html"])).stdout).toContain("<svg id=\"retention-curve\"");
    const csv = (await runIn(["report", "--purchases", fixture("purchases.csv"), ...AS_OF, "--format", "csv"])).stdout;
    expect(csv.split("\n")[0]).toBe("kpi,value");
    expect(csv).toContain("retention.rate,0.5\n");
  });
});

describe.concurrent("retention-metrics report: thresholds", () => {
  const base = ["report", "--purchases", fixture("purchases.csv"), ...AS_OF];

  it("passes when no threshold is crossed", async () => {
    const run = await runIn([...base, "--fail-if", "retention.rate < 0.4", "--fail-if", "revenueRetention.netRevenueRetention < 0.5"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("ok: retention.rate = 0.5 (fails if < 0.4): ok");
  });

  it("exits 1 naming the KPI, its value and the threshold", async () => {
    const run = await runCli([...base, "--fail-if", "retention.rate < 0.6"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("FAIL: retention.rate = 0.5 (fails if < 0.6): THRESHOLD CROSSED");
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });

  it("fails on a null KPI or one whose section is unavailable", async () => {
    const nullRun = await runIn(["report", "--purchases", fixture("purchases.csv"), "--period", "2023-01-01..2023-02-01", "--fail-if", "retention.rate < 0.6"]);
    expect(nullRun.code).toBe(1);
    expect(nullRun.stderr).toContain("retention.rate is null");
    const unknown = await runIn([...base, "--fail-if", "nps.score < 30"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("nps.score is not available (nps: no survey responses given)");
  });

  it("exits 2 on a malformed threshold", async () => {
    const run = await runIn([...base, "--fail-if", "retention.rate is low"]);
    expect(run.code).toBe(2);
  });
});

describe.concurrent("retention-metrics: bad input exits 2 with file, line and field", () => {
  it("names a missing column", async () => {
    const run = await runIn(["report", "--purchases", fixture("missing-column.csv")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${fixture("missing-column.csv")}:1: field "amount": missing column "amount"`);
  });

  it("names the line of a bad date (ISO and --date-format)", async () => {
    const iso = await runCli(["report", "--purchases", fixture("bad-date.csv")]);
    expect(iso.code).toBe(2);
    expect(iso.stderr).toContain(`${fixture("bad-date.csv")}:4: field "at":`);
    const formatted = await runIn(["report", "--purchases", fixture("mapped.csv"), "--columns", "customerId=cust_id,at=order_date,amount=total", "--date-format", "yyyy-MM-dd"]);
    expect(formatted.code).toBe(2);
    expect(formatted.stderr).toContain(`${fixture("mapped.csv")}:2: field "at": expected a date in the format "yyyy-MM-dd", found "20240110"`);
  });

  it("names the line and mapped column of a bad amount", async () => {
    const run = await runIn(["report", "--purchases", fixture("bad-amount.csv")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${fixture("bad-amount.csv")}:3: field "amount": expected a finite decimal amount`);
  });

  it("refuses an empty file, a missing file and bad JSON", async () => {
    const empty = await runIn(["report", "--purchases", fixture("empty.csv")]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain(`${fixture("empty.csv")}: the file is empty`);
    const missing = await runIn(["report", "--purchases", "no/such/file.csv"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no/such/file.csv: cannot read (ENOENT)");
    const json = await runIn(["report", "--purchases", "-"], { stdin: '[{"customerId":"a","at":"2024-01-01","amount":"1"},\n{"customerId": }]' });
    expect(json.code).toBe(2);
    expect(json.stderr).toContain("<stdin>:2: invalid JSON");
  });
});

describe.concurrent("retention-metrics: other subcommands", () => {
  it("summary prints per-customer CSV", async () => {
    const run = await runIn(["summary", "--purchases", fixture("purchases.csv"), ...AS_OF, "--time-unit", "day"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toBe("customerId,frequency,recency,T,monetaryValue,orders,revenue,firstOrder,lastOrder");
    // a: orders 10 Jan, 10 Feb, 5 Mar → frequency 2, recency 55 days, T 82 days, monetary (20 + 30)/2 = 25.
    expect(lines).toContain("a,2,55,82,25,3,60,2024-01-10T00:00:00.000Z,2024-03-05T00:00:00.000Z");
    expect(lines.some((line) => line.startsWith("__proto__,0,0,12,"))).toBe(true);
  });

  it("fit writes model JSON that predict reads back", async () => {
    const model = join(tmp, "model.json");
    const fit = await runIn(["fit", "--purchases", "examples/data/cdnow-sample.csv", "--as-of", "1997-10-01", "--penalizer", "0.0001", "--out", model]);
    expect(fit.code).toBe(0);
    const parsed = JSON.parse(readFileSync(model, "utf8"));
    expect(parsed.bgNbd.model).toBe("bg-nbd");
    expect(parsed.gammaGamma.model).toBe("gamma-gamma");
    expect([parsed.bgNbd.penalizer, parsed.gammaGamma.penalizer]).toEqual([0.0001, 0.0001]);
    const negative = await runIn(["fit", "--purchases", "examples/data/cdnow-sample.csv", "--penalizer", "-1"]);
    expect(negative.code).toBe(2);
    expect(negative.stderr).toContain("--penalizer");
    const predict = await runIn(["predict", "--model", model, "--purchases", "examples/data/cdnow-sample.csv", "--as-of", "1997-10-01", "--horizon", "52"]);
    expect(predict.code).toBe(0);
    const lines = predict.stdout.trim().split("\n");
    expect(lines[0]).toBe("customerId,probabilityAlive,expectedPurchases,expectedAverageSpend,clv");
    expect(lines).toHaveLength(2358);
    const bad = await runIn(["predict", "--model", fixture("purchases.json"), "--purchases", fixture("purchases.csv")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected the JSON written by "retention-metrics fit"');
  });

  it("predict --interval adds each customer's bounds and says the total with its intervals; the same seed gives the same output", async () => {
    const model = join(tmp, "model-interval.json");
    expect((await runIn(["fit", "--purchases", "examples/data/cdnow-sample.csv", "--as-of", "1997-10-01", "--out", model])).code).toBe(0);
    const args = ["predict", "--model", model, "--purchases", "examples/data/cdnow-sample.csv", "--as-of", "1997-10-01", "--interval", "0.9", "--draws", "100", "--seed", "7"];
    const run = await runIn(args);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toBe("customerId,probabilityAlive,expectedPurchases,expectedPurchasesLow,expectedPurchasesHigh,expectedAverageSpend,clv,clvLow,clvHigh");
    expect(lines).toHaveLength(2358);
    expect(run.stderr).toMatch(/total CLV [\d.]+: 90% interval from parameter uncertainty [\d.]+ – [\d.]+, prediction interval [\d.]+ – [\d.]+ \(100 draws, seed 7\)/);
    expect((await runIn(args)).stdout).toBe(run.stdout);
    const json = JSON.parse((await runIn([...args, "--format", "json"])).stdout);
    expect(json.interval.level).toBe(0.9);
    expect(json.interval.reason).toBeNull();
    for (const [flags, message] of [[["--interval", "1.5"], "--interval"], [["--draws", "100"], "--draws needs --interval"], [["--interval", "0.9", "--seed", "-1"], "--seed"]] as const) {
      const bad = await runIn(["predict", "--model", model, "--purchases", "examples/data/cdnow-sample.csv", ...flags]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain(message);
    }
  });

  it("cohorts prints the cohort table", async () => {
    const run = await runIn(["cohorts", "--purchases", fixture("purchases.csv"), ...AS_OF]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("cohort,start,size,offset,customers,rate\n2024-01,2024-01-01T00:00:00.000Z,2,0,2,1\n2024-01,2024-01-01T00:00:00.000Z,2,1,1,0.5\n");
  });

  it("defections prints the report and the classifications", async () => {
    const json = await runIn(["defections", "--purchases", fixture("purchases.csv"), "--events", fixture("events.csv"), ...AS_OF]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).customers).toBe(4);
    const csv = await runIn(["defections", "--purchases", fixture("purchases.csv"), "--events", fixture("events.csv"), ...AS_OF, "--format", "csv"]);
    expect(csv.stdout).toMatch(/^customerId,status,reason,/);
    expect(csv.stdout).toContain("\nc,defected,cancelled,");
  });

  it("segments prints tiers and assignments", async () => {
    const json = await runIn(["segments", "--purchases", fixture("purchases.csv"), ...AS_OF]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).ltvTiers.tiers[0].name).toBe("top");
    const csv = await runIn(["segments", "--purchases", fixture("purchases.csv"), "--format", "csv"]);
    expect(csv.stdout.split("\n")[0]).toBe("customerId,tier");
    expect(csv.stdout).toContain("__proto__,");
  });

  it("nps prints the score overall and by segment", async () => {
    const run = await runIn(["nps", "--surveys", fixture("surveys.csv")]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    // 3 promoters (10, 9, 10), 1 passive (8), 2 detractors (3, 6) of 6 → 100 · (3 − 2)/6.
    expect(result.score).toBeCloseTo(100 / 6, 10);
    expect(result.bySegment.map((g: { key: string }) => g.key)).toEqual(["store", "web"]);
    const report = await runIn(["report", "--purchases", fixture("purchases.csv"), "--surveys", fixture("surveys.csv"), ...AS_OF, "--fail-if", "nps.score < 30"]);
    expect(report.code).toBe(1);
    expect(report.stderr).toContain("nps.score = 25");
  });
});

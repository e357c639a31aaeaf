import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareToBenchmarks, Decimal, kpiReport, renderHtml, renderMarkdown, RetentionInputError, type KpiReport } from "../../src/index";
import { fixture, runInProcess } from "../cli/spawnCli";

/** A report's JSON form, cut down to the fields the benchmarks read (compareToBenchmarks takes the JSON form too). */
const json = {
  schemaVersion: 1,
  retention: { rate: 0.75, churnRate: 0.25, previous: null },
  activity: { revenue: "1200.50", averageOrderValue: "40.00" },
  cohorts: { available: true, curve: [{ rate: 1 }, { rate: 0.3 }] },
  nps: { available: false, reason: "no survey responses given" },
} as unknown as KpiReport;

describe("compareToBenchmarks", () => {
  it("gives ours, the benchmark, the gap, its share and the status (hand-worked, docs/report.md)", () => {
    const result = compareToBenchmarks(json, [
      // 0.75 − 0.6 = 0.15; 0.15 ÷ 0.6 = 0.25; higher is better: ahead
      { path: "retention.rate", value: 0.6, betterWhen: "higher", source: "our 2025 target" },
      // 0.25 − 0.2 = 0.05 over a lower-is-better KPI: behind
      { path: "retention.churnRate", value: 0.2, betterWhen: "lower" },
      // money, exact: 1200.50 − 1500 = −299.50; −299.50 ÷ 1500 = −0.199666…
      { path: "activity.revenue", value: "1500", betterWhen: "higher" },
      { path: "cohorts.curve[1].rate", value: 0.3, betterWhen: "higher" },
      { path: "nps.score", value: 30, betterWhen: "higher" },
      { path: "retention.previous.rate", value: 0.5, betterWhen: "higher" },
    ]);
    const [rate, churn, revenue, curve, nps, previous] = result.results;
    expect(rate).toEqual({ path: "retention.rate", source: "our 2025 target", betterWhen: "higher", kind: "number", ours: 0.75, benchmark: 0.6, gap: 0.15, gapShare: 0.25, status: "ahead", reason: null });
    expect(churn).toMatchObject({ ours: 0.25, benchmark: 0.2, status: "behind" });
    expect(churn!.gap).toBeCloseTo(0.05, 12);
    expect(revenue!.kind).toBe("money");
    expect((revenue!.gap as Decimal).toString()).toBe("-299.5");
    expect(revenue!.gapShare).toBeCloseTo(-299.5 / 1500, 12);
    expect(revenue!.status).toBe("behind");
    expect(curve).toMatchObject({ ours: 0.3, gap: 0, status: "equal" });
    expect(nps).toMatchObject({ status: "unknown", ours: null, gap: null, reason: "nps.score is not available (nps: no survey responses given)" });
    expect(previous).toMatchObject({ status: "unknown", reason: "retention.previous.rate is null (retention.previous is null): undefined for this data" });
    expect(result).toMatchObject({ count: 6, ahead: 1, behind: 2, equal: 1, unknown: 2 });
  });

  it("says why a zero benchmark has no gap share, and treats a non-number KPI as unknown", () => {
    const zero = compareToBenchmarks(json, [{ path: "retention.rate", value: 0, betterWhen: "higher" }]).results[0]!;
    expect(zero).toMatchObject({ gap: 0.75, gapShare: null, status: "ahead", reason: "the benchmark is 0: no gap as a share" });
    const object = compareToBenchmarks(json, [{ path: "retention", value: 1, betterWhen: "higher" }]).results[0]!;
    expect(object.status).toBe("unknown");
    const missing = compareToBenchmarks(json, [{ path: "retention.__proto__", value: 1, betterWhen: "higher" }]).results[0]!;
    expect(missing).toMatchObject({ status: "unknown", reason: "retention.__proto__ is not in the report" });
  });

  it("names the row and field of a bad benchmark", () => {
    const bad = () => compareToBenchmarks(json, [
      { path: "retention.rate", value: 0.6, betterWhen: "higher" },
      { path: "retention rate", value: "high", betterWhen: "up" } as never,
    ]);
    expect(bad).toThrow(RetentionInputError);
    try {
      bad();
    } catch (error) {
      expect((error as RetentionInputError).issues.map((i) => [i.index, i.path[0]])).toEqual([[1, "path"], [1, "value"], [1, "betterWhen"]]);
    }
    expect(() => compareToBenchmarks(json, null as never)).toThrow(RetentionInputError);
    expect(() => compareToBenchmarks({} as KpiReport, [])).toThrow(RetentionInputError);
    expect(compareToBenchmarks(json, [])).toEqual({ results: [], count: 0, ahead: 0, behind: 0, equal: 0, unknown: 0 });
  });

  it("has gap signs consistent with betterWhen, no NaN, and leaves its input alone (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: fc.double({ min: -1e6, max: 1e6, noNaN: true }), betterWhen: fc.constantFrom("higher" as const, "lower" as const), path: fc.constantFrom("retention.rate", "activity.revenue", "nps.score") }), { maxLength: 8 }),
        (rows) => {
          const frozen = Object.freeze(rows.map((r) => Object.freeze({ ...r })));
          const result = compareToBenchmarks(json, frozen);
          expect(result.ahead + result.behind + result.equal + result.unknown).toBe(rows.length);
          for (const r of result.results) {
            if (r.status === "unknown") continue;
            const gap = typeof r.gap === "number" ? r.gap : (r.gap as Decimal).toNumber();
            expect(Number.isNaN(gap)).toBe(false);
            if (r.gapShare !== null) expect(Number.isFinite(r.gapShare)).toBe(true);
            const good = r.betterWhen === "higher" ? gap > 0 : gap < 0;
            expect(r.status).toBe(gap === 0 ? "equal" : good ? "ahead" : "behind");
          }
          expect(frozen).toEqual(rows);
        },
      ),
    );
  });

  it("adds a Benchmarks table to the Markdown and HTML reports", () => {
    const report = kpiReport([
      { customerId: "a", at: "2024-01-10", amount: "5" },
      { customerId: "a", at: "2024-02-10", amount: "5" },
    ], { asOf: "2024-03-01", skip: ["predictedClv"] });
    const benchmarks = compareToBenchmarks(report, [{ path: "retention.rate", value: 0.8, betterWhen: "higher", source: "a | b" }]);
    const md = renderMarkdown(report, { benchmarks });
    expect(md).toContain("## Benchmarks");
    expect(md).toContain("| retention.rate | 1 | 0.8 | +0.2 | 25.0% | higher | ahead | a \\| b |");
    const html = renderHtml(report, { benchmarks });
    expect(html).toContain('<section id="benchmarks"><h2>Benchmarks</h2><p>1 benchmark: 1 ahead, 0 behind, 0 equal, 0 unknown.</p>');
    expect(renderMarkdown(report)).not.toContain("## Benchmarks");
  });
});

describe("retention-metrics report --benchmarks", () => {
  const tmp = mkdtempSync(join(tmpdir(), "retention-metrics-benchmarks-"));
  const base = ["report", "--purchases", fixture("purchases.csv"), "--as-of", "2024-04-01"];
  const file = (name: string, text: string): string => {
    const path = join(tmp, name);
    writeFileSync(path, text);
    return path;
  };

  it("reads CSV and JSON, and shows the table in Markdown and the comparison in JSON", async () => {
    const csv = file("b.csv", "path,value,betterWhen,source\nretention.rate,0.4,higher,\"board, 2025\"\nactivity.revenue,100,higher,\n");
    const md = await runInProcess([...base, "--benchmarks", csv, "--format", "md"]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("| retention.rate | 0.5 | 0.4 | +0.1 | 25.0% | higher | ahead | board, 2025 |");
    const jsonFile = file("b.json", JSON.stringify({ benchmarks: [{ path: "retention.rate", value: 0.6, betterWhen: "higher" }] }));
    const out = await runInProcess([...base, "--benchmarks", jsonFile]);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).benchmarks).toMatchObject({ count: 1, behind: 1, results: [{ path: "retention.rate", ours: 0.5, benchmark: 0.6 }] });
  });

  it("exits 2 naming the file, line and field of a bad row, or the nearest KPI of a mistyped path", async () => {
    const badValue = file("bad.csv", "path,value,betterWhen\nretention.rate,0.4,higher\nretention.rate,lots,higher\n");
    const run = await runInProcess([...base, "--benchmarks", badValue]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${badValue}:3: field "value": expected a finite number or decimal string`);
    const typo = file("typo.csv", "path,value,betterWhen\nretention.rat,0.4,higher\n");
    const typoRun = await runInProcess([...base, "--benchmarks", typo]);
    expect(typoRun.code).toBe(2);
    expect(typoRun.stderr).toContain(`${typo}:2: field "path": "retention.rat" names no KPI of the report; did you mean retention.rate?`);
    const badJson = file("bad.json", JSON.stringify([{ path: "retention.rate", value: 1, betterWhen: "better" }]));
    const jsonRun = await runInProcess([...base, "--benchmarks", badJson]);
    expect(jsonRun.code).toBe(2);
    expect(jsonRun.stderr).toContain(`${badJson}: field "betterWhen": entry 1: expected "higher" or "lower"`);
    const column = file("col.csv", "path,value,better\nretention.rate,1,higher\n");
    expect((await runInProcess([...base, "--benchmarks", column])).stderr).toContain(`${column}:1: field "better": unknown column`);
  });
});

import { describe, expect, it } from "vitest";
import { fixture, runCli } from "./spawnCli";

// test/fixtures/cli/spend-*.csv hold the hand-worked program of test/programs/roiFixture.ts.
const input = ["spend", "--purchases", fixture("spend-purchases.csv"), "--events", fixture("spend-events.csv"), "--costs", fixture("spend-costs.csv"), "--period", "2024-04-01..2024-07-01"];

describe("retention-metrics spend", () => {
  it("prints the library's spend and ROI as JSON", async () => {
    const run = await runCli([...input, "--by", "program", "--margin", "0.5", "--program", "club"]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const output = JSON.parse(run.stdout) as { totalSpend: string; spendPerActiveCustomer: string; groups: { key: string; spend: string }[]; roi: { roi: number; cost: { perMember: string }; observational: boolean } };
    expect(output.totalSpend).toBe("80");
    expect(output.spendPerActiveCustomer).toBe("10");
    expect(output.groups.map((g) => [g.key, g.spend])).toEqual([["club", "75"], ["winback", "5"]]);
    expect(output.roi.cost.perMember).toBe("15");
    expect(output.roi.roi).toBeCloseTo(1 / 9, 12);
    expect(output.roi.observational).toBe(true);
  });

  it("writes CSV rows and a Markdown page", async () => {
    const csv = await runCli([...input, "--by", "channel", "--format", "csv"]);
    expect(csv.stdout.trim().split("\n")).toEqual(["scope,key,spend,costCount,shareOfSpend,spendPerActiveCustomer", "all,,80,8,1,10", "group,mail,55,6,0.6875,6.875", "group,phone,5,1,0.0625,0.625", "group,,20,1,0.25,2.5"]);
    const md = await runCli([...input, "--margin", "0.5", "--program", "club", "--format", "md"]);
    expect(md.stdout).toContain("| Spend per active customer | 10.00 |");
    expect(md.stdout).toContain("ROI 11.1%");
    expect(md.stdout).toContain("observational, not randomised");
  });

  it("checks --fail-if on the totals and the ROI, and refuses --program without --margin", async () => {
    const run = await runCli([...input, "--margin", "0.5", "--program", "club", "--fail-if", "roi.roi < 0.2", "--fail-if", "shareOfRevenue > 0.5"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("FAIL: roi.roi = 0.1111");
    expect(run.stderr).toContain("ok: shareOfRevenue = 0.258");
    const typo = await runCli([...input, "--fail-if", "totalSpnd > 1"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("did you mean totalSpend?");
    const noMargin = await runCli([...input, "--program", "club"]);
    expect([noMargin.code, noMargin.stderr]).toEqual([2, "error: spend: --program needs --margin (the gross-margin fraction of purchases without a cost, e.g. 0.3)\n"]);
  });

  it("names the file, line and field of a bad cost", async () => {
    const run = await runCli(["spend", "--costs", "-", "--period", "2024-04-01..2024-07-01"], { stdin: "at,amount\n2024-04-02,-3\n" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("<stdin>:2");
    expect(run.stderr).toContain("expected a cost ≥ 0");
  });
});

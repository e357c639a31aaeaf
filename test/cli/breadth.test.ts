import { describe, expect, it } from "vitest";
import { fixture, runInProcess } from "./spawnCli";

// test/fixtures/cli/breadth.csv is the hand-worked data of test/segments/categoryBreadth.test.ts.
const input = ["breadth", "--purchases", fixture("breadth.csv")];

describe("retention-metrics breadth", () => {
  it("prints one row per category as CSV, with the library's figures", async () => {
    const run = await runInProcess([...input, "--format", "csv"]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout.trim().split("\n")).toEqual([
      "category,customers,penetration,rows,amount,firstCustomers,movedOn",
      "bags,2,0.5,2,51,0,0",
      "hats,3,0.75,3,37,1,1",
      "shoes,2,0.5,4,65,2,2",
      "socks,2,0.5,2,12,2,1",
    ]);
  });

  it("limits purchases with --period and checks --fail-if on the JSON", async () => {
    const run = await runInProcess([...input, "--period", "2024-01-01..2024-04-01", "--fail-if", "crossSellRate < 0.6", "--fail-if", "categories[0].customers > 5"]);
    expect(run.code).toBe(1);
    const output = JSON.parse(run.stdout) as { crossSellRate: number; customers: number };
    expect([output.customers, output.crossSellRate]).toEqual([4, 0.5]);
    expect(run.stderr).toContain("FAIL: crossSellRate = 0.5 (fails if < 0.6): THRESHOLD CROSSED");
    expect(run.stderr).toContain("ok: categories.0.customers = 1 (fails if > 5): ok");
    const typo = await runInProcess([...input, "--fail-if", "crossSelRate < 1"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("did you mean crossSellRate?");
  });

  it("puts the section in the report, where --fail-if reads it", async () => {
    const run = await runInProcess(["report", "--purchases", fixture("breadth.csv"), "--as-of", "2024-05-01", "--fail-if", "breadth.crossSellRate < 0.8"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("FAIL: breadth.crossSellRate = 0.75 (fails if < 0.8): THRESHOLD CROSSED");
  });

  it("prints Markdown tables", async () => {
    const run = await runInProcess([...input, "--format", "md"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("| 4 | 75.0% | 2.25 | 1 |");
    expect(run.stdout).toContain("| shoes | hats | 2 | 100.0% |");
  });
});

import { describe, expect, it } from "vitest";
import { fixture, runCli } from "./spawnCli";

// test/fixtures/cli/lifecycle.csv is the hand-worked data of test/journey/lifecycle.test.ts.
const input = ["lifecycle", "--purchases", fixture("lifecycle.csv")];

describe("retention-metrics lifecycle", () => {
  it("prints the months from the first order's as CSV, with the counts of the library", async () => {
    const run = await runCli([...input, "--format", "csv", "--from", "2024-01-20", "--as-of", "2024-06-01"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // --from 2024-01-20 starts at its month, January; --as-of 2024-06-01 ends with May.
    expect(run.stdout.trim().split("\n")).toEqual([
      "period,start,end,active,previousActive,new,returning,resurrected,dormant,dormantBar,quickRatio",
      "2024-01,2024-01-01T00:00:00.000Z,2024-02-01T00:00:00.000Z,2,2,1,1,0,1,-1,1",
      "2024-02,2024-02-01T00:00:00.000Z,2024-03-01T00:00:00.000Z,1,2,1,0,0,2,-2,0.5",
      "2024-03,2024-03-01T00:00:00.000Z,2024-04-01T00:00:00.000Z,2,1,0,0,2,1,-1,2",
      "2024-04,2024-04-01T00:00:00.000Z,2024-05-01T00:00:00.000Z,1,2,1,0,0,2,-2,0.5",
      "2024-05,2024-05-01T00:00:00.000Z,2024-06-01T00:00:00.000Z,0,1,0,0,0,1,-1,0",
    ]);
  });

  it("checks --fail-if against latest and periods, and names a mistyped path", async () => {
    const run = await runCli([...input, "--as-of", "2024-06-01", "--fail-if", "latest.quickRatio < 1", "--fail-if", "periods[0].new > 5"]);
    expect(run.code).toBe(1);
    const output = JSON.parse(run.stdout) as { latest: { key: string; quickRatio: number }; periods: unknown[] };
    // Default start: the month of the first order (2023-10), so eight months to May 2024.
    expect(output.periods).toHaveLength(8);
    expect(output.latest).toMatchObject({ key: "2024-05", quickRatio: 0 });
    expect(run.stderr).toContain("FAIL: latest.quickRatio = 0 (fails if < 1): THRESHOLD CROSSED");
    expect(run.stderr).toContain("ok: periods.0.new = 1 (fails if > 5): ok");
    const typo = await runCli([...input, "--fail-if", "latest.quikRatio < 1"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("did you mean latest.quickRatio?");
  });
});

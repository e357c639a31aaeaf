import { describe, expect, it } from "vitest";
import { fixture, runCli } from "./spawnCli";

// test/fixtures/cli/points.csv is the hand-worked table of test/points/breakage.test.ts (docs/programs.md, "Breakage").
const input = ["points", "--events", fixture("points.csv"), "--point-value", "0.01", "--as-of", "2024-04-01"];

describe("retention-metrics points", () => {
  it("prints the cohorts as CSV, with the figures of the library", async () => {
    const run = await runCli([...input, "--format", "csv"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toBe("cohort,earned,redeemed,expired,outstanding,closed,redemptionRate,observedBreakage,estimatedBreakage");
    expect(lines[1]).toBe("2024-01,100,70,30,0,true,0.7,0.3,");
    expect(lines[2]!.startsWith("2024-02,200,100,0,100,false,0.5,,0.4166")).toBe(true);
  });

  it("gives { ledger, breakage } as JSON and checks --fail-if on them", async () => {
    const run = await runCli([...input, "--expiry", "12mo", "--fail-if", "ledger.liability > 1", "--fail-if", "breakage.cohorts[0].observedBreakage >= 0.5"]);
    expect(run.code).toBe(1);
    const output = JSON.parse(run.stdout) as { ledger: { outstanding: number; liability: string; expiring: unknown[] }; breakage: { redemptionRate: number } };
    expect([output.ledger.outstanding, output.ledger.liability, output.breakage.redemptionRate]).toEqual([180, "1.8", 0.475]);
    expect(output.ledger.expiring).toHaveLength(3);
    expect(run.stderr).toContain("FAIL: ledger.liability = 1.8 (fails if > 1): THRESHOLD CROSSED");
    const typo = await runCli([...input, "--fail-if", "ledger.liabilty > 1"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("did you mean ledger.liability?");
  });

  it("needs --point-value, and renders Markdown", async () => {
    const missing = await runCli(["points", "--events", fixture("points.csv")]);
    expect([missing.code, missing.stderr]).toEqual([2, "error: points: needs --point-value AMOUNT, the money one point is worth (e.g. 0.01)\n"]);
    const md = await runCli([...input, "--format", "md"]);
    expect(md.stdout).toContain("| 2024-01 | 100 | 70 | 30 | 0 | 70.0% | 30.0% observed |");
  });
});

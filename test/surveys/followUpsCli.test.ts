import { describe, expect, it } from "vitest";
import { fixture, runInProcess } from "../cli/spawnCli";

/*
 * test/fixtures/cli/purchases.csv with these answers, as of 2024-04-01, window [2024-01-02, 2024-04-01):
 * trailing revenue a 10 + 20 + 30 = 60, b 5 + 15 = 20, __proto__ 8; c's answer (9) is happy.
 * None ordered after answering (a last ordered 03-05, b 03-15, __proto__ 03-20).
 */
const surveys = "customerId,at,score,kind\na,2024-03-10,4,\nb,2024-03-20,1,csat\n__proto__,2024-03-25,2,ces\nc,2024-03-01,9,\n";
const args = ["follow-ups", "--purchases", fixture("purchases.csv"), "--surveys", "-", "--as-of", "2024-04-01"];

describe("retention-metrics follow-ups", () => {
  it("prints the list as CSV, highest value at stake first", async () => {
    const run = await runInProcess(args, { stdin: surveys });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toBe("customerId,kind,score,answeredAt,daysSince,trailingRevenue,predictedClv,valueAtStake,valueBasis,orderedSince,defectionStatus");
    expect(lines.slice(1).map((line) => line.split(",").slice(0, 3).concat(line.split(",")[7]!))).toEqual([
      ["a", "nps", "4", "60"],
      ["b", "csat", "1", "20"],
      ["__proto__", "ces", "2", "8"],
    ]);
  });

  it("prints JSON, and takes --within, --min-value and --top", async () => {
    const run = await runInProcess([...args, "--format", "json", "--within", "20d", "--min-value", "10", "--top", "1"], { stdin: surveys });
    expect(run.code).toBe(0);
    const list = JSON.parse(run.stdout);
    // [2024-03-12, 2024-04-01): b and __proto__ answered; __proto__ (8) is below 10
    expect(list.entries.map((e: { customerId: string }) => e.customerId)).toEqual(["b"]);
    expect(list).toMatchObject({ customersAnswered: 2, unhappyCustomers: 2, belowMinValue: 1, minValue: "10" });
  });

  it("fails a pipeline on the list's counts with --fail-if, and names a path the list does not have", async () => {
    // Four customers answered in the window; a, b and __proto__ are unhappy.
    const failing = await runInProcess([...args, "--fail-if", "unhappyCustomers > 2", "--fail-if", "customersAnswered < 4"], { stdin: surveys });
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain("unhappyCustomers");
    expect(failing.stdout.split("\n")[0]).toBe("customerId,kind,score,answeredAt,daysSince,trailingRevenue,predictedClv,valueAtStake,valueBasis,orderedSince,defectionStatus");
    const passing = await runInProcess([...args, "--format", "json", "--fail-if", "unhappyCustomers > 3"], { stdin: surveys });
    expect(passing.code).toBe(0);
    const unknown = await runInProcess([...args, "--fail-if", "unhappy > 3"], { stdin: surveys });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("did you mean unhappyCustomers");
  });

  it("names a bad flag", async () => {
    expect((await runInProcess([...args, "--within", "0"], { stdin: surveys })).stderr).toContain("--within");
    expect((await runInProcess([...args, "--min-value", "lots"], { stdin: surveys })).stderr).toContain("--min-value");
  });
});

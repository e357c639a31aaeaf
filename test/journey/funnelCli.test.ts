import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../cli/spawnCli";
import { readWithinFlag } from "../../src/cli/withinFlag";
import { workedEvents, workedPurchases } from "./workedFunnel";

const dir = mkdtempSync(join(tmpdir(), "funnel-cli-"));
const events = join(dir, "events.csv");
const purchases = join(dir, "purchases.csv");
writeFileSync(events, `customerId,at,type\n${workedEvents.map((e) => `${e.customerId},${e.at as string},${e.type}`).join("\n")}\n`);
writeFileSync(purchases, `customerId,at,amount\n${workedPurchases.map((p) => `${p.customerId},${p.at as string},${p.amount as string}`).join("\n")}\n`);
const worked = ["funnel", "--events", events, "--purchases", purchases, "--steps", "signup, view,order,order:2", "--within", "14d", "--period", "2024-01-01..2024-01-11"];

describe("retention-metrics funnel", () => {
  it("gives the worked funnel as JSON, CSV and Markdown", async () => {
    const jsonRun = await runInProcess(worked);
    expect(jsonRun.code).toBe(0);
    const body = JSON.parse(jsonRun.stdout) as { steps: { customers: number }[]; overallConversion: number; within: number };
    expect(body.steps.map((s) => s.customers)).toEqual([5, 4, 3, 2]);
    expect(body).toMatchObject({ overallConversion: 0.4, within: 14 * 86_400_000 });
    const csv = await runInProcess([...worked, "--format", "csv"]);
    expect(csv.stdout.split("\n")[0]).toBe("index,step,customers,conversionFromPrevious,conversionFromStart,medianTimeFromPreviousMs,dropped");
    expect(csv.stdout.split("\n")[4]).toBe(`4,order:2,2,${2 / 3},0.4,129600000,1`);
    const md = await runInProcess([...worked, "--format", "md"]);
    expect(md.stdout).toContain("Overall conversion: 40.0% (2 of 5 who entered)");
  });

  it("checks --fail-if against the funnel's paths and writes --thresholds-out", async () => {
    const out = join(dir, "thresholds.json");
    const failing = await runInProcess([...worked, "--fail-if", "overallConversion < 0.5", "--fail-if", "steps[1].conversionFromPrevious >= 0.5", "--thresholds-out", out]);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain("FAIL: overallConversion = 0.4");
    expect(JSON.parse(readFileSync(out, "utf8"))).toMatchObject({ passed: false });
    expect((await runInProcess([...worked, "--fail-if", "steps[3].customers < 2"])).code).toBe(0);
    const typo = await runInProcess([...worked, "--fail-if", "steps[0].custmers < 2"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("did you mean steps[0].customers?");
  });

  it("refuses bad --steps and --within, and names a bad step", async () => {
    for (const bad of [["--steps", "signup,,order"], ["--within", "30"], ["--within", "0d"], ["--within", "2 days"]]) {
      expect((await runInProcess([...worked, ...bad])).code).toBe(2);
    }
    const order0 = await runInProcess(["funnel", "--events", events, "--steps", "signup,order:0"]);
    expect(order0.stderr).toContain("steps[1]");
    expect((await runInProcess(["funnel", "--events", events])).stderr).toContain("--steps is required");
  });

  it("reads --within units", () => {
    expect([readWithinFlag("90s"), readWithinFlag("2w"), readWithinFlag("3mo"), readWithinFlag("1y"), readWithinFlag("15min")]).toEqual([90_000, 14 * 86_400_000, { months: 3 }, { years: 1 }, 900_000]);
  });
});

import { describe, expect, it } from "vitest";
import { runInProcess } from "./spawnCli";

describe("report --model", () => {
  it("auto picks a transaction model and the JSON says which and why", async () => {
    const run = await runInProcess(["report", "--purchases", "examples/data/cdnow-sample.csv", "--as-of", "1998-07-01", "--model", "auto", "--skip", "cohorts,defections,segments,historicalClv"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { clv: { predicted: { available: boolean; modelChoice?: { chosen: string; criterion: string; reason: string }; transactionModel?: { model: string } } } };
    const choice = report.clv.predicted.modelChoice!;
    expect(["bg-nbd", "mbg-nbd", "pareto-nbd"]).toContain(choice.chosen);
    expect(choice.criterion).toBe("holdoutMae");
    expect(report.clv.predicted.transactionModel!.model).toBe(choice.chosen);
  });

  it("refuses another value as a usage error naming --model", async () => {
    const run = await runInProcess(["report", "--purchases", "examples/data/cdnow-sample.csv", "--model", "best"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--model");
  });
});

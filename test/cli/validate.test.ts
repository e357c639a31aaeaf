import { describe, expect, it } from "vitest";
import { calibrationHoldoutSummary, compareModels, fitBgNbd, fitGammaGamma, fitParetoNbd } from "../../src/index";
import { cdnowPurchases } from "../clv/cdnowFixtures";
import { fixture, runInProcess } from "./spawnCli";

const cdnow = ["validate", "--purchases", "examples/data/cdnow-sample.csv", "--calibration-end", "1997-09-30"];

interface ValidationJson {
  kind: string;
  customers: number;
  holdoutDuration: number;
  observationEnd: string;
  bgNbd: { mae: number; aic: number; ranking: { gini: number }; calibration: { byFrequency: { customers: number }[] } };
  paretoNbd: { mae: number; probabilityAlive: { auc: number } };
  gammaGamma: { params: { p: number } };
}

describe("retention-metrics validate", () => {
  it("splits CDNOW at --calibration-end, holdout to the last purchase, and prints what compareModels gives", async () => {
    const run = await runInProcess(cdnow);
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as ValidationJson;
    expect(output.kind).toBe("retention-metrics/validation");
    // the last purchase of the sample is on 1998-06-30: 39 weeks of holdout, as BTYD's walkthrough
    expect([output.customers, output.holdoutDuration, output.observationEnd]).toEqual([2357, 39, "1998-06-30T00:00:00.000Z"]);
    expect(output.bgNbd.calibration.byFrequency.map((bin) => bin.customers)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    const split = calibrationHoldoutSummary(cdnowPurchases(), { calibrationEnd: "1997-09-30", observationEnd: "1998-06-30", timeUnit: "week" });
    const library = compareModels([fitBgNbd(split), fitParetoNbd(split)], split, { spendModel: fitGammaGamma(split) });
    expect(output.bgNbd.mae).toBeCloseTo(library.models[0]!.scorecard.mae!, 6);
    expect(output.bgNbd.aic).toBeCloseTo(library.models[0]!.aic!, 4);
    expect(output.paretoNbd.probabilityAlive.auc).toBeCloseTo(library.models[1]!.scorecard.probabilityAlive.auc!, 6);
  });

  it("--fail-if fails the build when a figure crosses its threshold (exit 1), passes otherwise, and names a mistyped path (exit 2)", async () => {
    const pass = await runInProcess([...cdnow, "--fail-if", "bgNbd.mae > 1.2", "--fail-if", "paretoNbd.ranking.gini < 0.5"]);
    expect(pass.code).toBe(0);
    expect(pass.stderr).toMatch(/ok: bgNbd\.mae = 0\.78\d+ \(fails if > 1\.2\): ok/);
    const fail = await runInProcess([...cdnow, "--fail-if", "bgNbd.mae > 0.5", "--format", "md"]);
    expect(fail.code).toBe(1);
    expect(fail.stderr).toContain("FAIL: bgNbd.mae = 0.78");
    expect(fail.stdout).toContain("| MAE (transactions) | 0.785 | 0.755 |");
    const bins = await runInProcess([...cdnow, "--fail-if", "bgNbd.calibration.byFrequency[7].customers != 64"]);
    expect(bins.code).toBe(0);
    const typo = await runInProcess([...cdnow, "--fail-if", "bgNbd.mea > 1"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("did you mean bgNbd.mae?");
  });

  it("refuses a missing --calibration-end and an observation end before it", async () => {
    const missing = await runInProcess(["validate", "--purchases", fixture("purchases.csv")]);
    expect([missing.code, missing.stderr]).toEqual([2, "error: validate needs --calibration-end DATE (the end of the calibration period; the holdout follows it)\n"]);
    const backwards = await runInProcess([...cdnow, "--observation-end", "1997-01-01"]);
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toContain("must be after --calibration-end");
  });
});

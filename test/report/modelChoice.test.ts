import { describe, expect, it } from "vitest";
import { KpiReportJsonSchema } from "../../src/report/schema";
import { kpiReport, renderHtml, renderMarkdown, RetentionOptionsError } from "../../src/index";
import { cdnowPurchases } from "../clv/cdnowFixtures";
import { KpiReportJsonSchema as Legacy } from "../schemas/legacyReportSchema";

// CDNOW to 1998-07-01: 78 whole weeks, so the Model fit section's split (52 weeks of calibration, 26 of holdout) is there to judge on.
const purchases = cdnowPurchases();
const skip = ["cohorts", "defections", "segments", "historicalClv"] as const;
const auto = kpiReport(purchases, { asOf: "1998-07-01", skip: [...skip], model: "auto" });
const plain = kpiReport(purchases, { asOf: "1998-07-01", skip: [...skip] });

describe("the report's model: \"auto\"", () => {
  it("fits BG/NBD, MBG/NBD and Pareto/NBD, scores each on the holdout, and predicts with the lowest MAE", () => {
    const predicted = auto.clv.predicted;
    if (!predicted.available) throw new Error(predicted.reason);
    const choice = predicted.modelChoice!;
    expect(choice.criterion).toBe("holdoutMae");
    expect(choice.calibration).toEqual({ start: new Date("1997-01-01"), end: new Date("1997-12-31") });
    expect(choice.holdout).toEqual({ start: new Date("1997-12-31"), end: new Date("1998-07-01") });
    expect(choice.candidates.map((c) => c.model)).toEqual(["bg-nbd", "mbg-nbd", "pareto-nbd"]);
    const maes = choice.candidates.map((c) => c.holdoutMae!);
    for (const c of choice.candidates) {
      expect(c.holdoutMae).toBeGreaterThan(0);
      expect(c.bic).toBeCloseTo(4 * Math.log(2357) - 2 * c.logLikelihood!, 6);
      expect(c.reason).toBeNull();
    }
    const best = choice.candidates[maes.indexOf(Math.min(...maes))]!.model;
    expect(choice.chosen).toBe(best);
    expect(predicted.transactionModel!.model).toBe(best);
    expect(choice.reason).toContain("lowest holdout MAE");
    // The Model fit section shows the picked model's calibration fit.
    expect(auto.modelFit!.available && auto.modelFit!.model.model).toBe(best);
    // BG/NBD on all customers is the same fit with or without auto.
    expect(plain.clv.predicted.available && plain.clv.predicted.bgNbd).toEqual(predicted.bgNbd);
  });

  it("leaves the default report exactly as it was: no choice, no transactionModel, no modelChoice phase", () => {
    const predicted = plain.clv.predicted;
    if (!predicted.available) throw new Error(predicted.reason);
    expect("modelChoice" in predicted).toBe(false);
    expect("transactionModel" in predicted).toBe(false);
    expect(JSON.stringify(kpiReport(purchases, { asOf: "1998-07-01", skip: [...skip], model: "bg-nbd" }))).toBe(JSON.stringify(plain));
    const phases: string[] = [];
    kpiReport(purchases, { asOf: "1998-07-01", skip: [...skip], onProgress: (phase) => phases.push(phase) });
    expect(phases).not.toContain("modelChoice");
  });

  it("picks by BIC when the data is too short for a holdout, and says why", () => {
    const short = kpiReport(purchases, { asOf: "1997-05-01", skip: [...skip, "modelFit"], model: "auto" });
    const predicted = short.clv.predicted;
    if (!predicted.available) throw new Error(predicted.reason);
    const choice = predicted.modelChoice!;
    expect(choice.criterion).toBe("bic");
    expect(choice.holdout).toBeNull();
    const bics = choice.candidates.map((c) => c.bic!);
    expect(choice.chosen).toBe(choice.candidates[bics.indexOf(Math.min(...bics))]!.model);
    expect(choice.reason).toMatch(/lowest BIC.*no holdout check \(the data span 17 whole weeks/);
    for (const c of choice.candidates) expect(c.holdoutMae).toBeNull();
  });

  it("validates against the report's schemas (today's and the legacy one) and renders the choice", () => {
    const json: unknown = JSON.parse(JSON.stringify(auto));
    expect(KpiReportJsonSchema.safeParse(json).success).toBe(true);
    expect(Legacy.safeParse(json).success).toBe(true);
    const predicted = auto.clv.predicted;
    if (!predicted.available) throw new Error(predicted.reason);
    expect(renderMarkdown(auto)).toContain(`Model used (auto) | ${predicted.modelChoice!.reason}`);
    expect(renderHtml(auto)).toContain("Model used (auto):");
  });

  it("refuses another model option with RetentionOptionsError naming `model`", () => {
    for (const bad of ["pareto", "AUTO", 1, null]) {
      expect(() => kpiReport(purchases, { model: bad as never })).toThrow(RetentionOptionsError);
    }
  });
});

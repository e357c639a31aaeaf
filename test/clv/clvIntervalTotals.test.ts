import { describe, expect, it } from "vitest";
import { customerSummary, fitBgNbd, fitGammaGamma, fitParetoNbd } from "../../src/index";
import { clvIntervalRows, clvIntervalTotals } from "../../src/clv/models/clvIntervals";
import { includedRows, readPredictionSettings } from "../../src/clv/models/predictClv";
import { predictRows, stepSchedule } from "../../src/clv/models/predictionKernel";
import { seededRandom } from "../../src/clv/models/seededRandom";
import { readSummaryRows } from "../../src/clv/summaryRows";
import type { TransactionModel } from "../../src/clv/models/modelTypes";
import { cdnowPurchases } from "./cdnowFixtures";

const summary = customerSummary(cdnowPurchases(), { asOf: "1997-09-30", timeUnit: "week" });
const gammaGamma = fitGammaGamma(summary);

describe("clvIntervalTotals (the report's interval, without the per-customer bounds)", () => {
  it.each([
    ["BG/NBD", fitBgNbd(summary)],
    ["Pareto/NBD", fitParetoNbd(summary)],
  ] as const)("gives clvIntervalRows's totals, reason and total overflow count, bit for bit, on CDNOW with %s", (_name, model) => {
    const settings = readPredictionSettings(model as TransactionModel, gammaGamma, { horizon: 52, discountRate: 0.0018 });
    const rows = readSummaryRows(summary, "test");
    const include = includedRows(rows);
    const center = predictRows(settings.model, stepSchedule(settings.steps, settings.step, settings.horizon, settings.discountRate), rows, include);
    const interval = { level: 0.9, draws: 200 };
    const full = clvIntervalRows(settings, rows, include, center, { ...interval, random: seededRandom(1) });
    const totals = clvIntervalTotals(settings, rows, include, center, { ...interval, random: seededRandom(1) });
    if (typeof full === "string" || typeof totals === "string") throw new Error("expected intervals on CDNOW");
    expect(totals.total).toEqual(full.total);
    expect(totals.total.clv).not.toBeNull();
    expect(totals.clvReason).toBe(full.clvReason);
    // The per-customer bounds overflowed nowhere here, so the counts agree.
    expect(totals.overflowed).toBe(full.overflowed);
  });
});

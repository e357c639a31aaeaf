import { describe, expect, it } from "vitest";
import { createLedger } from "retention-metrics";
import { loadCdnowSample } from "../../examples/data/cdnow";
import { kpiReport, kpiReportOffloaded, type KpiReportOptions, type PredictedOffload } from "../../src/report/kpiReport";
import type { KpiReportPhase } from "../../src/report/progress";
import { computePredictedParts, type PredictedParts } from "../../src/report/predictedParts";
import { modelFitSection } from "../../src/report/modelFitSection";
import { PURCHASES } from "./fixture";

/**
 * An offload that computes the parts at once, passed through `structuredClone` as a worker
 * thread's message would be (frozen objects come back plain); `tamper` may change them.
 */
function inlineOffload(tamper: (parts: PredictedParts) => PredictedParts = (parts) => parts): PredictedOffload & { readonly started: number[] } {
  const started: number[] = [];
  return {
    started,
    start(rows, terms) {
      started.push(rows.count);
      const parts = tamper(structuredClone(computePredictedParts(rows, terms)));
      return { transaction: Promise.resolve(parts.failure?.step === "bgNbd" ? null : (parts.bgNbd ?? null)), parts: Promise.resolve(parts) };
    },
  };
}

const cdnow = createLedger(loadCdnowSample());

describe("kpiReportOffloaded", () => {
  const cases: [string, Parameters<typeof kpiReport>[0], KpiReportOptions, boolean][] = [
    ["CDNOW, defaults (predicted CLV available)", cdnow, {}, true],
    ["CDNOW, day models, a penalizer, a 2-year horizon, no discounting", cdnow, { timeUnit: "day", penalizer: 0.001, clvHorizon: 730, annualDiscountRate: 0 }, true],
    ["CDNOW, predicted CLV skipped", cdnow, { skip: ["predictedClv"] }, false],
    ["CDNOW, model auto (not offloaded)", cdnow, { model: "auto" }, false],
    ["CDNOW, every section skipped but predicted CLV", cdnow, { skip: ["cohorts", "historicalClv", "defections", "segments", "modelFit"] }, true],
    ["seven purchases (too few to fit well)", PURCHASES, { asOf: "2024-04-01" }, true],
    ["one-time buyers only (nothing to offload)", [{ customerId: "a", at: "2024-01-01", amount: "5" }, { customerId: "b", at: "2024-01-02", amount: "6" }], {}, false],
    ["no purchases", { purchases: [], events: [{ customerId: "a", at: "2024-01-01", type: "signup" }] }, {}, false],
  ];
  it.each(cases)("gives kpiReport's report, bit for bit: %s", async (_name, input, options, offloaded) => {
    const offload = inlineOffload();
    const report = await kpiReportOffloaded(input, options, offload);
    expect(JSON.stringify(report)).toBe(JSON.stringify(kpiReport(input, options)));
    expect(report).toEqual(kpiReport(input, options));
    expect(offload.started.length).toBe(offloaded ? 1 : 0);
  });

  it("reports the offloaded steps' failures as kpiReport reports its own, and then checks the model without the fit's start", async () => {
    const asOf = "1998-07-01";
    const withFailure = (step: "bgNbd" | "gammaGamma" | "predict" | "intervalTotals") =>
      inlineOffload((parts) => ({ ...(step === "bgNbd" ? {} : { bgNbd: parts.bgNbd! }), ...(step === "predict" || step === "intervalTotals" ? { gammaGamma: parts.gammaGamma! } : {}), failure: { step, message: "boom" } }));
    const unstarted = modelFitSection(cdnow, Date.parse(asOf), "week", 0);
    for (const [step, reason] of [
      ["bgNbd", "the BG/NBD fit failed: boom (the penalizer option; CLI: --penalizer 0.001)"],
      ["gammaGamma", "the Gamma-Gamma fit failed: boom (the penalizer option; CLI: --penalizer 0.001)"],
      ["predict", "the CLV prediction failed: boom (the penalizer option; CLI: --penalizer 0.001)"],
    ] as const) {
      const report = await kpiReportOffloaded(cdnow, { asOf }, withFailure(step));
      expect(report.clv.predicted).toEqual({ available: false, reason });
      expect(report.modelFit).toEqual(unstarted);
    }
    const started = kpiReport(cdnow, { asOf }).modelFit;
    expect(started).not.toEqual(unstarted);
  });

  it("announces every phase, with the summary first and predicted CLV's after the sections computed meanwhile", async () => {
    const phases: KpiReportPhase[] = [];
    await kpiReportOffloaded(cdnow, { onProgress: (phase) => phases.push(phase) }, inlineOffload());
    expect([...new Set(phases)]).toEqual(["customerSummaries", "periodKpis", "cohorts", "defections", "segments", "modelFit", "bgNbdFit", "gammaGammaFit", "predictions"]);
  });

  it("throws kpiReport's errors for bad input and options", async () => {
    await expect(kpiReportOffloaded(cdnow, { top: -1 }, inlineOffload())).rejects.toThrow(/top/);
    await expect(kpiReportOffloaded([{ customerId: "a", at: "nope", amount: "1" }], {}, inlineOffload())).rejects.toThrow(/purchases\[0\]\.at/);
  });
});

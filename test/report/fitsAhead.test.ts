import { describe, expect, it } from "vitest";
import { kpiReport } from "../../src/index";
import { readLedger } from "../../src/node";
import { buildKpiReport } from "../../src/report/kpiReport";
import { fitReportModels, type StartReportFits } from "../../src/report/reportFits";
import { fromFitAnswer, toFitAnswer } from "../../src/cli/fitAnswer";
import { generatePurchases } from "../../bench/generate";

/*
 * The CLI's report starts its model fits ahead, in a worker thread (src/cli/fitThread.ts). These
 * tests start them the same way, with the answer passed through `structuredClone` as
 * `postMessage` passes it, and check the report is kpiReport's to the last field. The thread
 * itself is checked on the built CLI by scripts/check-fit-worker.ts.
 */
const crossingThreads: StartReportFits = (rows, penalizer) => {
  const answer = structuredClone(toFitAnswer(fitReportModels(rows, penalizer)));
  return () => fromFitAnswer(answer);
};
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe("kpiReport with the fits started ahead", () => {
  it("is kpiReport's report on the CDNOW sample, in weeks and days, with and without a penalizer", async () => {
    const ledger = await readLedger({ purchases: "examples/data/cdnow-sample.csv" });
    for (const options of [{}, { penalizer: 0.001 }, { penalizer: 0.001, timeUnit: "day" as const }, { skip: ["historicalClv" as const] }]) {
      const report = json(buildKpiReport(ledger, options, crossingThreads));
      expect(report).toEqual(json(kpiReport(ledger, options)));
    }
  });

  it("is kpiReport's report where the prediction fails, where nobody bought twice, and with no purchases", () => {
    const inputs = [
      generatePurchases({ purchases: 2_000, seed: 7 }),
      [{ customerId: "a", at: "2024-01-05", amount: "10" }, { customerId: "b", at: "2024-02-05", amount: "12" }],
      { purchases: [], surveys: [{ at: "2024-01-05", score: 9 }] },
    ];
    for (const input of inputs) expect(json(buildKpiReport(input, {}, crossingThreads))).toEqual(json(kpiReport(input, {})));
  });

  it("does not start the fits when predicted CLV is skipped", () => {
    const started: number[] = [];
    const start: StartReportFits = (rows, penalizer) => {
      started.push(rows.count);
      return crossingThreads(rows, penalizer);
    };
    buildKpiReport(generatePurchases({ purchases: 500, seed: 3 }), { skip: ["predictedClv"] }, start);
    expect(started).toEqual([]);
    buildKpiReport(generatePurchases({ purchases: 500, seed: 3 }), {}, start);
    expect(started).toHaveLength(1);
  });

  it("says which fit failed, with the error's message, as the fits in the report's own thread do", () => {
    const purchases = generatePurchases({ purchases: 500, seed: 3 });
    const failing = (bgNbd: boolean): StartReportFits => (rows, penalizer) => () => {
      const fits = fitReportModels(rows, penalizer);
      return fromFitAnswer(structuredClone(bgNbd ? { bgNbd: { error: "no finite optimum" }, gammaGamma: null } : { ...toFitAnswer(fits), gammaGamma: { error: "no finite optimum" } }));
    };
    expect(buildKpiReport(purchases, {}, failing(true)).clv.predicted).toEqual({ available: false, reason: "the BG/NBD fit failed: no finite optimum (the penalizer option; CLI: --penalizer 0.001)" });
    expect(buildKpiReport(purchases, { penalizer: 0.01 }, failing(false)).clv.predicted).toEqual({ available: false, reason: "the Gamma-Gamma fit failed: no finite optimum" });
  });

  it("announces the customer summaries first, then the other phases in their usual order", () => {
    const order: string[] = [];
    buildKpiReport(generatePurchases({ purchases: 2_000, seed: 7 }), { penalizer: 0.001, onProgress: (phase) => void (order.at(-1) === phase || order.push(phase)) }, crossingThreads);
    expect(order).toEqual(["customerSummaries", "periodKpis", "cohorts", "defections", "bgNbdFit", "gammaGammaFit", "predictions", "segments"]);
  });
});

import { describe, expect, it } from "vitest";
import { RetentionOptionsError } from "retention-metrics";
import { loadCdnowSample } from "../../examples/data/cdnow";
import { kpiReport } from "../../src/report/kpiReport";
import type { KpiReportPhase } from "../../src/report/progress";
import { PURCHASES } from "./fixture";

type Call = readonly [KpiReportPhase, number, number];

function record(run: (onProgress: (phase: KpiReportPhase, done: number, total: number) => void) => unknown): Call[] {
  const calls: Call[] = [];
  run((phase, done, total) => calls.push([phase, done, total]));
  return calls;
}

describe("kpiReport's onProgress", () => {
  it("announces and closes every phase, in order, synchronously", () => {
    let returned = false;
    const calls: Call[] = [];
    const report = kpiReport(loadCdnowSample(), {
      onProgress: (phase, done, total) => {
        expect(returned).toBe(false);
        calls.push([phase, done, total]);
      },
    });
    returned = true;
    const order = [...new Set(calls.map(([phase]) => phase))];
    expect(order).toEqual(["periodKpis", "cohorts", "defections", "customerSummaries", "bgNbdFit", "gammaGammaFit", "predictions", "segments", "modelFit"]);
    for (const phase of order) {
      const own = calls.filter(([p]) => p === phase);
      expect(own[0]![1], phase).toBe(0);
      expect(own.at(-1)![1], phase).toBe(own.at(-1)![2]);
      for (const [, done, total] of own) expect(done).toBeLessThanOrEqual(total);
    }
    // predictions count customers: the CDNOW sample has 2,357.
    expect(calls.filter(([p]) => p === "predictions")).toEqual([["predictions", 0, 2357], ["predictions", 2357, 2357]]);
    expect(JSON.stringify(report)).toBe(JSON.stringify(kpiReport(loadCdnowSample())));
  });

  it("reports nothing for skipped sections", () => {
    const calls = record((onProgress) => kpiReport(PURCHASES, { asOf: "2024-04-01", skip: ["cohorts", "predictedClv", "defections", "segments", "modelFit"], onProgress }));
    expect([...new Set(calls.map(([phase]) => phase))]).toEqual(["periodKpis", "customerSummaries"]);
  });

  it("refuses an onProgress that is not a function", () => {
    for (const bad of ["yes", 1, null, {}]) expect(() => kpiReport(PURCHASES, { onProgress: bad as never })).toThrow(RetentionOptionsError);
  });
});

import { describe, expect, it } from "vitest";
import { createLedger } from "retention-metrics";
import { loadCdnowSample } from "../../examples/data/cdnow";
import { kpiReport, kpiReportOffloaded } from "../../src/report/kpiReport";
import { startReportThread } from "../../src/cli/reportOffload";

const cdnow = createLedger(loadCdnowSample());
const FROM_SOURCES = new URL("../fixtures/reportWorkerFromSources.mjs", import.meta.url);

describe("the report's worker thread", () => {
  it("computes predicted CLV on its own thread, and the report is kpiReport's, bit for bit", async () => {
    for (const options of [{ penalizer: 0.001 }, { timeUnit: "day" as const }]) {
      const thread = startReportThread({}, FROM_SOURCES);
      expect(thread).not.toBeNull();
      try {
        const report = await kpiReportOffloaded(cdnow, options, thread!.offload);
        expect(report.clv.predicted.available).toBe(true);
        expect(thread!.fellBack).toBe(false);
        expect(JSON.stringify(report)).toBe(JSON.stringify(kpiReport(cdnow, options)));
      } finally {
        thread!.close();
      }
    }
  }, 60_000);

  it("falls back to this thread when the worker fails, with the same report", async () => {
    const thread = startReportThread({}, new URL("../fixtures/reportWorkerThatThrows.mjs", import.meta.url));
    expect(thread).not.toBeNull();
    const report = await kpiReportOffloaded(cdnow, {}, thread!.offload);
    expect(thread!.fellBack).toBe(true);
    expect(JSON.stringify(report)).toBe(JSON.stringify(kpiReport(cdnow)));
  }, 60_000);

  it("is not started with RETENTION_METRICS_WORKER=0, nor when the worker's file is missing (the CLI run from its sources)", () => {
    expect(startReportThread({ RETENTION_METRICS_WORKER: "0" }, FROM_SOURCES)).toBeNull();
    expect(startReportThread({})).toBeNull();
    expect(startReportThread({}, new URL("../fixtures/missing-worker.mjs", import.meta.url))).toBeNull();
  });

  it("does not keep the process alive when the report does not use it", async () => {
    const thread = startReportThread({}, FROM_SOURCES);
    const report = await kpiReportOffloaded(cdnow, { skip: ["predictedClv"] }, thread!.offload);
    thread!.close();
    expect(report.clv.predicted).toEqual({ available: false, reason: "skipped (the skip option)" });
  }, 60_000);
});

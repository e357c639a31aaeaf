import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generatePurchases } from "../../bench/generate";
import { createLedger } from "../../src/index";
import { kpiReport, kpiReportWith, type KpiReportOptions } from "../../src/report/kpiReport";
import { IN_THREAD } from "../../src/report/predictionEngine";
import { summaryOnce } from "../../src/report/clvSection";
import { THREAD_MIN_CUSTOMERS, threadedEngine } from "../../src/cli/predictionThread";
import { runCli, runInProcess } from "./spawnCli";

/** 120,000 purchases of 30,000 customers over two years (bench/generate.ts, seed 3): above the thread's 20,000 customers. */
const PURCHASES = generatePurchases({ purchases: 120_000, customers: 30_000, seed: 3 });
const LEDGER = createLedger({ purchases: PURCHASES });
const OPTIONS: KpiReportOptions = { asOf: "2024-01-01", penalizer: 0.001 };
const json = (value: unknown): string => JSON.stringify(value);

describe("report on a second thread (issue 13)", () => {
  it("gives kpiReport's report, bit for bit, with the worker answering the three fits, the center run and the interval", () => {
    expect(LEDGER.customerIds.length).toBeGreaterThanOrEqual(THREAD_MIN_CUSTOMERS);
    const engine = threadedEngine(false);
    const threaded = kpiReportWith(LEDGER, OPTIONS, engine);
    expect(engine.answered).toBe(4);
    const report = kpiReport(LEDGER, OPTIONS);
    expect(report.clv.predicted.available).toBe(true);
    expect(json(threaded)).toBe(json(report));
  });

  it("a worker started before the input is read gives the same report; closing twice is harmless", () => {
    const engine = threadedEngine(true);
    const threaded = kpiReportWith(LEDGER, { ...OPTIONS, period: "quarter", clvHorizon: 26, annualDiscountRate: 0.2 }, engine);
    expect(engine.answered).toBe(4);
    expect(json(threaded)).toBe(json(kpiReport(LEDGER, { ...OPTIONS, period: "quarter", clvHorizon: 26, annualDiscountRate: 0.2 })));
    engine.close();
    engine.close();
  });

  it("without the Model fit section the worker fits no calibration period: three answers, the same report", () => {
    const options: KpiReportOptions = { ...OPTIONS, skip: ["modelFit", "segments"], timeUnit: "day" };
    const engine = threadedEngine(false);
    const threaded = kpiReportWith(LEDGER, options, engine);
    expect(engine.answered).toBe(3);
    expect(json(threaded)).toBe(json(kpiReport(LEDGER, options)));
  });

  it("leaves the steps to the report's own thread where the worker has no job: few customers, model auto, skipped, bad options", () => {
    const few = createLedger({ purchases: generatePurchases({ purchases: 2_000, customers: 400, seed: 5 }) });
    const cases: [Parameters<typeof kpiReport>[0], KpiReportOptions][] = [
      [few, OPTIONS],
      [LEDGER, { ...OPTIONS, skip: ["predictedClv"] }],
      [LEDGER, { ...OPTIONS, skip: ["modelFit", "segments", "defections", "cohorts"], model: "auto" }],
    ];
    for (const [ledger, options] of cases) {
      const engine = threadedEngine(true);
      expect(json(kpiReportWith(ledger, options, engine))).toBe(json(kpiReport(ledger, options)));
      expect(engine.answered).toBe(0);
    }
    const engine = threadedEngine(false);
    expect(() => kpiReportWith(LEDGER, { ...OPTIONS, clvHorizon: -1 }, engine)).toThrow(/clvHorizon/);
    expect(engine.answered).toBe(0);
  });

  it("computes a step itself when it is asked for other rows or another penalizer than the worker's", () => {
    const summary = summaryOnce(LEDGER, Date.parse("2024-01-01"), () => undefined);
    const engine = threadedEngine(false);
    engine.begin({ options: OPTIONS, skip: new Set(), summary, calibration: () => "no Model fit section here" });
    const rows = summary("week").rows;
    const other = { ...rows };
    expect(json(engine.bgNbdFit(other, 0.001))).toBe(json(IN_THREAD.bgNbdFit(rows, 0.001)));
    expect(engine.answered).toBe(0);
    engine.close();
    const second = threadedEngine(false);
    second.begin({ options: OPTIONS, skip: new Set(), summary, calibration: () => "no Model fit section here" });
    expect(json(second.bgNbdFit(rows, 0.01))).toBe(json(IN_THREAD.bgNbdFit(rows, 0.01)));
    expect(second.answered).toBe(0);
    second.close();
  });
});

describe("report --threads", () => {
  const dir = mkdtempSync(join(tmpdir(), "retention-metrics-threads-"));
  const file = join(dir, "purchases.csv");
  writeFileSync(file, `customerId,at,amount\n${PURCHASES.map((row) => `${row.customerId},${String(row.at)},${String(row.amount)}`).join("\n")}\n`);
  const args = ["report", "--purchases", file, "--as-of", "2024-01-01", "--penalizer", "0.001"];

  it("--threads 2 and --threads 1 write the same report, in this process and in a spawned one (the worker starting while the file is read)", async () => {
    expect(statSync(file).size).toBeGreaterThan(1 << 20);
    const one = await runInProcess([...args, "--threads", "1"]);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).clv.predicted.available).toBe(true);
    expect((await runInProcess([...args, "--threads", "2"])).stdout).toBe(one.stdout);
    const spawned = await runCli([...args, "--threads", "2"]);
    expect(spawned.stderr).toBe("");
    expect(spawned.stdout).toBe(one.stdout);
  }, 120_000);

  it("refuses a count that is not a whole number ≥ 1", async () => {
    for (const bad of ["0", "1.5", "two", "-1"]) {
      const run = await runInProcess([...args.slice(0, 3), `--threads=${bad}`]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("--threads");
      expect(run.stderr).toContain("a whole number ≥ 1");
    }
  });
});

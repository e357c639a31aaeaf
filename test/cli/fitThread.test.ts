import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { driveReport, FIT_THREAD_FROM_PURCHASES, FIT_THREAD_VARIABLE, fitThreadWorker } from "../../src/cli/fitThread";
import { createLedger } from "../../src/index";
import { kpiReport, kpiReportSteps } from "../../src/report/kpiReport";
import { runFitJob } from "../../src/report/reportFits";
import { cdnowPurchases } from "../clv/cdnowFixtures";

// The worker as the package ships it (dist/fitWorker.js), bundled here from its source, since
// the unit tests run before the build.
let directory = "";
let worker: URL;
beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "fit-worker-"));
  const outfile = join(directory, "fitWorker.mjs");
  await build({ entryPoints: ["src/cli/fitWorker.ts"], bundle: true, platform: "node", format: "esm", outfile, logLevel: "silent" });
  worker = pathToFileURL(outfile);
}, 60_000);
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const ledger = createLedger({ purchases: cdnowPurchases() });
const options = { asOf: "1998-06-30", penalizer: 0.001 } as const;

describe("the report's fits in a worker thread", () => {
  it("give the same report, to the last digit, as fits in this thread (CDNOW, 2,357 customers)", async () => {
    const threaded = await driveReport(kpiReportSteps(ledger, options), worker);
    const here = kpiReport(ledger, options);
    expect(JSON.stringify(threaded)).toBe(JSON.stringify(here));
    expect(threaded.clv.predicted.available).toBe(true);
  }, 60_000);

  it("driven without a worker, is kpiReport", async () => {
    expect(JSON.stringify(await driveReport(kpiReportSteps(ledger, options), null))).toBe(JSON.stringify(kpiReport(ledger, options)));
  });

  it("a fit that fails in the thread gives the section the same reason as in this thread", async () => {
    // Everyone bought once: no repeat customer, so BG/NBD has nothing to fit; the section says why either way.
    const once = createLedger({ purchases: [{ customerId: "a", at: "2024-01-01", amount: "5" }, { customerId: "b", at: "2024-01-02", amount: "7" }] });
    const threaded = await driveReport(kpiReportSteps(once, { asOf: "2024-02-01" }), worker);
    expect(JSON.stringify(threaded.clv)).toBe(JSON.stringify(kpiReport(once, { asOf: "2024-02-01" }).clv));
  });

  it("keeps a job's failed fit as its message, beside the other fit", () => {
    const job = { purchases: { offsets: new Uint32Array([0, 1]), at: new Float64Array([0]), amountUnits: new Float64Array([500]), orderStart: new Uint8Array([1]) }, moneyScale: 2, asOf: 86_400_000 * 30, timeUnit: "week" as const, penalizer: 0 };
    const result = runFitJob(job);
    expect(result.customers).toBe(1);
    // Gamma-Gamma needs a repeat customer: its error is kept, and BG/NBD's outcome is its own.
    expect(result.gammaGamma).toEqual({ error: expect.stringMatching(/repeat customers/) });
    expect("model" in result.bgNbd || "error" in result.bgNbd).toBe(true);
  });

  it("is used from 100,000 purchases, or as the environment variable says", () => {
    const built = fitThreadWorker(FIT_THREAD_FROM_PURCHASES, {});
    // From the sources there is no built worker next to the CLI: the fits stay in this thread.
    expect(built).toBeNull();
    expect(fitThreadWorker(10, { [FIT_THREAD_VARIABLE]: "never" })).toBeNull();
    expect(() => fitThreadWorker(10, { [FIT_THREAD_VARIABLE]: "sometimes" })).toThrow(/expected "always" or "never", found "sometimes"/);
  });
});

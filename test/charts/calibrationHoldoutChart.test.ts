import { describe, expect, it } from "vitest";
import { calibrationHoldoutChart } from "../../src/charts/calibrationHoldoutChart";
import type { CalibrationBin, CalibrationTables } from "../../src/diagnostics/calibrationBins";
import { RetentionOptionsError } from "../../src/input/errors";
import { renderChart } from "./renderChart";

// Hand-built from the BTYD walkthrough's BG/NBD table for CDNOW (§ 3, `comp`): bins of
// calibration frequency 0..7+ with the actual and conditional expected holdout transactions.
const labels = ["0", "1", "2", "3", "4", "5", "6", "7+"];
const customers = [1411, 439, 214, 100, 62, 38, 29, 64];
const actual = [0.2367116, 0.6970387, 1.392523, 1.56, 2.532258, 2.947368, 3.862069, 6.359375];
const predicted = [0.2250893, 0.5231364, 1.044126, 1.520256, 2.163824, 2.653789, 3.503957, 6.157036];
const byFrequency: CalibrationBin[] = labels.map((label, i) => ({ label, customers: customers[i]!, meanActual: actual[i]!, meanPredicted: predicted[i]! }));
const byDecile: CalibrationBin[] = Array.from({ length: 10 }, (_, i) => ({ label: String(i + 1), customers: 10, meanActual: 10 - i, meanPredicted: 9.5 - i }));
const tables: CalibrationTables = { byFrequency, byDecile };

describe("calibrationHoldoutChart", () => {
  it("draws actual and model means by calibration frequency, bins in order", async () => {
    const spec = calibrationHoldoutChart({ calibration: tables }, { by: "frequency" });
    expect(spec.data.values).toHaveLength(16);
    expect((spec.encoding as { x: { sort: string[] } }).x.sort).toEqual(labels);
    const rendered = await renderChart(spec);
    expect(rendered.markItems).toBeGreaterThan(0);
    expect(rendered.svg).toContain("7+");
    expect(rendered.svg).toContain("Repeat transactions in calibration");
    expect((rendered.svg.match(/<path\b/g) ?? []).length).toBeGreaterThanOrEqual(16);
  });

  it("draws deciles, and defaults to frequency", async () => {
    const rendered = await renderChart(calibrationHoldoutChart({ calibration: tables }, { by: "decile" }));
    expect(rendered.svg).toContain("Decile of predicted transactions");
    expect(rendered.svg).toContain(">10<");
    expect(calibrationHoldoutChart({ calibration: tables }).title).toBe("Holdout transactions by calibration frequency");
  });

  it("says why for an empty holdout and rejects bad arguments", async () => {
    const rendered = await renderChart(calibrationHoldoutChart({ calibration: { byFrequency: [], byDecile: [] } }));
    expect(rendered.svg).toContain("the holdout has no customers");
    expect(() => calibrationHoldoutChart({ calibration: tables }, { by: "week" as never })).toThrow(RetentionOptionsError);
    expect(() => calibrationHoldoutChart({} as never)).toThrow(RetentionOptionsError);
  });
});

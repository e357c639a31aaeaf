import { describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/errors";
import { checkThreshold, parseThreshold } from "../../src/cli/thresholds";

const report = { retention: { rate: 0.52, previous: null }, activity: { revenue: "1200.50" }, cohorts: { curve: [{ rate: 1 }, { rate: 0.25 }] }, nps: { available: false, reason: "no surveys" } };

describe("--fail-if thresholds", () => {
  it("parses path, operator and value", () => {
    expect(parseThreshold("retention.rate < 0.6")).toMatchObject({ path: ["retention", "rate"], operator: "<", value: 0.6 });
    expect(parseThreshold("cohorts.curve[1].rate>=0.2")).toMatchObject({ path: ["cohorts", "curve", "1", "rate"], operator: ">=", value: 0.2 });
    for (const op of ["<", "<=", ">", ">=", "==", "!="]) expect(parseThreshold(`a.b ${op} 1`).operator).toBe(op);
  });

  it("refuses malformed conditions", () => {
    for (const bad of ["retention.rate", "retention.rate => 1", "retention.rate < x", "< 1"]) expect(() => parseThreshold(bad)).toThrow(CliError);
  });

  it("fails when the condition holds and passes otherwise", () => {
    expect(checkThreshold(report, parseThreshold("retention.rate < 0.6")).status).toBe("crossed");
    expect(checkThreshold(report, parseThreshold("retention.rate < 0.5")).status).toBe("ok");
    expect(checkThreshold(report, parseThreshold("cohorts.curve[1].rate != 0.25")).status).toBe("ok");
    expect(checkThreshold(report, parseThreshold("retention.rate < 0.6")).message).toBe("retention.rate = 0.52 (fails if < 0.6): THRESHOLD CROSSED");
  });

  it("compares money strings as numbers", () => {
    expect(checkThreshold(report, parseThreshold("activity.revenue < 1000")).status).toBe("ok");
    expect(checkThreshold(report, parseThreshold("activity.revenue <= 1200.5")).status).toBe("crossed");
  });

  it("never passes a null or unknown KPI", () => {
    expect(checkThreshold(report, parseThreshold("retention.previous < 1")).status).toBe("null");
    expect(checkThreshold(report, parseThreshold("nps.score < 30")).status).toBe("unknown");
    expect(checkThreshold(report, parseThreshold("nps.score < 30")).message).toContain("not in the report");
    expect(checkThreshold(report, parseThreshold("nps.reason < 30")).status).toBe("unknown");
    expect(checkThreshold(report, parseThreshold("__proto__.x < 1")).status).toBe("unknown");
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/errors";
import { kpiPaths, spell } from "../../src/cli/kpiPaths";
import { editDistance } from "../../src/core/suggest";
import { annotation, checkThreshold, escapeAnnotationData, escapeAnnotationProperty, parseThreshold, readThreshold, thresholdsJson } from "../../src/cli/thresholds";

const report = {
  retention: { rate: 0.52, previous: null },
  activity: { revenue: "1200.50" },
  cohorts: { available: true, curve: [{ rate: 1 }, { rate: 0.25 }] },
  nps: { available: false, reason: "no surveys" },
  revenueRetention: { available: true, netRevenueRetention: null },
};

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
    expect(checkThreshold(report, parseThreshold("retention.rate < 0.6")).outcome).toBe("fail");
    expect(checkThreshold(report, parseThreshold("retention.rate < 0.5")).outcome).toBe("pass");
    expect(checkThreshold(report, parseThreshold("cohorts.curve[1].rate != 0.25")).outcome).toBe("pass");
    expect(checkThreshold(report, parseThreshold("retention.rate < 0.6"))).toMatchObject({ value: 0.52, message: "retention.rate = 0.52 (fails if < 0.6): THRESHOLD CROSSED" });
  });

  it("compares money strings as numbers and keeps them exact in the outcome", () => {
    expect(checkThreshold(report, parseThreshold("activity.revenue < 1000")).outcome).toBe("pass");
    expect(checkThreshold(report, parseThreshold("activity.revenue <= 1200.5"))).toMatchObject({ outcome: "fail", value: "1200.50" });
  });

  it("never passes a null or absent KPI", () => {
    expect(checkThreshold(report, parseThreshold("revenueRetention.netRevenueRetention < 1")).outcome).toBe("null");
    const underNull = checkThreshold(report, parseThreshold("retention.previous.rate < 1"));
    expect(underNull).toMatchObject({ outcome: "null", value: null });
    expect(underNull.message).toContain("retention.previous is null");
    const unavailable = checkThreshold(report, parseThreshold("nps.score < 30"));
    expect(unavailable.outcome).toBe("unknown");
    expect(unavailable.message).toContain("not available (nps: no surveys)");
    expect(checkThreshold(report, parseThreshold("cohorts.curve[5].rate < 1")).message).toContain("not in the report");
    expect(checkThreshold(report, parseThreshold("__proto__.x < 1")).outcome).toBe("unknown");
  });
});

describe("--fail-if paths that name no KPI", () => {
  const refused = (text: string): string => {
    try {
      readThreshold(text);
    } catch (error) {
      expect(error).toBeInstanceOf(CliError);
      return (error as Error).message;
    }
    return expect.unreachable(`${text} was accepted`);
  };

  it("accepts every KPI of the schema, absent or not in this data", () => {
    for (const text of ["retention.rate < 0.6", "retention.previous.rate < 1", "nps.score < 30", "cohorts.curve[3].rate < 0.1", "activity.revenue < 10",
      "clv.predicted.bgNbd.params.r > 1", "defections.topAtRisk[0].probabilityAlive > 0.5", "revenueRetention.change.netRevenueRetention.absolute < 0"]) {
      expect(() => readThreshold(text), text).not.toThrow();
    }
  });

  it("is a configuration error with the nearest KPI path", () => {
    expect(refused("retention.rat < 0.6")).toBe('--fail-if "retention.rat < 0.6": retention.rat names no KPI of the report; did you mean retention.rate? (docs/report.md lists every field)');
    expect(refused("retension.churnRate > 0.5")).toContain("did you mean retention.churnRate?");
    expect(refused("cohorts.curve[2].rat < 0.1")).toContain("did you mean cohorts.curve[2].rate?");
    expect(refused("revenueRetention.nrr < 1")).toContain("did you mean");
  });

  it("refuses a path to a text, a flag or a whole section: they are not KPIs", () => {
    for (const text of ["nps.reason < 1", "retention < 1", "clv.predicted.bgNbd.converged == 1", "__proto__.x < 1"]) expect(refused(text)).toContain("names no KPI");
  });
});

describe("machine-readable outcomes", () => {
  const results = ["retention.rate < 0.6", "activity.revenue < 10", "retention.previous.rate < 1", "nps.score < 30"].map((text) => checkThreshold(report, parseThreshold(text)));

  it("writes each threshold, its value and its outcome as JSON", () => {
    const written = JSON.parse(thresholdsJson(results));
    expect(written.kind).toBe("retention-metrics/thresholds");
    expect(written.passed).toBe(false);
    expect(written.thresholds.map((t: { outcome: string }) => t.outcome)).toEqual(["fail", "pass", "null", "unknown"]);
    expect(written.thresholds[0]).toMatchObject({ threshold: "retention.rate < 0.6", path: "retention.rate", operator: "<", limit: 0.6, value: 0.52, outcome: "fail" });
    expect(written.thresholds[1].value).toBe("1200.50");
    expect(JSON.parse(thresholdsJson([])).passed).toBe(true);
  });

  it("escapes GitHub Actions annotations", () => {
    expect(escapeAnnotationData("50% of\r\nall")).toBe("50%25 of%0D%0Aall");
    expect(escapeAnnotationProperty("a: b, c%")).toBe("a%3A b%2C c%25");
    expect(annotation(results[0]!)).toBe("::error title=KPI threshold retention.rate < 0.6::retention.rate = 0.52 (fails if < 0.6): THRESHOLD CROSSED\n");
    // In the data only %, CR and LF are escaped; in the title also ":" and ",".
    const odd = checkThreshold({ a: { b: "5%\nx" } }, parseThreshold("a.b < 1"));
    expect(annotation(odd)).toBe('::error title=KPI threshold a.b < 1::a.b is not a number ("5%25\\nx"), fails if < 1: failing\n');
  });
});

describe("KPI paths, properties", () => {
  it("accepts every KPI path of the schema as the user would write it", () => {
    const kpis = kpiPaths();
    expect(kpis.length).toBeGreaterThan(100);
    fc.assert(fc.property(fc.constantFrom(...kpis), fc.nat({ max: 30 }), (kpi, index) => {
      const text = `${spell(kpi, kpi.map((segment) => (segment === "#" ? String(index) : segment === "*" ? "r" : segment)))} < 1`;
      expect(() => readThreshold(text)).not.toThrow();
    }));
  });

  it("measures edits symmetrically, zero only between equal words, never more than the longer length", () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
      const d = editDistance(a, b);
      expect(editDistance(b, a)).toBe(d);
      expect(d === 0).toBe(a === b);
      expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
    }));
  });
});

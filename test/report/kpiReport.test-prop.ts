import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { event, frozen, purchase, shuffledWith, surveyResponse } from "../arbitraries/records";
import { kpiReport } from "../../src/report/kpiReport";
import { renderHtml } from "../../src/report/renderHtml";
import { renderMarkdown } from "../../src/report/renderMarkdown";
import { KpiReportJsonSchema } from "../../src/report/schema";

const inRange = (x: number | null): boolean => x === null || (x >= 0 && x <= 1);
const options = { asOf: "2025-01-01", period: "quarter", skip: ["predictedClv"] } as const;

describe("kpiReport properties", () => {
  it("gives a schema-valid report without NaN, with rates in [0, 1], whatever the order of rows", () => {
    fc.assert(
      fc.property(
        fc.array(purchase, { maxLength: 25 }),
        fc.array(event, { maxLength: 6 }),
        fc.array(surveyResponse, { maxLength: 6 }),
        fc.array(fc.nat(), { minLength: 25, maxLength: 25 }),
        (purchases, events, surveys, keys) => {
          const report = kpiReport({ purchases: frozen(purchases), events: frozen(events), surveys: frozen(surveys) }, options);
          const json = JSON.stringify(report);
          expect(json).not.toMatch(/NaN|Infinity/);
          KpiReportJsonSchema.parse(JSON.parse(json));
          expect([report.retention.rate, report.retention.churnRate, report.activity.repeatPurchaseRate].every(inRange)).toBe(true);
          if (report.cohorts.available) expect(report.cohorts.cohorts.every((c) => c.rates.every(inRange))).toBe(true);
          const shuffled = kpiReport({ purchases: shuffledWith(purchases, keys), events, surveys }, options);
          expect(JSON.stringify(shuffled)).toBe(json);
          expect(renderMarkdown(report)).toContain("# KPI report");
          expect(renderHtml(report)).toContain("</html>");
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("kpiReport with the CLV models", () => {
  it("either predicts CLV or says why not, never throws or gives NaN", () => {
    fc.assert(
      fc.property(fc.array(purchase, { minLength: 1, maxLength: 30 }), (purchases) => {
        const report = kpiReport(frozen(purchases), { asOf: "2025-01-01" });
        const predicted = report.clv.predicted;
        if (predicted.available) expect(predicted.customers).toBeGreaterThan(0);
        else expect(predicted.reason.length).toBeGreaterThan(0);
        expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: 25 },
    );
  });
});

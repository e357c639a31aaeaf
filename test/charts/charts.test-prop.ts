import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cohortRetention,
  cohortRetentionChart,
  defectionReport,
  defectionValueChart,
  ltvConcentrationChart,
  ltvSegments,
  npsTrend,
  npsTrendChart,
  retentionSeries,
  retentionSeriesChart,
  rfmGridChart,
  rfmScores,
  survivalChart,
  survivalCurve,
} from "../../src/index";
import { allNumbersFinite, event, frozen, purchase, shuffledWith, surveyResponse } from "../arbitraries/records";

const asOf = "2025-01-15";

/** Every chart of the purchase log, event log and survey answers given. */
function charts(purchases: readonly object[], events: readonly object[], surveys: readonly object[]) {
  return {
    cohorts: cohortRetentionChart(cohortRetention(purchases as never, { granularity: "month", asOf })),
    revenue: cohortRetentionChart(cohortRetention(purchases as never, { granularity: "week", asOf, measure: "revenue" })),
    series: retentionSeriesChart(retentionSeries(purchases as never, { granularity: "month", from: "2024-01-01", to: "2025-01-01" })),
    rfm: rfmGridChart(rfmScores(purchases as never, { asOf })),
    ltv: ltvConcentrationChart(ltvSegments(purchases as never, { method: "pareto" })),
    defections: defectionValueChart(defectionReport(purchases as never, { asOf })),
    survival: survivalChart(survivalCurve({ events } as never, { asOf, unit: "day" })),
    nps: npsTrendChart(npsTrend(surveys as never, { granularity: "month" })),
  };
}

describe("charts of the library's results (properties)", () => {
  it("hold only finite numbers, survive JSON, do not depend on row order, and leave their input alone", () => {
    fc.assert(
      fc.property(
        fc.array(purchase, { maxLength: 40 }),
        fc.array(event, { maxLength: 20 }),
        fc.array(surveyResponse, { maxLength: 20 }),
        fc.array(fc.integer(), { minLength: 1, maxLength: 10 }),
        (purchases, events, surveys, keys) => {
          const input = frozen(purchases);
          const before = JSON.stringify(input);
          const drawn = charts(input, frozen(events), frozen(surveys));
          expect(JSON.stringify(input)).toBe(before);
          expect(allNumbersFinite(drawn)).toBe(true);
          expect(JSON.parse(JSON.stringify(drawn))).toEqual(drawn);
          expect(JSON.stringify(charts(shuffledWith(input, keys), shuffledWith(events, keys), shuffledWith(surveys, keys)))).toBe(JSON.stringify(drawn));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("count a customer called __proto__ like any other in the RFM grid", () => {
    const spec = rfmGridChart(rfmScores([{ customerId: "__proto__", at: "2024-01-01", amount: "5" }, { customerId: "constructor", at: "2024-06-01", amount: "9" }], { asOf }));
    expect((spec.data.values as { customers: number }[]).reduce((s, v) => s + v.customers, 0)).toBe(2);
  });
});

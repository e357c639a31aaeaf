import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyDefections, defectionReport, type CustomerEvent } from "retention-metrics";
import { allNumbersFinite, customerId, instant, purchase, shuffledWith } from "../arbitraries/records";

const event: fc.Arbitrary<CustomerEvent> = fc.record({
  customerId,
  at: instant,
  type: fc.constantFrom("signup", "cancel", "reactivate", "service_visit", "appointment_missed", "appointment_kept", "complaint"),
});
const input = fc.record({ purchases: fc.array(purchase, { maxLength: 40 }), events: fc.array(event, { maxLength: 20 }) });
const asOf = instant;

describe("classifyDefections and defectionReport: properties", () => {
  it("every customer with activity by asOf gets exactly one status, consistent values, no NaN", () => {
    fc.assert(
      fc.property(input, asOf, (data, at) => {
        const rows = classifyDefections(data, { asOf: at });
        const expected = new Set(
          [...data.purchases.filter((p) => Date.parse(String(p.at)) <= at && !String(p.amount).startsWith("-")), ...data.events.filter((e) => Number(e.at) <= at)].map(
            (r) => r.customerId,
          ),
        );
        expect(rows.map((r) => r.customerId).sort()).toEqual([...expected].sort());
        for (const row of rows) {
          expect(["active", "at_risk", "defected"]).toContain(row.status);
          expect(row.valueAtRisk.eq(row.status === "at_risk" ? row.annualValue : 0)).toBe(true);
          expect(row.unrealizedValue.eq(row.status === "defected" ? row.annualValue : 0)).toBe(true);
          expect(row.status === "active" ? true : row.since !== null).toBe(true);
          expect(row.daysSinceLastActivity).toBeGreaterThanOrEqual(0);
        }
        expect(allNumbersFinite(rows)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("report counts add up, shares sum to 1, no NaN", () => {
    fc.assert(
      fc.property(input, asOf, (data, at) => {
        const report = defectionReport(data, { asOf: at });
        expect(report.active + report.atRisk + report.defected).toBe(report.customers);
        const defectedShares = report.byReason.reduce((s, r) => s + (r.shareOfDefected ?? 0), 0);
        if (report.defected > 0) expect(defectedShares).toBeCloseTo(1, 12);
        if (report.unrealizedValue.gt(0) && report.byReason.every((r) => !r.unrealizedValue.isNeg())) {
          expect(report.byReason.reduce((s, r) => s + r.shareOfUnrealized!, 0)).toBeCloseTo(1, 12);
        }
        for (let i = 1; i < report.byReason.length; i++) expect(report.byReason[i - 1]!.unrealizedValue.gte(report.byReason[i]!.unrealizedValue)).toBe(true);
        expect(allNumbersFinite(report)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("row order does not matter", () => {
    fc.assert(
      fc.property(input, asOf, fc.array(fc.integer(), { minLength: 1, maxLength: 60 }), (data, at, keys) => {
        const shuffled = { purchases: shuffledWith(data.purchases, keys), events: shuffledWith(data.events, keys) };
        expect(classifyDefections(shuffled, { asOf: at })).toEqual(classifyDefections(data, { asOf: at }));
      }),
      { numRuns: 100 },
    );
  });
});

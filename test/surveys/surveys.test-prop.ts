import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ces, cesBy, cesTrend, csat, csatBy, csatTrend, followUps, nps, type SurveyResponse } from "retention-metrics";
import { allNumbersFinite, customerId, frozen, instant, purchase, shuffledWith } from "../arbitraries/records";

const answer: fc.Arbitrary<SurveyResponse> = fc.oneof(
  fc.record({ customerId, at: instant, score: fc.integer({ min: 0, max: 10 }) }),
  fc.record({ customerId, at: instant, score: fc.integer({ min: 1, max: 5 }), kind: fc.constant("csat" as const), segment: fc.constantFrom("web", "__proto__") }),
  fc.record({ at: instant, score: fc.integer({ min: 1, max: 7 }), kind: fc.constant("ces" as const), segment: fc.constantFrom("web", "__proto__") }),
);
const unit = (x: number | null) => x === null || (x >= 0 && x <= 1);

describe("csat and ces invariants", () => {
  it("shares in [0, 1], means on the scale, groups and trends add up, row order does not matter, input untouched", () => {
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 60 }), fc.array(fc.integer(), { minLength: 1 }), (rows, keys) => {
        const responses = frozen(rows);
        const s = csat(responses);
        const e = ces(responses);
        expect(allNumbersFinite(s) && allNumbersFinite(e)).toBe(true);
        expect(unit(s.satisfiedShare) && unit(e.easyShare)).toBe(true);
        if (s.mean !== null) expect(s.mean >= 1 && s.mean <= 5 && s.confidenceInterval![0] <= s.satisfiedShare! && s.satisfiedShare! <= s.confidenceInterval![1]).toBe(true);
        if (e.confidenceInterval !== null) expect(e.confidenceInterval[0] <= e.mean! && e.mean! <= e.confidenceInterval[1]).toBe(true);
        expect(s.responses + e.responses + nps(responses).responses).toBe(rows.length);
        expect(csatBy(responses, "segment").reduce((n, g) => n + g.responses, 0)).toBe(s.responses);
        expect(cesBy(responses, "segment").reduce((n, g) => n + g.responses, 0)).toBe(e.responses);
        expect(csatTrend(responses, { granularity: "month" }).reduce((n, p) => n + p.responses, 0)).toBe(s.responses);
        expect(cesTrend(responses, { granularity: "week" }).reduce((n, p) => n + p.responses, 0)).toBe(e.responses);
        const shuffled = shuffledWith(rows, keys);
        expect(csat(shuffled)).toEqual(s);
        expect(ces(shuffled)).toEqual(e);
      }),
      { numRuns: 200 },
    );
  });
});

describe("followUps invariants", () => {
  it("ordered by value at stake, every entry unhappy and in the window, order of rows irrelevant, __proto__ an ordinary id", () => {
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 40 }), fc.array(answer, { maxLength: 40 }), fc.array(fc.integer(), { minLength: 1 }), instant, (buys, answers, keys, asOf) => {
        const data = { purchases: frozen(buys), surveys: frozen(answers) };
        const list = followUps(data, { asOf, within: { days: 120 } });
        expect(allNumbersFinite(list)).toBe(true);
        for (let i = 1; i < list.entries.length; i++) {
          const [a, b] = [list.entries[i - 1]!, list.entries[i]!];
          expect(a.valueAtStake.gt(b.valueAtStake) || (a.valueAtStake.eq(b.valueAtStake) && a.customerId < b.customerId)).toBe(true);
        }
        for (const entry of list.entries) {
          const limit = { nps: 6, csat: 2, ces: 3 }[entry.answer.kind];
          expect(entry.answer.score).toBeLessThanOrEqual(limit);
          expect(entry.answer.at >= list.window.start && entry.answer.at < list.window.end).toBe(true);
          expect(entry.daysSince).toBeGreaterThanOrEqual(0);
        }
        expect(list.entries.length).toBe(list.unhappyCustomers - list.belowMinValue);
        expect(list.unhappyCustomers).toBeLessThanOrEqual(list.customersAnswered);
        const shuffled = followUps({ purchases: shuffledWith(buys, keys), surveys: shuffledWith(answers, keys) }, { asOf, within: { days: 120 } });
        expect(shuffled).toEqual(list);
      }),
      { numRuns: 150 },
    );
  });
});

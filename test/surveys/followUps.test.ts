import { describe, expect, it } from "vitest";
import { classifyDefections, createLedger, Decimal, followUps, RetentionOptionsError, type Purchase, type SurveyResponse } from "retention-metrics";

/*
 * asOf 2024-04-01; the default window is 90 days: [2024-01-02, 2024-04-01) (Jan 31 + Feb 29 + Mar 31
 * = 91 days from Jan 1). Trailing revenue is net revenue in [2023-04-01, 2024-04-01).
 *
 *   a          NPS 3 on 03-01 (detractor); orders 2023-06-01 100 and 02-15 50 → trailing 150, none since
 *   b          CSAT 2 on 03-20; orders 01-10 300 and 03-25 20 → trailing 320, ordered since
 *   c          NPS 2 on 02-01, then NPS 9 on 03-01 → latest answer happy: not listed
 *   d          CES 3 at exactly 01-02T00:00Z, the window's first instant → listed; order 2023-03-01 → trailing 0
 *   e          NPS 0 at exactly asOf → outside the half-open window
 *   f          CES 4 on 03-15 → not unhappy (CES 1–3 is)
 *   __proto__  NPS 6 on 03-10; order 03-01 150 → trailing 150, ties with a; "__proto__" < "a"
 *   (no id)    NPS 1 → an anonymous answer, counted, not listed
 *
 * By value at stake: b 320, __proto__ 150, a 150, d 0. Days since: b 12, __proto__ 22, a 31, d 90.
 */
const purchases: Purchase[] = [
  { customerId: "a", at: "2023-06-01", amount: "100" },
  { customerId: "a", at: "2024-02-15", amount: "50" },
  { customerId: "b", at: "2024-01-10", amount: "300" },
  { customerId: "b", at: "2024-03-25", amount: "20" },
  { customerId: "d", at: "2023-03-01", amount: "500" },
  { customerId: "__proto__", at: "2024-03-01", amount: "150" },
];
const surveys: SurveyResponse[] = [
  { customerId: "a", at: "2024-03-01", score: 3 },
  { customerId: "b", at: "2024-03-20", score: 2, kind: "csat" },
  { customerId: "c", at: "2024-02-01", score: 2 },
  { customerId: "c", at: "2024-03-01", score: 9 },
  { customerId: "d", at: "2024-01-02T00:00:00Z", score: 3, kind: "ces" },
  { customerId: "e", at: "2024-04-01T00:00:00Z", score: 0 },
  { customerId: "f", at: "2024-03-15", score: 4, kind: "ces" },
  { customerId: "__proto__", at: "2024-03-10", score: 6 },
  { at: "2024-03-12", score: 1 },
];
const asOf = "2024-04-01";
const data = { purchases, surveys };
const row = (e: { customerId: string; valueAtStake: Decimal; daysSince: number; orderedSince: boolean }) => [e.customerId, e.valueAtStake.toString(), e.daysSince, e.orderedSince];

describe("followUps", () => {
  it("lists unhappy latest answers by value at stake, ties by id", () => {
    const list = followUps(data, { asOf });
    expect(list.entries.map(row)).toEqual([
      ["b", "320", 12, true],
      ["__proto__", "150", 22, false],
      ["a", "150", 31, false],
      ["d", "0", 90, false],
    ]);
    expect(list).toMatchObject({ customersAnswered: 6, unhappyCustomers: 4, belowMinValue: 0, anonymousAnswers: 1, minValue: null, reason: null });
    expect(list.window).toEqual({ start: new Date("2024-01-02T00:00:00Z"), end: new Date("2024-04-01T00:00:00Z") });
    expect(list.entries[0]).toMatchObject({ answer: { kind: "csat", score: 2, at: new Date("2024-03-20") }, predictedClv: null, valueBasis: "trailingRevenue" });
  });

  it("carries the defection status of classifyDefections", () => {
    const statuses = new Map(classifyDefections(purchases, { asOf }).map((c) => [c.customerId, c.status]));
    for (const entry of followUps(data, { asOf }).entries) expect(entry.defectionStatus).toBe(statuses.get(entry.customerId) ?? null);
    expect(followUps({ surveys: [{ customerId: "z", at: "2024-03-01", score: 0 }] }, { asOf }).entries[0]!.defectionStatus).toBeNull();
  });

  it("reads an answer at exactly asOf − within, and not one at asOf", () => {
    const within = followUps(data, { asOf, within: { days: 30 } });
    // [2024-03-02, 2024-04-01): b, f, __proto__ answered; a and c answered on 03-01
    expect(within.entries.map((e) => e.customerId)).toEqual(["b", "__proto__"]);
    expect(within.customersAnswered).toBe(3);
    const edge = followUps(data, { asOf, within: Date.parse(asOf) - Date.parse("2024-03-01") });
    expect(edge.entries.map((e) => e.customerId)).toContain("a");
    expect(followUps(data, { asOf: "2024-04-01T00:00:00.001Z" }).entries.map((e) => e.customerId)).toContain("e");
  });

  it("orders by predicted CLV where given, from a Map or a predictClv result", () => {
    const fromMap = followUps(data, { asOf, clv: new Map([["a", "1000"], ["d", "5"]]) });
    expect(fromMap.entries.map((e) => [e.customerId, e.valueAtStake.toString(), e.valueBasis])).toEqual([
      ["a", "1000", "predictedClv"],
      ["b", "320", "trailingRevenue"],
      ["__proto__", "150", "trailingRevenue"],
      ["d", "5", "predictedClv"],
    ]);
    const predicted = { customers: [{ customerId: "d", clv: new Decimal("999.5") }, { customerId: null, clv: new Decimal(1) }, { customerId: "b", clv: null }] };
    const fromResult = followUps(data, { asOf, clv: predicted as never });
    expect(fromResult.entries[0]).toMatchObject({ customerId: "d", valueBasis: "predictedClv" });
    expect(fromResult.entries[0]!.predictedClv!.toString()).toBe("999.5");
  });

  it("leaves out customers below minValue, and counts them", () => {
    const list = followUps(data, { asOf, minValue: "100" });
    expect(list.entries.map((e) => e.customerId)).toEqual(["b", "__proto__", "a"]);
    expect(list.belowMinValue).toBe(1);
    expect(list.minValue!.toString()).toBe("100");
  });

  it("takes the unhappy answer of two at the same instant, whatever the row order", () => {
    const tied: SurveyResponse[] = [{ customerId: "h", at: "2024-03-05", score: 10 }, { customerId: "h", at: "2024-03-05", score: 1, kind: "csat" }];
    for (const rows of [tied, [...tied].reverse()]) expect(followUps({ surveys: rows }, { asOf }).entries[0]!.answer).toMatchObject({ kind: "csat", score: 1 });
  });

  it("has a defined answer for empty input and a ledger without surveys", () => {
    const empty = followUps({}, { asOf });
    expect(empty).toMatchObject({ entries: [], customersAnswered: 0, unhappyCustomers: 0, reason: "no survey answers with a customer in the window" });
    expect(followUps(createLedger(purchases), { asOf }).entries).toEqual([]);
    expect(followUps({ surveys: [{ customerId: "a", at: "2024-03-01", score: 9 }] }, { asOf })).toMatchObject({ entries: [], reason: null });
  });

  it("names the option that is wrong", () => {
    expect(() => followUps(data, {} as never)).toThrow(/asOf/);
    expect(() => followUps(data, { asOf, within: 0 })).toThrow(/within/);
    expect(() => followUps(data, { asOf, minValue: "x" })).toThrow(/minValue/);
    expect(() => followUps(data, { asOf, clv: { a: 1 } as never })).toThrow(RetentionOptionsError);
    expect(() => followUps(data, { asOf, clv: { customers: [{ customerId: "a", clv: 1 }, { customerId: "a", clv: 2 }] } as never })).toThrow(/listed twice/);
    expect(() => followUps(data, { asOf, clv: new Map([["a", "abc"]]) })).toThrow(/clv/);
  });
});

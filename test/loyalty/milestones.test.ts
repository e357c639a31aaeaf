import { describe, expect, it } from "vitest";
import { milestones, RetentionOptionsError, type Birthday, type Purchase } from "retention-metrics";

const frozen = <T extends object>(rows: T[]): readonly T[] => Object.freeze(rows.map((row) => Object.freeze({ ...row })));
const summary = (entries: readonly { customerId: string; kind: string; date: Date }[]) =>
  entries.map((entry) => `${entry.date.toISOString().slice(0, 10)} ${entry.customerId} ${entry.kind}`);
const none = { orderMilestones: [], spendMilestones: [] } as const;

describe("birthdays", () => {
  const leap: readonly Birthday[] = frozen([{ customerId: "leap", month: 2, day: 29 }]);

  it("celebrates 29 February on 28 February in non-leap years", () => {
    const result = milestones([], { asOf: "2025-02-15", birthdays: leap });
    expect(result.entries).toEqual([
      { customerId: "leap", kind: "birthday", date: new Date("2025-02-28"), detail: { month: 2, day: 29, movedFromLeapDay: true } },
    ]);
    const leapYear = milestones([], { asOf: "2024-02-15", birthdays: leap });
    expect(leapYear.entries[0]).toMatchObject({ date: new Date("2024-02-29"), detail: { movedFromLeapDay: false } });
  });

  it("keeps the window half-open: [asOf, asOf + within)", () => {
    const list = frozen([
      { customerId: "today", month: 3, day: 1 },
      { customerId: "last", month: 3, day: 30 },
      { customerId: "out", month: 3, day: 31 },
    ]);
    // asOf 2024-03-01 + 30 days = 2024-03-31 (excluded)
    expect(summary(milestones([], { asOf: "2024-03-01", birthdays: list }).entries)).toEqual([
      "2024-03-01 today birthday",
      "2024-03-30 last birthday",
    ]);
  });

  it("crosses the year end", () => {
    const list = frozen([{ customerId: "ny", month: 1, day: 2 }, { customerId: "eve", month: 12, day: 31 }]);
    expect(summary(milestones([], { asOf: "2024-12-20", birthdays: list }).entries)).toEqual(["2024-12-31 eve birthday", "2025-01-02 ny birthday"]);
  });

  it("rejects impossible birthdays, naming the entry", () => {
    const option = (list: unknown) => {
      try {
        milestones([], { asOf: "2024-01-01", birthdays: list as Birthday[] });
      } catch (error) {
        return (error as RetentionOptionsError).option;
      }
      return "no error";
    };
    expect(option([{ customerId: "a", month: 2, day: 30 }])).toBe("birthdays[0].day");
    expect(option([{ customerId: "a", month: 1, day: 1 }, { customerId: "b", month: 13, day: 1 }])).toBe("birthdays[1].month");
    expect(option([{ month: 1, day: 1 }])).toBe("birthdays[0].customerId");
  });
});

describe("anniversaries", () => {
  const purchases: readonly Purchase[] = frozen([
    { customerId: "dec", at: "2022-12-20T15:00:00Z", amount: "10" },
    { customerId: "jan", at: "2023-01-05", amount: "10" },
    { customerId: "jan", at: "2023-06-05", amount: "10" }, // later orders do not move the anniversary
    { customerId: "old", at: "2020-01-10", amount: "10" },
    { customerId: "leap", at: "2020-02-29", amount: "10" },
  ]);

  it("finds anniversaries across the year end", () => {
    // window [2024-12-20, 2025-01-19): dec's 2nd anniversary, jan's 2nd, old's 5th
    const result = milestones(purchases, { asOf: "2024-12-20", ...none });
    expect(summary(result.entries)).toEqual(["2024-12-20 dec anniversary", "2025-01-05 jan anniversary", "2025-01-10 old anniversary"]);
    expect(result.entries.map((entry) => (entry.kind === "anniversary" ? entry.detail.years : 0))).toEqual([2, 2, 5]);
    expect(result.entries[0]!.date).toEqual(new Date("2024-12-20T15:00:00Z"));
  });

  it("counts the first anniversary from the previous year", () => {
    const result = milestones(purchases, { asOf: "2023-12-10", ...none });
    expect(summary(result.entries)).toEqual(["2023-12-20 dec anniversary", "2024-01-05 jan anniversary"]);
  });

  it("keeps a leap-day first order on 28 February, uses signups, and can be turned off", () => {
    expect(summary(milestones(purchases, { asOf: "2021-02-15", ...none }).entries)).toEqual(["2021-02-28 leap anniversary"]);
    const signup = milestones({ events: frozen([{ customerId: "__proto__", at: "2023-06-05", type: "signup" }]) }, { asOf: "2024-06-01", ...none });
    expect(summary(signup.entries)).toEqual(["2024-06-05 __proto__ anniversary"]);
    expect(milestones(purchases, { asOf: "2024-12-20", ...none, anniversaries: false }).entries).toEqual([]);
  });
});

describe("order and spend milestones", () => {
  const rows = (customerId: string, count: number, amount: string, firstDay = 1) =>
    Array.from({ length: count }, (_, i) => ({ customerId, at: `2024-05-${String(firstDay + i).padStart(2, "0")}`, amount }));
  const purchases = frozen([
    ...rows("four", 4, "1"),
    ...rows("nine", 9, "1"),
    ...rows("ten", 10, "1"),
    { customerId: "big", at: "2024-03-01", amount: "90" },
    { customerId: "big", at: "2024-05-20", amount: "180" }, // 90 → 270: crosses 100 and 250
    { customerId: "__proto__", at: "2024-04-01", amount: "120" }, // crossed 100 before the look-back
    { customerId: "__proto__", at: "2024-05-10", amount: "-50" },
    { customerId: "__proto__", at: "2024-05-12", amount: "60" }, // back to 130: 100 was reached before
    { customerId: "edge", at: "2024-06-01", amount: "100" }, // at asOf: inside (asOf − within, asOf]
  ]);

  it("finds customers one order away (orders before asOf), dated asOf", () => {
    const result = milestones(purchases, { asOf: "2024-06-01", anniversaries: false, spendMilestones: [] });
    expect(summary(result.entries)).toEqual(["2024-06-01 four order-milestone", "2024-06-01 nine order-milestone"]);
    expect(result.entries.map((entry) => entry.detail)).toEqual([{ milestone: 5, orders: 4 }, { milestone: 10, orders: 9 }]);
    expect(milestones(purchases, { asOf: "2024-06-01", anniversaries: false, spendMilestones: [], orderMilestones: [11] }).counts["order-milestone"]).toBe(1);
  });

  it("finds spend milestones first crossed in (asOf − within, asOf], dated at the crossing", () => {
    const result = milestones(purchases, { asOf: "2024-06-01", anniversaries: false, orderMilestones: [] });
    expect(summary(result.entries)).toEqual([
      "2024-05-20 big spend-milestone",
      "2024-05-20 big spend-milestone",
      "2024-06-01 edge spend-milestone",
    ]);
    expect(JSON.parse(JSON.stringify(result.entries.map((entry) => entry.detail)))).toEqual([
      { milestone: "100", spend: "270" },
      { milestone: "250", spend: "270" },
      { milestone: "100", spend: "100" },
    ]);
  });

  it("sorts by date, then customer, and counts each kind", () => {
    const result = milestones(purchases, { asOf: "2024-06-01", birthdays: [{ customerId: "a", month: 6, day: 1 }] });
    const keys = result.entries.map((entry) => [entry.date.getTime(), entry.customerId] as const);
    const sorted = [...keys].sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
    expect(keys).toEqual(sorted);
    expect(result.counts).toEqual({ anniversary: 0, birthday: 1, "order-milestone": 2, "spend-milestone": 3 });
  });

  it("rejects bad milestone lists", () => {
    expect(() => milestones(purchases, { asOf: "2024-06-01", orderMilestones: [5, 0] })).toThrow(/orderMilestones\[1\]/);
    expect(() => milestones(purchases, { asOf: "2024-06-01", spendMilestones: ["-5"] })).toThrow(/spendMilestones\[0\]/);
    expect(() => milestones(purchases, { asOf: "2024-06-01", within: { days: 0 } })).toThrow(RetentionOptionsError);
  });
});

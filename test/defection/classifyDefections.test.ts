import { describe, expect, it } from "vitest";
import { classifyDefections, createLedger, RetentionOptionsError, type DefectionClassification } from "retention-metrics";
import { after, buy, event, every } from "./helpers";

const byId = (rows: readonly DefectionClassification[], id: string) => rows.find((r) => r.customerId === id)!;
const verdict = (row: DefectionClassification) => [row.status, row.reason, row.since?.toISOString() ?? null];

describe("classifyDefections: one scenario per reason", () => {
  it("cancelled: a cancel with no later start or order is a defection since the cancel", () => {
    const rows = classifyDefections(
      { purchases: [buy("a", "2024-02-01", "25")], events: [event("a", "2024-01-01", "signup"), event("a", "2024-03-01", "cancel")] },
      { asOf: "2024-04-01" },
    );
    expect(verdict(rows[0]!)).toEqual(["defected", "cancelled", "2024-03-01T00:00:00.000Z"]);
    expect(rows[0]!.unrealizedValue.toString()).toBe("25");
    expect(rows[0]!.valueAtRisk.toString()).toBe("0");
  });

  it("cancelled: a later reactivate, signup or order answers the cancel", () => {
    const events = [event("r", "2024-01-01", "cancel"), event("r", "2024-01-05", "reactivate"), event("s", "2024-01-01", "cancel"), event("s", "2024-01-05", "signup"), event("o", "2024-01-01", "cancel")];
    const rows = classifyDefections({ purchases: [buy("o", "2024-01-05")], events }, { asOf: "2024-01-10" });
    expect(rows.map((r) => r.reason)).toEqual(["none", "none", "none"]);
  });

  it("cancelled: since is the first cancel after the last answer", () => {
    const events = [event("a", "2024-01-01", "cancel"), event("a", "2024-01-10", "cancel")];
    const rows = classifyDefections({ purchases: [buy("a", "2024-01-05")], events }, { asOf: "2024-02-01" });
    expect(verdict(rows[0]!)).toEqual(["defected", "cancelled", "2024-01-10T00:00:00.000Z"]);
  });

  it("missed_appointment: at risk inside the 30-day grace, defected once it has passed", () => {
    const input = { events: [event("a", "2024-03-01", "appointment_missed")] };
    // 2024-03-01 + 30 days = 2024-03-31: still inside the grace at that instant.
    expect(verdict(classifyDefections(input, { asOf: "2024-03-31" })[0]!)).toEqual(["at_risk", "missed_appointment", "2024-03-01T00:00:00.000Z"]);
    expect(verdict(classifyDefections(input, { asOf: after("2024-03-31", 1 / 86_400_000) })[0]!)).toEqual([
      "defected",
      "missed_appointment",
      "2024-03-31T00:00:00.000Z",
    ]);
    expect(classifyDefections(input, { asOf: "2024-03-11", thresholds: { missedAppointmentGrace: 5 } })[0]!.status).toBe("defected");
  });

  it("missed_appointment: the grace runs from the first unanswered miss", () => {
    const events = [event("a", "2024-03-01", "appointment_missed"), event("a", "2024-03-26", "appointment_missed")];
    expect(verdict(classifyDefections({ events }, { asOf: "2024-04-05" })[0]!)).toEqual(["defected", "missed_appointment", "2024-03-31T00:00:00.000Z"]);
  });

  it("missed_appointment: a later kept appointment, service visit or order answers it", () => {
    const events = [
      event("k", "2024-03-01", "appointment_missed"),
      event("k", "2024-03-05", "appointment_kept"),
      event("s", "2024-03-01", "appointment_missed"),
      event("s", "2024-03-05", "service_visit"),
      event("o", "2024-03-01", "appointment_missed"),
    ];
    const rows = classifyDefections({ purchases: [buy("o", "2024-03-05")], events }, { asOf: "2024-03-10" });
    expect(rows.map((r) => [r.customerId, r.status, r.reason])).toEqual([
      ["k", "active", "none"],
      ["o", "active", "none"],
      ["s", "active", "none"],
    ]);
  });

  it("not_returning_for_service: time since the last visit against the median gap between visits", () => {
    // Visits 01-01, 01-11, 01-21: gaps 10, 10, median 10. At risk after 15 days, defected after 30.
    const events = ["2024-01-01", "2024-01-11", "2024-01-21"].map((d) => event("a", d, "service_visit"));
    const at = (asOf: number | string) => classifyDefections({ events }, { asOf })[0]!;
    expect(verdict(at(after("2024-01-21", 15)))).toEqual(["active", "none", null]);
    expect(verdict(at(after("2024-01-21", 15) + 1))).toEqual(["at_risk", "not_returning_for_service", "2024-02-05T00:00:00.000Z"]);
    expect(verdict(at(after("2024-01-21", 30)))).toEqual(["at_risk", "not_returning_for_service", "2024-02-05T00:00:00.000Z"]);
    expect(verdict(at(after("2024-01-21", 30) + 1))).toEqual(["defected", "not_returning_for_service", "2024-02-20T00:00:00.000Z"]);
    expect(at("2024-03-01").expectedGapDays).toBe(10);
  });

  it("not_returning_for_service needs two service visit days", () => {
    const events = [event("a", "2024-01-01T09:00:00Z", "service_visit"), event("a", "2024-01-01T15:00:00Z", "service_visit")];
    expect(verdict(classifyDefections({ events }, { asOf: "2025-01-01" })[0]!)).toEqual(["active", "none", null]);
  });

  it("no_repurchase: at risk past 1.5 median gaps, defected past 3", () => {
    // Orders every 10 days: last on 01-21, median gap 10.
    const purchases = every("a", "2024-01-01", 10, 3);
    const at = (asOf: number) => classifyDefections(purchases, { asOf })[0]!;
    expect(at(after("2024-01-21", 15)).status).toBe("active");
    expect(verdict(at(after("2024-01-21", 15) + 1))).toEqual(["at_risk", "no_repurchase", "2024-02-05T00:00:00.000Z"]);
    expect(at(after("2024-01-21", 30)).status).toBe("at_risk");
    expect(verdict(at(after("2024-01-21", 30) + 1))).toEqual(["defected", "no_repurchase", "2024-02-20T00:00:00.000Z"]);
  });

  it("lapsed_first_time_buyer: one visit, measured against the population's median gap", () => {
    // r: gaps 10, 10 → median 10; s: gaps 20, 20 → median 20; population median (10 + 20) / 2 = 15.
    // f bought once on 01-01: at risk after 22.5 days, defected after 45.
    const purchases = [...every("r", "2024-01-01", 10, 3), ...every("s", "2024-01-01", 20, 3), buy("f", "2024-01-01")];
    const f = (asOf: number) => byId(classifyDefections(purchases, { asOf }), "f");
    expect(f(after("2024-01-01", 22.5)).status).toBe("active");
    expect(verdict(f(after("2024-01-01", 22.5) + 1))).toEqual(["at_risk", "lapsed_first_time_buyer", "2024-01-23T12:00:00.000Z"]);
    expect(verdict(f(after("2024-01-01", 45) + 1))).toEqual(["defected", "lapsed_first_time_buyer", "2024-02-15T00:00:00.000Z"]);
    expect(f(after("2024-01-01", 46)).expectedGapDays).toBe(15);
  });

  it("lapsed_first_time_buyer does not apply when nobody has two visits", () => {
    const row = classifyDefections([buy("f", "2020-01-01")], { asOf: "2024-01-01" })[0]!;
    expect([row.status, row.reason, row.expectedGapDays]).toEqual(["active", "none", null]);
  });

  it("none: a customer inside every threshold is active with reason none and since null", () => {
    const row = classifyDefections(every("a", "2024-01-01", 10, 3), { asOf: "2024-01-25" })[0]!;
    expect(verdict(row)).toEqual(["active", "none", null]);
    expect(row.expectedGapDays).toBe(10);
  });
});

describe("classifyDefections: precedence conflicts (the first rule that matches decides)", () => {
  const lapsed = every("a", "2023-01-01", 10, 3); // long since defected under no_repurchase by 2024-06-01
  it("cancelled beats missed_appointment and no_repurchase", () => {
    const events = [event("a", "2024-05-01", "appointment_missed"), event("a", "2024-05-02", "cancel")];
    expect(verdict(classifyDefections({ purchases: lapsed, events }, { asOf: "2024-06-01" })[0]!)).toEqual(["defected", "cancelled", "2024-05-02T00:00:00.000Z"]);
  });
  it("missed_appointment (at risk) beats a defected no_repurchase", () => {
    const events = [event("a", "2024-05-20", "appointment_missed")];
    expect(verdict(classifyDefections({ purchases: lapsed, events }, { asOf: "2024-06-01" })[0]!)).toEqual(["at_risk", "missed_appointment", "2024-05-20T00:00:00.000Z"]);
  });
  it("not_returning_for_service (at risk) beats a defected no_repurchase", () => {
    const events = ["2024-04-01", "2024-04-21", "2024-05-11"].map((d) => event("a", d, "service_visit"));
    // Service gap 20: at risk after 30 days (2024-06-10), defected after 60.
    const row = classifyDefections({ purchases: lapsed, events }, { asOf: "2024-06-15" })[0]!;
    expect(verdict(row)).toEqual(["at_risk", "not_returning_for_service", "2024-06-10T00:00:00.000Z"]);
    expect(row.expectedGapDays).toBe(20);
  });
  it("a service customer within their rhythm still defects on orders (no_repurchase)", () => {
    const events = ["2024-05-01", "2024-05-11", "2024-05-21"].map((d) => event("a", d, "service_visit"));
    expect(classifyDefections({ purchases: lapsed, events }, { asOf: "2024-05-25" })[0]!.reason).toBe("no_repurchase");
  });
});

describe("classifyDefections: gaps, visits and thresholds", () => {
  it("gaps shorter than minGapDays count as minGapDays", () => {
    // Gaps of 2 days count as 7: at risk after 10.5 days.
    const purchases = every("a", "2024-01-01", 2, 3);
    expect(classifyDefections(purchases, { asOf: after("2024-01-05", 10.5) })[0]!.status).toBe("active");
    expect(classifyDefections(purchases, { asOf: after("2024-01-05", 10.5) + 1 })[0]!.status).toBe("at_risk");
    expect(classifyDefections(purchases, { asOf: after("2024-01-05", 3.5), thresholds: { minGapDays: 1 } })[0]!.status).toBe("at_risk");
  });

  it("same-day orders are one visit", () => {
    const purchases = [buy("a", "2024-01-01T08:00:00Z"), buy("a", "2024-01-01T18:00:00Z"), buy("a", "2024-01-11")];
    const row = classifyDefections(purchases, { asOf: "2024-01-20" })[0]!;
    expect(row.expectedGapDays).toBe(10);
    // Two orders on one day are one visit: a first-time buyer, not a repeat buyer.
    expect(classifyDefections(purchases.slice(0, 2), { asOf: "2024-01-20" })[0]!.expectedGapDays).toBeNull();
  });

  it("the median of an even number of gaps is the mean of the middle two", () => {
    // Gaps 10, 20, 30, 40 → median 25.
    const dates = ["2024-01-01", "2024-01-11", "2024-01-31", "2024-03-01", "2024-04-10"];
    expect(classifyDefections(dates.map((d) => buy("a", d)), { asOf: "2024-04-11" })[0]!.expectedGapDays).toBe(25);
  });

  it("custom multipliers move the edges", () => {
    const purchases = every("a", "2024-01-01", 10, 3);
    const thresholds = { atRiskAfter: 1, defectedAfter: 2 };
    expect(classifyDefections(purchases, { asOf: after("2024-01-21", 10), thresholds })[0]!.status).toBe("active");
    expect(classifyDefections(purchases, { asOf: after("2024-01-21", 10) + 1, thresholds })[0]!.status).toBe("at_risk");
    expect(classifyDefections(purchases, { asOf: after("2024-01-21", 20) + 1, thresholds })[0]!.status).toBe("defected");
  });

  it("rows after asOf are ignored; customers with nothing until asOf are left out", () => {
    const purchases = [...every("a", "2024-01-01", 10, 3), buy("a", "2024-03-01"), buy("late", "2024-03-01")];
    const rows = classifyDefections(purchases, { asOf: "2024-02-25" });
    expect(rows.map((r) => r.customerId)).toEqual(["a"]);
    expect(rows[0]!.status).toBe("defected");
  });

  it("a customer with only events: value 0, last activity is the last event", () => {
    const row = classifyDefections({ events: [event("a", "2024-01-01", "signup"), event("a", "2024-01-02", "complaint")] }, { asOf: "2024-01-12" })[0]!;
    expect(verdict(row)).toEqual(["active", "none", null]);
    expect(row.lastActivity.toISOString()).toBe("2024-01-02T00:00:00.000Z");
    expect(row.daysSinceLastActivity).toBe(10);
    expect(row.annualValue.toString()).toBe("0");
  });
});

describe("classifyDefections: value", () => {
  it("annualValue is the net revenue of the 365 days ending at the last order, plus refunds after it", () => {
    // Last order 2024-01-01; window (2023-01-01, asOf]: 50 + 30 − 10 = 70 (the 2023-01-01 order is on the open edge).
    const purchases = [buy("a", "2023-01-01", "100"), buy("a", "2023-06-01", "50"), buy("a", "2024-01-01", "30"), buy("a", "2024-01-05", "-10")];
    // Gaps 151 and 214 days: median 182.5, defected after 547.5 days (2025-07-01T12:00Z).
    const row = classifyDefections(purchases, { asOf: "2025-08-01" })[0]!;
    expect(row.annualValue.toString()).toBe("70");
    expect(row.status).toBe("defected");
    expect(row.unrealizedValue.toString()).toBe("70");
  });

  it("sums cents exactly", () => {
    const purchases = Array.from({ length: 30 }, (_, i) => buy("a", `2024-01-${String(i + 1).padStart(2, "0")}`, "0.10"));
    expect(classifyDefections(purchases, { asOf: "2024-02-01" })[0]!.annualValue.toString()).toBe("3");
  });
});

describe("classifyDefections: custom rules", () => {
  const purchases = [...every("a", "2024-01-01", 10, 3), ...every("b", "2024-01-01", 10, 3)];
  const events = [event("a", "2024-01-22", "complaint")];

  it("run before the defaults; null passes the customer on", () => {
    const complaint = (history: { events: readonly { type: string; at: Date }[] }) => {
      const found = history.events.find((e) => e.type === "complaint");
      return found === undefined ? null : { status: "at_risk" as const, reason: "complaint", since: found.at };
    };
    const rows = classifyDefections({ purchases, events }, { asOf: "2024-03-01", rules: [complaint] });
    expect(verdict(rows[0]!)).toEqual(["at_risk", "complaint", "2024-01-22T00:00:00.000Z"]);
    expect(rows[0]!.valueAtRisk.toString()).toBe("30");
    expect(verdict(rows[1]!)).toEqual(["defected", "no_repurchase", "2024-02-20T00:00:00.000Z"]);
  });

  it("a custom rule can keep a customer active over a default rule", () => {
    const vip = () => ({ status: "active" as const, reason: "vip", since: null });
    const rows = classifyDefections({ purchases, events: [event("a", "2024-02-01", "cancel")] }, { asOf: "2024-03-01", rules: [vip] });
    expect(rows.map((r) => r.reason)).toEqual(["vip", "vip"]);
  });

  it("see the history and the population context", () => {
    const seen: unknown[] = [];
    classifyDefections({ purchases: [...purchases, buy("a", "2024-01-21T12:00:00Z", "-5")], events }, {
      asOf: "2024-01-25",
      rules: [
        (history, context) => {
          seen.push([history.customerId, history.orders, history.visits.length, history.medianGapDays, history.annualValue.toString(), history.purchases.length, context.populationMedianGapDays, context.customers]);
          return null;
        },
      ],
    });
    expect(seen).toEqual([
      ["a", 3, 3, 10, "25", 4, 10, 2],
      ["b", 3, 3, 10, "30", 3, 10, 2],
    ]);
  });

  it("a malformed verdict throws RetentionOptionsError naming the rule", () => {
    const bad = () => ({ status: "gone", reason: "x", since: null }) as never;
    expect(() => classifyDefections(purchases, { asOf: "2024-03-01", rules: [() => null, bad] })).toThrow(/rules\[1\].*status/);
    const noReason = () => ({ status: "active", reason: "", since: null }) as never;
    expect(() => classifyDefections(purchases, { asOf: "2024-03-01", rules: [noReason] })).toThrow(RetentionOptionsError);
    const badSince = () => ({ status: "active", reason: "x", since: "2024-01-01" }) as never;
    expect(() => classifyDefections(purchases, { asOf: "2024-03-01", rules: [badSince] })).toThrow(/since/);
    expect(() => classifyDefections(purchases, { asOf: "2024-03-01", rules: ["x" as never] })).toThrow(/rules\[0\]/);
  });
});

describe("classifyDefections: inputs and options", () => {
  const purchases = [...every("__proto__", "2024-01-01", 10, 3), ...every("constructor", "2024-01-01", 5, 2), buy("x", "2024-01-02")];

  it("an empty input gives an empty array", () => {
    expect(classifyDefections([], { asOf: "2024-01-01" })).toEqual([]);
  });

  it("treats __proto__ and constructor as ordinary ids", () => {
    const rows = classifyDefections(purchases, { asOf: "2024-02-01" });
    expect(rows.map((r) => r.customerId)).toEqual(["__proto__", "constructor", "x"]);
    expect(byId(rows, "__proto__").expectedGapDays).toBe(10);
  });

  it("does not mutate frozen input, and row order does not matter", () => {
    const frozen = Object.freeze(purchases.map((row) => Object.freeze({ ...row })));
    const a = classifyDefections(frozen, { asOf: "2024-02-01" });
    const b = classifyDefections([...purchases].reverse(), { asOf: "2024-02-01" });
    expect(a).toEqual(b);
    expect(classifyDefections(createLedger({ purchases }), { asOf: "2024-02-01" })).toEqual(a);
  });

  it("rejects bad options with RetentionOptionsError naming the option", () => {
    const cases: [object, RegExp][] = [
      [{}, /asOf/],
      [{ asOf: "not a date" }, /asOf/],
      [{ asOf: "2024-01-01", thresholds: { atRiskAfter: 0 } }, /atRiskAfter/],
      [{ asOf: "2024-01-01", thresholds: { defectedAfter: Number.NaN } }, /defectedAfter/],
      [{ asOf: "2024-01-01", thresholds: { atRiskAfter: 4 } }, /defectedAfter ≥ atRiskAfter/],
      [{ asOf: "2024-01-01", thresholds: { minGapDays: -1 } }, /minGapDays/],
      [{ asOf: "2024-01-01", thresholds: { missedAppointmentGrace: "30" } }, /missedAppointmentGrace/],
      [{ asOf: "2024-01-01", rules: "x" }, /rules/],
    ];
    for (const [options, message] of cases) {
      expect(() => classifyDefections(purchases, options as never)).toThrow(RetentionOptionsError);
      expect(() => classifyDefections(purchases, options as never)).toThrow(message);
    }
    expect(() => classifyDefections(purchases, undefined as never)).toThrow(/asOf/);
  });

  it("rejects invalid rows with RetentionInputError naming the row", () => {
    expect(() => classifyDefections([buy("a", "2024-01-01"), { customerId: "b", at: "nope", amount: "1" }], { asOf: "2024-01-01" })).toThrow(/purchases\[1\]\.at/);
  });
});

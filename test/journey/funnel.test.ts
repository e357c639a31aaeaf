import { describe, expect, it } from "vitest";
import { createLedger, funnel, RetentionOptionsError } from "retention-metrics";

import { DAY, T0, day, ev, order, workedEvents, workedOptions, workedPurchases } from "./workedFunnel";

describe("funnel: the worked example", () => {
  const result = funnel({ events: workedEvents, purchases: workedPurchases }, workedOptions);

  it("counts customers per step, drops and conversions", () => {
    expect(result.steps.map((s) => s.customers)).toEqual([5, 4, 3, 2]);
    expect(result.steps.map((s) => s.dropped)).toEqual([0, 1, 1, 1]);
    expect(result.steps.map((s) => s.conversionFromPrevious)).toEqual([1, 0.8, 0.75, 2 / 3]);
    expect(result.steps.map((s) => s.conversionFromStart)).toEqual([1, 0.8, 0.6, 0.4]);
    expect(result).toMatchObject({ entered: 5, converted: 2, overallConversion: 0.4, bySegment: null, within: { days: 14 } });
    expect(result.range).toEqual({ start: new Date(day(0)), end: new Date(day(10)) });
  });

  it("gives median times from the previous step in milliseconds", () => {
    expect(result.steps.map((s) => s.medianTimeFromPrevious)).toEqual([null, DAY, 2 * DAY, 1.5 * DAY]);
    expect(result.steps[0]!.reason).toMatch(/no previous step/);
    expect(result.steps.slice(1).map((s) => s.reason)).toEqual([null, null, null]);
  });

  it("gives one funnel per segment with by", () => {
    const segments = funnel({ events: workedEvents, purchases: workedPurchases }, { ...workedOptions, by: (first) => (first.customerId === "a" || first.customerId === "__proto__" ? "fast" : null) });
    expect(segments.bySegment!.map((s) => [s.key, s.steps.map((step) => step.customers)])).toEqual([
      ["fast", [2, 2, 2, 2]],
      [null, [3, 2, 1, 0]],
    ]);
    expect(segments.bySegment![1]!.steps[3]!.medianTimeFromPrevious).toBeNull();
    expect(segments.bySegment![1]!.steps[3]!.reason).toMatch(/nobody reached this step/);
    const byId = funnel({ events: workedEvents, purchases: workedPurchases }, { ...workedOptions, by: "customerId" });
    expect(byId.bySegment!.map((s) => s.key)).toEqual(["__proto__", "a", "b", "d", "e"]);
  });

  it("reads a prepared ledger the same way", () => {
    expect(funnel(createLedger({ events: workedEvents, purchases: workedPurchases }), workedOptions)).toEqual(result);
  });
});

describe("funnel: edges", () => {
  it("counts a step 1 ms inside the window and not one exactly at its end", () => {
    const events = [ev("a", 0, "signup"), ev("b", 0, "signup")];
    const purchases = [{ customerId: "a", at: T0 + DAY - 1, amount: "1" }, { customerId: "b", at: T0 + DAY, amount: "1" }];
    const r = funnel({ events, purchases }, { steps: ["signup", "order"], within: DAY });
    expect(r.steps[1]!.customers).toBe(1);
    expect(r.steps[1]!.medianTimeFromPrevious).toBe(DAY - 1);
  });

  it("reads an offset timestamp as its UTC instant at the range's edges", () => {
    // 2024-01-10T23:30-01:00 is 2024-01-11T00:30Z: after end. 2024-01-01T00:30+00:30 is exactly start.
    const events = [{ customerId: "late", at: "2024-01-10T23:30:00-01:00", type: "signup" }, { customerId: "edge", at: "2024-01-01T00:30:00+00:30", type: "signup" }];
    const r = funnel({ events }, { steps: ["signup"], start: "2024-01-01", end: "2024-01-11" });
    expect(r.entered).toBe(1);
    expect(funnel({ events }, { steps: ["signup"], start: "2024-01-01", end: "2024-01-11", by: "customerId" }).bySegment!.map((s) => s.key)).toEqual(["edge"]);
  });

  it("lets later steps fall after end when the window allows", () => {
    const r = funnel({ events: [ev("a", 0, "signup"), ev("a", 30, "view")] }, { steps: ["signup", "view"], start: day(0), end: day(1) });
    expect(r.converted).toBe(1);
  });

  it("fills as many steps as rows at one instant can, whatever their order", () => {
    // Two orders at one instant: one is order 1 (matches "order" and "order:1"), the other order 2 (matches "order").
    // Greedy in row order could give order 1 to "order" and leave "order:1" empty; the matching gives order 2 to "order".
    const rows = [order("a", 0, "5"), order("a", 0, "7")];
    for (const purchases of [rows, [...rows].reverse()]) {
      expect(funnel(purchases, { steps: ["order", "order:1"] }).converted).toBe(1);
    }
    // The same event twice at one instant fills two steps of that type; once fills one.
    expect(funnel({ events: [ev("a", 0, "view"), ev("a", 0, "view")] }, { steps: ["view", "view", "view"] }).steps.map((s) => s.customers)).toEqual([1, 1, 0]);
  });

  it("counts order:N over the whole history, before start too", () => {
    const purchases = [order("a", 0), order("a", 20), order("b", 20), order("b", 25)];
    const r = funnel(purchases, { steps: ["order:2"], start: day(10) });
    expect(r.entered).toBe(2); // a's d20 order is its 2nd; b's 2nd is d25
    expect(funnel(purchases, { steps: ["order", "order:2"], start: day(10) }).steps.map((s) => s.customers)).toEqual([2, 1]);
  });

  it("filters with where on a read-only occurrence", () => {
    const purchases = [{ ...order("a", 0), orderId: "x1" }, { ...order("a", 3), orderId: "x2" }, { ...order("b", 1), orderId: "y1" }];
    const seen: unknown[] = [];
    const r = funnel(purchases, {
      steps: ["order", { type: "order", where: (o) => (seen.push(o), o.orderId === "x2"), label: "second basket" }],
    });
    expect(r.steps.map((s) => [s.step, s.customers])).toEqual([["order", 2], ["second basket", 1]]);
    expect(seen[0]).toEqual({ customerId: "a", type: "order", at: new Date(day(0)), orderNumber: 1, orderId: "x1" });
    expect(Object.isFrozen(seen[0])).toBe(true);
  });

  it("says when a step's event type is not in the data, and answers empty input", () => {
    const r = funnel({ events: [ev("a", 0, "signup")] }, { steps: ["signup", "sigup"] });
    expect(r.steps[1]!.customers).toBe(0);
    expect(r.steps[1]!.reason).toMatch(/no event of type "sigup"/);
    const empty = funnel([], { steps: ["signup", "order"] });
    expect(empty).toMatchObject({ entered: 0, converted: 0, overallConversion: null });
    expect(empty.steps.map((s) => [s.conversionFromPrevious, s.conversionFromStart, s.medianTimeFromPrevious])).toEqual([[null, null, null], [null, null, null]]);
    expect(empty.steps[1]!.reason).toMatch(/nobody entered/);
  });

  it("takes 32 steps (bit 31 of the step mask included)", () => {
    const views = Array.from({ length: 32 }, (_, n) => ev("a", n, "view"));
    const steps = Array.from({ length: 32 }, () => "view");
    expect(funnel({ events: views }, { steps }).steps.map((s) => s.customers)).toEqual(Array.from({ length: 32 }, () => 1));
    expect(funnel({ events: views.slice(1) }, { steps }).converted).toBe(0);
  });

  it("accepts a calendar window (months follow the calendar in UTC)", () => {
    const events = [{ customerId: "a", at: "2024-01-31", type: "signup" }, { customerId: "a", at: "2024-02-28T23:59:59Z", type: "view" }, { customerId: "b", at: "2024-01-31", type: "signup" }, { customerId: "b", at: "2024-02-29", type: "view" }];
    expect(funnel({ events }, { steps: ["signup", "view"], within: { months: 1 } }).converted).toBe(1);
  });
});

describe("funnel: option errors", () => {
  const input = { events: [ev("a", 0, "signup")] };
  const cases: [string, unknown][] = [
    ["steps", {}],
    ["steps", { steps: [] }],
    ["steps", { steps: "signup" }],
    ["steps", { steps: Array.from({ length: 33 }, () => "x") }],
    ["steps[1]", { steps: ["signup", 3] }],
    ["steps[0]", { steps: [""] }],
    ["steps[1]", { steps: ["signup", "order:0"] }],
    ["steps[1]", { steps: ["signup", "order:two"] }],
    ["steps[0]", { steps: [{ type: "signup", wher: () => true }] }],
    ["steps[0].type", { steps: [{ where: () => true }] }],
    ["steps[0].where", { steps: [{ type: "signup", where: "yes" }] }],
    ["within", { steps: ["signup"], within: 0 }],
    ["within", { steps: ["signup"], within: -5 }],
    ["within", { steps: ["signup"], within: "30d" }],
    ["within", { steps: ["signup"], within: { days: -1 } }],
    ["within", { steps: ["signup"], within: { day: 1 } }],
    ["end", { steps: ["signup"], start: day(5), end: day(5) }],
    ["by", { steps: ["signup"], by: "segment" }],
    ["by", { steps: ["signup"], by: () => 5 }],
    ["options", null],
  ];
  it.each(cases)("names %s", (option, options) => {
    const call = () => funnel(input, options as never);
    expect(call).toThrow(RetentionOptionsError);
    try {
      call();
    } catch (error) {
      expect((error as RetentionOptionsError).option).toBe(option);
    }
  });
});

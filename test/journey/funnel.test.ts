import { describe, expect, it } from "vitest";
import { createLedger, funnel, RetentionOptionsError, type CustomerEvent, type Purchase } from "retention-metrics";

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const day = (n: number): string => new Date(T0 + n * DAY).toISOString();
const ev = (customerId: string, n: number, type: string): CustomerEvent => ({ customerId, at: day(n), type });
const order = (customerId: string, n: number, amount = "10"): Purchase => ({ customerId, at: day(n), amount });

/*
 * The worked funnel of docs/journey.md. Steps signup → view → order → order:2, within 14 days,
 * entering in [day 0, day 10) (day n = 2024-01-01 + n days).
 *  a          signup d0, view d1, order d3 (1st), order d5 (2nd)          → 4 steps; gaps 1, 2, 2 days
 *  b          signup d2 and view d2 at the same instant, order d16       → 2 steps; gap 0 (a tie counts);
 *             the order is exactly 14 days after entering: outside the half-open window
 *  c          signup d10, exactly at end                                  → never enters
 *  d          signup d0 (exactly at start), order d1, view d4, order d6   → 3 steps; gaps 4, 2 days. The d1 order
 *             comes before the view, so it fills nothing; d6 is d's 2nd order but fills "order", and no later
 *             row is a 2nd order, so order:2 is not reached
 *  e          view d1, signup d3, signup d5, view d20                     → 1 step: enters once at d3 (first touch);
 *             d20 is past d3 + 14 = d17
 *  __proto__  signup d4, view d5, order d6, order d7                      → 4 steps; gaps 1, 1, 1 days
 *  f          order d2 only                                               → never enters
 * Step customers 5, 4, 3, 2; dropped 0, 1, 1, 1.
 * conversionFromPrevious 1, 4/5 = 0.8, 3/4 = 0.75, 2/3; conversionFromStart 1, 0.8, 0.6, 0.4; overall 2/5 = 0.4.
 * Median gaps: view [0, 1, 1, 4] → (1 + 1)/2 = 1 day; order [1, 2, 2] → 2 days; order:2 [1, 2] → 1.5 days.
 */
export const workedEvents: CustomerEvent[] = [
  ev("a", 0, "signup"), ev("a", 1, "view"),
  ev("b", 2, "signup"), ev("b", 2, "view"),
  ev("c", 10, "signup"),
  ev("d", 0, "signup"), ev("d", 4, "view"),
  ev("e", 1, "view"), ev("e", 3, "signup"), ev("e", 5, "signup"), ev("e", 20, "view"),
  ev("__proto__", 4, "signup"), ev("__proto__", 5, "view"),
];
export const workedPurchases: Purchase[] = [
  order("a", 3), order("a", 5),
  order("b", 16),
  order("d", 1), order("d", 6),
  order("__proto__", 6), order("__proto__", 7),
  order("f", 2),
];
export const workedOptions = { steps: ["signup", "view", "order", "order:2"], within: { days: 14 }, start: day(0), end: day(10) };

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

import { describe, expect, it } from "vitest";
import { createLedger, frequencyTiers, RetentionOptionsError, type FrequencyProgram, type Purchase } from "retention-metrics";

const frozen = <T extends object>(rows: T[]): readonly T[] => Object.freeze(rows.map((row) => Object.freeze({ ...row })));

const program: FrequencyProgram = {
  window: { days: 30 },
  tiers: [
    { name: "bronze" },
    { name: "silver", minOrders: 2, discountRate: 0.05 },
    { name: "gold", minOrders: 3, minSpend: "100", discountRate: 0.1 },
  ],
};

// asOf 2024-03-01, window [2024-01-31, 2024-03-01)
const purchases: readonly Purchase[] = frozen([
  { customerId: "a", at: "2024-01-30", amount: "50" }, // before the window
  { customerId: "a", at: "2024-02-05", amount: "30" },
  { customerId: "a", at: "2024-02-10", amount: "40" },
  { customerId: "a", at: "2024-02-29T23:59:59Z", amount: "50" },
  { customerId: "a", at: "2024-03-01", amount: "500" }, // at asOf: outside the half-open window
  { customerId: "b", at: "2024-01-31", amount: "10" }, // at the window's start: inside
  { customerId: "b", at: "2024-02-20", amount: "200" },
  { customerId: "b", at: "2024-02-21", amount: "-150" }, // refund: lowers spend, not an order
  { customerId: "__proto__", at: "2023-12-01", amount: "20" },
  { customerId: "c", at: "2024-03-05", amount: "80" }, // not yet a customer at asOf
]);

describe("frequencyTiers", () => {
  const result = frequencyTiers(purchases, program, { asOf: "2024-03-01" });
  const byId = new Map(result.customers.map((row) => [row.customerId, row]));

  it("gives each customer the highest tier met over [asOf − window, asOf)", () => {
    // a: 3 orders, 30 + 40 + 50 = 120 ≥ 100 → gold
    expect(byId.get("a")).toMatchObject({ tier: "gold", discountRate: 0.1, ordersInWindow: 3, next: null });
    expect(byId.get("a")!.spendInWindow.toString()).toBe("120");
    // b: 2 orders, 10 + 200 − 150 = 60 → silver; gold needs 1 more order and 40 more spend
    const b = byId.get("b")!;
    expect([b.tier, b.ordersInWindow, b.spendInWindow.toString()]).toEqual(["silver", 2, "60"]);
    expect(b.next).toMatchObject({ name: "gold", ordersNeeded: 1 });
    expect(b.next!.spendNeeded.toString()).toBe("40");
    // __proto__: nothing in the window → bronze (no thresholds), 2 orders short of silver
    const proto = byId.get("__proto__")!;
    expect([proto.tier, proto.ordersInWindow, proto.next?.name, proto.next?.ordersNeeded]).toEqual(["bronze", 0, "silver", 2]);
    expect(proto.next!.spendNeeded.toString()).toBe("0");
  });

  it("leaves out customers who first appear after asOf, and lists customers in id order", () => {
    expect(result.customers.map((row) => row.customerId)).toEqual(["__proto__", "a", "b"]);
    expect(result.customerCount).toBe(3);
    expect(result.window).toEqual({ start: new Date("2024-01-31"), end: new Date("2024-03-01") });
  });

  it("summarises customers and window spend per tier", () => {
    expect(JSON.parse(JSON.stringify(result.summary))).toEqual([
      { tier: "bronze", customers: 1, spend: "0" },
      { tier: "silver", customers: 1, spend: "60" },
      { tier: "gold", customers: 1, spend: "120" },
      { tier: null, customers: 0, spend: "0" },
    ]);
  });

  it("gives tier null when no tier is met, and the first tier as next", () => {
    const strict = frequencyTiers(purchases, { window: { days: 30 }, tiers: [{ name: "vip", minOrders: 3 }] }, { asOf: "2024-03-01" });
    const b = strict.customers.find((row) => row.customerId === "b")!;
    expect([b.tier, b.discountRate, b.next?.name, b.next?.ordersNeeded]).toEqual([null, 0, "vip", 1]);
    expect(strict.summary.at(-1)).toMatchObject({ tier: null, customers: 2 });
  });

  it("defaults to a 365-day window and accepts a ledger and calendar windows", () => {
    const ledger = createLedger({ purchases });
    const year = frequencyTiers(ledger, { tiers: program.tiers }, { asOf: "2024-03-01" });
    expect(year.customers.find((row) => row.customerId === "a")!.ordersInWindow).toBe(4);
    const month = frequencyTiers(ledger, { window: { months: 1 }, tiers: program.tiers }, { asOf: "2024-03-01" });
    expect(month.window.start).toEqual(new Date("2024-02-01"));
    expect(month.customers.find((row) => row.customerId === "b")!.ordersInWindow).toBe(1);
  });

  it("answers empty input with no customers and zero summaries", () => {
    const empty = frequencyTiers([], program, { asOf: "2024-03-01" });
    expect(empty.customers).toEqual([]);
    expect(empty.summary.map((row) => row.customers)).toEqual([0, 0, 0, 0]);
  });

  it("rejects bad programs, naming the field", () => {
    const option = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        expect(error).toBeInstanceOf(RetentionOptionsError);
        return (error as RetentionOptionsError).option;
      }
      return "no error";
    };
    const run = (p: unknown) => option(() => frequencyTiers(purchases, p as FrequencyProgram, { asOf: "2024-03-01" }));
    expect(run({ tiers: [] })).toBe("program.tiers");
    expect(run({ tiers: [{ name: "" }] })).toBe("program.tiers[0].name");
    expect(run({ tiers: [{ name: "x" }, { name: "x" }] })).toBe("program.tiers[1].name");
    expect(run({ tiers: [{ name: "x", minOrders: 1.5 }] })).toBe("program.tiers[0].minOrders");
    expect(run({ tiers: [{ name: "x", minOrders: 3 }, { name: "y", minOrders: 2 }] })).toBe("program.tiers[1].minOrders");
    expect(run({ tiers: [{ name: "x", minSpend: 100 }, { name: "y", minSpend: 50 }] })).toBe("program.tiers[1].minSpend");
    expect(run({ tiers: [{ name: "x", discountRate: 1 }] })).toBe("program.tiers[0].discountRate");
    expect(run({ window: { days: 0 }, tiers: [{ name: "x" }] })).toBe("program.window");
    expect(option(() => frequencyTiers(purchases, program, { asOf: "not a date" }))).toBe("asOf");
  });
});

import { describe, expect, it } from "vitest";
import { Decimal, RetentionOptionsError, shareOfWallet, type Purchase } from "retention-metrics";

/*
 * The worked example of docs/segments.md ("Share of wallet"): a spends 30 and gets 10 back (net
 * 20), b spends 80, c spends 5; the wallet estimates are a 100, b 50 and z 40 (z never bought).
 */
const rows: Purchase[] = [
  { customerId: "a", at: "2024-01-05", amount: "30", category: "shoes" },
  { customerId: "a", at: "2024-02-05", amount: "-10", category: "shoes" },
  { customerId: "b", at: "2024-01-20", amount: "80", category: "shoes" },
  { customerId: "c", at: "2024-03-01", amount: "5", category: "hats" },
];
const wallet = new Map([["a", "100"], ["b", "50"], ["z", "40"]]);
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe("shareOfWallet, worked by hand", () => {
  it("gives each customer's share, gap and spend above the estimate, exact", () => {
    const result = shareOfWallet(rows, { wallet });
    expect(plain(result.customers)).toEqual([
      // a: captured min(20, 100) = 20 → 20/100 = 0.2; gap 80.
      { customerId: "a", spend: "20", wallet: "100", share: 0.2, gap: "80", aboveWallet: "0", reason: null },
      // b: captured min(80, 50) = 50 → share 1; gap 0; 30 above the estimate.
      { customerId: "b", spend: "80", wallet: "50", share: 1, gap: "0", aboveWallet: "30", reason: null },
      // c: no estimate.
      { customerId: "c", spend: "5", wallet: null, share: null, gap: null, aboveWallet: null, reason: "no wallet estimate" },
      // z: never bought: share 0, the whole wallet is the gap.
      { customerId: "z", spend: "0", wallet: "40", share: 0, gap: "40", aboveWallet: "0", reason: null },
    ]);
    // Aggregate over a, b, z: captured 20 + 50 + 0 = 70 of 100 + 50 + 40 = 190.
    expect(plain(result.aggregate)).toEqual({
      customers: 3,
      spend: "100",
      capturedSpend: "70",
      wallet: "190",
      share: 70 / 190,
      gap: "120",
      aboveWallet: { customers: 1, amount: "30" },
      reason: null,
    });
    expect(plain(result.missing)).toEqual({ customers: 1, spend: "5" });
  });

  it("takes a plain object (__proto__ is an id) or a function, and the same answer", () => {
    const fromMap = plain(shareOfWallet(rows, { wallet }));
    expect(plain(shareOfWallet(rows, { wallet: { a: "100", b: 50, z: "40" } }))).toEqual(fromMap);
    const protoRows = [{ customerId: "__proto__", at: "2024-01-01", amount: "4" }];
    const record = JSON.parse('{"__proto__": "10", "constructor": "2"}') as Record<string, string>;
    const result = shareOfWallet(protoRows, { wallet: record });
    expect(result.customers.map((row) => [row.customerId, row.share])).toEqual([["__proto__", 0.4], ["constructor", 0]]);
    const byFunction = shareOfWallet(rows, { wallet: (id) => (id === "c" ? undefined : "60") });
    // a 20/60, b min(80, 60)/60 = 1, c missing; z is not in the ledger, so a function never sees it.
    expect(byFunction.customers.map((row) => row.share)).toEqual([20 / 60, 1, null]);
  });

  it("keeps money exact over cents", () => {
    const cents = Array.from({ length: 1000 }, (_, i) => ({ customerId: "a", at: 1_700_000_000_000 + i, amount: "0.10" }));
    const result = shareOfWallet(cents, { wallet: { a: "300.01" } });
    expect(result.customers[0]!.spend.toString()).toBe("100");
    expect(result.customers[0]!.gap!.toString()).toBe("200.01");
  });

  it("is exact when an estimate is finer than the purchases, or a Decimal, and sums both kinds", () => {
    // a: S = 20 (whole units), W = 100.005 → captured 20, gap 80.005; b: W = Decimal 50 → gap 0, 30 above.
    const result = shareOfWallet(rows, { wallet: new Map<string, string | Decimal>([["a", "100.005"], ["b", new Decimal(50)]]) });
    expect(result.customers[0]!.gap!.toString()).toBe("80.005");
    expect(result.customers[0]!.share).toBe(20 / 100.005);
    expect([result.aggregate.wallet.toString(), result.aggregate.capturedSpend.toString(), result.aggregate.gap.toString()]).toEqual(["150.005", "70", "80.005"]);
  });

  it("counts only the categories asked for, and only purchases in range", () => {
    const shoes = shareOfWallet(rows, { wallet, categories: ["shoes"] });
    expect(shoes.missing.spend.toString()).toBe("0"); // c's 5 is hats
    const january = shareOfWallet(rows, { wallet, end: "2024-02-01" });
    expect(january.customers[0]!.spend.toString()).toBe("30"); // a's refund is in February
  });

  it("answers null with reasons for zero and absent wallets", () => {
    const zero = shareOfWallet(rows, { wallet: { a: 0 } });
    expect([zero.customers[0]!.share, zero.customers[0]!.reason, zero.customers[0]!.aboveWallet!.toString()]).toEqual([null, "the wallet estimate is 0", "20"]);
    expect([zero.aggregate.share, zero.aggregate.reason]).toEqual([null, "the wallet estimates total 0"]);
    const none = shareOfWallet([], { wallet: new Map() });
    expect([none.customers, none.aggregate.share, none.aggregate.reason]).toEqual([[], null, "no customer has a wallet estimate"]);
  });

  it("refuses a bad wallet with RetentionOptionsError naming it", () => {
    expect(() => shareOfWallet(rows, {} as never)).toThrow(RetentionOptionsError);
    expect(() => shareOfWallet(rows, { wallet: [["a", 1]] as never })).toThrow(/wallet: expected a Map/);
    expect(() => shareOfWallet(rows, { wallet: { a: "-1" } })).toThrow(/wallet\["a"\]: expected an amount ≥ 0/);
    expect(() => shareOfWallet(rows, { wallet: { a: "lots" } })).toThrow(RetentionOptionsError);
    expect(() => shareOfWallet(rows, { wallet: new Map([[1, "2"]]) as never })).toThrow(/customer id keys/);
    expect(() => shareOfWallet(rows, { wallet, categories: "shoes" as never })).toThrow(/categories/);
  });
});

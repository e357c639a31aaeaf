import { Table, Utf8, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { categoryBreadth, createLedger, parseLedgerText, RetentionInputError, RetentionOptionsError } from "retention-metrics";
import { resolveReadOptions } from "../../src/io/readOptions";
import { RecordBuilder } from "../../src/io/recordBuilder";
import { ledgerRows } from "./breadthFixture";


const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe("categoryBreadth, worked by hand", () => {
  it("counts breadth, cross-sell, penetration and the next-category matrix", () => {
    const result = categoryBreadth(ledgerRows);
    // Customers with a category: a, b, c, e (4); d bought only without one.
    expect(result.customers).toBe(4);
    expect(result.uncategorisedCustomers).toBe(1);
    // Rows: a 4 + b 4 + c 1 + e 2 = 11 categorised; d's 1 uncategorised; a's refund.
    expect(result.rows).toEqual({ categorised: 11, uncategorised: 1, refunds: 1 });
    // Distinct: a {shoes, socks, hats} 3, b {shoes, bags, hats} 3, c {socks} 1, e {hats, bags} 2.
    expect(result.distribution).toEqual([
      { categories: 1, customers: 1, share: 0.25 },
      { categories: 2, customers: 1, share: 0.25 },
      { categories: 3, customers: 2, share: 0.5 },
    ]);
    expect(result.meanCategories).toBe(2.25); // (3 + 3 + 1 + 2) / 4
    expect(result.crossSellCustomers).toBe(3);
    expect(result.crossSellRate).toBe(0.75); // 3 / 4
    expect(result.reason).toBeNull();
    expect(plain(result.categories)).toEqual([
      // bags: b, e → 2/4; rows b 40, e 11 = 51; nobody started with bags.
      { category: "bags", customers: 2, penetration: 0.5, rows: 2, amount: "51", firstCustomers: 0, movedOn: 0 },
      // hats: a, b, e → 3/4; 20 + 8 + 9 = 37; e started with hats, then bought bags.
      { category: "hats", customers: 3, penetration: 0.75, rows: 3, amount: "37", firstCustomers: 1, movedOn: 1 },
      // shoes: a, b → 2/4; 10 + 15 + 30 + 10 = 65 (the refund is not counted); a and b started with shoes; both moved on.
      { category: "shoes", customers: 2, penetration: 0.5, rows: 4, amount: "65", firstCustomers: 2, movedOn: 2 },
      // socks: a, c → 2/4; 5 + 7 = 12; a and c started with socks; only a moved on.
      { category: "socks", customers: 2, penetration: 0.5, rows: 2, amount: "12", firstCustomers: 2, movedOn: 1 },
    ]);
    // a: {shoes, socks} → {hats}; b: {shoes} → {bags, hats}; e: {hats} → {bags}; c never moved.
    expect(result.nextCategory).toEqual([
      { from: "hats", to: "bags", customers: 1, share: 1 },
      { from: "shoes", to: "bags", customers: 1, share: 0.5 },
      { from: "shoes", to: "hats", customers: 2, share: 1 },
      { from: "socks", to: "hats", customers: 1, share: 0.5 },
    ]);
    expect(result.ties).toEqual({ first: 1, next: 1 });
  });

  it("reads only purchases in [start, end)", () => {
    // Up to 04-01 (excluded): e has only hats, so bags is b's alone and the cross-sell falls to 2/4.
    const untilApril = categoryBreadth(ledgerRows, { start: "2024-01-01", end: "2024-04-01" });
    expect(untilApril.crossSellRate).toBe(0.5);
    expect(untilApril.categories.find((row) => row.category === "bags")?.penetration).toBe(0.25);
    // From 02-01: a {hats} → {shoes}; b {shoes} → {bags, hats}; e {bags}; c and d bought before.
    const fromFebruary = categoryBreadth(ledgerRows, { start: "2024-02-01" });
    expect([fromFebruary.customers, fromFebruary.uncategorisedCustomers, fromFebruary.crossSellRate]).toEqual([3, 0, 2 / 3]);
    expect(fromFebruary.nextCategory.map((cell) => `${cell.from}>${cell.to}:${cell.customers}`)).toEqual(["hats>shoes:1", "shoes>bags:1", "shoes>hats:1"]);
    expect(fromFebruary.range).toEqual({ start: new Date("2024-02-01"), end: null });
  });

  it("answers null with a reason when no purchase carries a category, and for no input", () => {
    const none = categoryBreadth([{ customerId: "a", at: "2024-01-01", amount: "5" }]);
    expect([none.customers, none.uncategorisedCustomers, none.crossSellRate, none.meanCategories, none.reason]).toEqual([0, 1, null, null, "no purchase carries a category"]);
    expect(none.distribution).toEqual([]);
    const empty = categoryBreadth([]);
    expect([empty.customers, empty.crossSellRate, empty.categories, empty.nextCategory]).toEqual([0, null, [], []]);
    const outside = categoryBreadth(ledgerRows, { start: "2030-01-01" });
    expect(outside.reason).toBe("no purchase in range carries a category");
  });

  it("treats __proto__ and constructor as ordinary customers and categories", () => {
    const result = categoryBreadth([
      { customerId: "__proto__", at: "2024-01-01", amount: "1", category: "constructor" },
      { customerId: "__proto__", at: "2024-01-02", amount: "1", category: "__proto__" },
    ]);
    expect(result.crossSellRate).toBe(1);
    expect(result.nextCategory).toEqual([{ from: "constructor", to: "__proto__", customers: 1, share: 1 }]);
  });

  it("refuses bad options with RetentionOptionsError", () => {
    expect(() => categoryBreadth(ledgerRows, { start: "nope" })).toThrow(RetentionOptionsError);
    expect(() => categoryBreadth(ledgerRows, { start: "2024-02-01", end: "2024-01-01" })).toThrow(RetentionOptionsError);
    expect(() => categoryBreadth(ledgerRows, null as never)).toThrow(RetentionOptionsError);
  });
});

describe("the category field", () => {
  it("is validated, naming the row and field", () => {
    const bad = [
      { customerId: "a", at: "2024-01-01", amount: "1", category: "" },
      { customerId: "a", at: "2024-01-01", amount: "1", category: 7 },
      { customerId: "a", at: "2024-01-01", amount: "1", category: "a\0b" },
    ];
    try {
      createLedger(bad as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RetentionInputError);
      expect((error as RetentionInputError).issues.map((issue) => [issue.index, issue.path.join("."), issue.message])).toEqual([
        [0, "purchases.category", "expected a non-empty category"],
        [1, "purchases.category", "expected category string, found 7"],
        [2, "purchases.category", "expected a category without NUL characters"],
      ]);
    }
  });

  it("is stored as codes into a name list, and absent (null) when no row has one", () => {
    expect(createLedger([{ customerId: "a", at: "2024-01-01", amount: "1" }]).purchases.category).toBeNull();
    const ledger = createLedger([
      { customerId: "a", at: "2024-01-03", amount: "1", category: "socks" },
      { customerId: "a", at: "2024-01-02", amount: "1" },
      { customerId: "b", at: "2024-01-01", amount: "1", category: "shoes" },
    ]);
    const { category, categoryNames } = ledger.purchases;
    // Sorted by time: b shoes, a (none), a socks; codes are 1-based, 0 is "none".
    expect([...category!].map((code) => (code === 0 ? null : categoryNames[code - 1]))).toEqual(["shoes", null, "socks"]);
  });

  it("comes the same from rows, columns, an Arrow table and CSV", () => {
    const fromRows = plain(categoryBreadth(ledgerRows));
    const columns = {
      customerId: ledgerRows.map((row) => row.customerId),
      at: ledgerRows.map((row) => row.at as string),
      amount: ledgerRows.map((row) => row.amount as string),
      category: ledgerRows.map((row) => row.category),
    };
    expect(plain(categoryBreadth({ purchases: columns }))).toEqual(fromRows);
    const utf8 = (values: readonly (string | undefined)[]) => vectorFromArray(values.map((value) => value ?? null), new Utf8());
    const withCategory = new Table({ customerId: utf8(columns.customerId), at: utf8(columns.at), amount: utf8(columns.amount), category: utf8(columns.category) });
    expect(plain(categoryBreadth(withCategory))).toEqual(fromRows);
    const csv = ["customerId,at,amount,category", ...ledgerRows.map((row) => `${row.customerId},${String(row.at)},${String(row.amount)},${row.category ?? ""}`)].join("\n");
    expect(plain(categoryBreadth(parseLedgerText(csv)))).toEqual(fromRows);
  });

  it("leaves the byte-level CSV path to purchases without a category column", () => {
    const reader = (header: string[]) => {
      const builder = new RecordBuilder("purchases", "x.csv", resolveReadOptions({}), () => undefined);
      builder.header(header, 1, header.join(","), ",");
      return builder.fastColumns();
    };
    expect(reader(["customerId", "at", "amount", "note"])).toEqual({ width: 4, customerId: 0, at: 1, amount: 2 });
    expect(reader(["customerId", "at", "amount", "category"])).toBeNull();
  });

  it("names the row of a bad category in a column", () => {
    const columns = { customerId: ["a", "b"], at: ["2024-01-01", "2024-01-02"], amount: ["1", "2"], category: ["x", ""] };
    expect(() => createLedger({ purchases: columns })).toThrow(/purchases\[1\]\.category/);
  });
});

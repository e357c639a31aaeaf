import { Decimal as ArrowDecimal, Dictionary, Int32, makeData, makeVector, Table, TimestampMillisecond, Utf8, vectorFromArray, type Vector } from "apache-arrow";
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildOutcome } from "./buildOutcome";
import { createLedger, createLedgerBuilder, type LedgerInput } from "retention-metrics";
import { createBuilderCore } from "../../src/input/ledgerBuilder";
import { customerId, instant } from "../arbitraries/records";

/*
 * The fast paths of the ledger build (the common row read once, required-only columns read
 * straight to units, Arrow dictionary ids and decimals, the builder hook for integer money)
 * must give the ledger of the general path. The general path here is the same rows with
 * `Date` times and decimal.js amounts, which no fast path takes.
 */

/** An amount as integer units of 10^-places: refunds, zeros, and up to 4 places, so a later row can force a rescale. */
const amount = fc.record({ units: fc.integer({ min: -50_000, max: 5_000_000 }), places: fc.integer({ min: 0, max: 4 }) });
const sale = fc.record({ customerId: fc.oneof(customerId, fc.constantFrom("hasOwnProperty", "c 1", "ü")), ms: instant, amount });
type Sale = { customerId: string; ms: number; amount: { units: number; places: number } };

const text = ({ units, places }: Sale["amount"]) => new Decimal(units).div(10 ** places).toFixed();

const asRows = (sales: readonly Sale[]) => sales.map((s) => ({ customerId: s.customerId, at: new Date(s.ms).toISOString(), amount: text(s.amount) }));
const asGeneralRows = (sales: readonly Sale[]) => sales.map((s) => ({ customerId: s.customerId, at: new Date(s.ms), amount: new Decimal(text(s.amount)) }));

function asArrow(sales: readonly Sale[]): Table {
  const scale = 4;
  const words = new Uint32Array(sales.length * 4);
  sales.forEach((s, i) => {
    let v = BigInt.asUintN(128, BigInt(s.amount.units) * 10n ** BigInt(scale - s.amount.places));
    for (let w = 0; w < 4; w++) {
      words[i * 4 + w] = Number(v & 0xffffffffn);
      v >>= 32n;
    }
  });
  const amounts: Vector = makeVector(makeData({ type: new ArrowDecimal(scale, 38, 128), length: sales.length, data: words }));
  return new Table({
    customerId: vectorFromArray(sales.map((s) => s.customerId), new Dictionary(new Utf8(), new Int32())),
    at: vectorFromArray(sales.map((s) => new Date(s.ms)), new TimestampMillisecond()),
    amount: amounts,
  });
}


describe("fast paths of the ledger build", () => {
  it("give the general path's ledger from rows, columns, typed columns, an Arrow table, the builder and integer units", () => {
    fc.assert(
      fc.property(fc.array(sale, { maxLength: 40 }), (sales) => {
        const expected = createLedger(asGeneralRows(sales));
        const rows = asRows(sales);
        expect(createLedger(rows)).toEqual(expected);
        const ids = sales.map((s) => s.customerId);
        expect(createLedger({ purchases: { customerId: ids, at: rows.map((r) => r.at), amount: rows.map((r) => r.amount) } })).toEqual(expected);
        const typed = { customerId: ids, at: Float64Array.from(sales, (s) => s.ms), amount: Float64Array.from(rows, (r) => Number(r.amount)) };
        expect(createLedger({ purchases: typed })).toEqual(expected);
        expect(createLedger(asArrow(sales))).toEqual(expected);
        const builder = createLedgerBuilder();
        for (const row of rows) builder.addPurchase(row);
        expect(builder.finish()).toEqual(expected);
        // addPurchaseUnits takes units as given (19.90 may come as 1990 at 2 places): give them without trailing zeros, as the plain decimal has them
        const core = createBuilderCore({}, {});
        for (const s of sales) {
          let { units, places } = s.amount;
          for (; places > 0 && units % 10 === 0; places--) units /= 10;
          core.addPurchaseUnits(core.registerCustomer(s.customerId), s.ms, units, places);
        }
        expect(core.builder.finish()).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it("give the same ledger whatever the row order, with ids sorted or not on arrival", () => {
    fc.assert(
      fc.property(fc.array(sale, { maxLength: 40 }), fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), (sales, keys) => {
        const shuffled = sales.map((s, i) => [keys[i]!, s] as const).sort((a, b) => a[0] - b[0]).map(([, s]) => s);
        const byId = [...sales].sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
        const ledger = createLedger(asRows(sales));
        for (const other of [shuffled, byId]) {
          const again = createLedger(asRows(other));
          expect(again.customerIds).toEqual(ledger.customerIds);
          expect([...again.customerIndex]).toEqual([...ledger.customerIndex]);
          expect([...again.purchases.amountUnits].sort()).toEqual([...ledger.purchases.amountUnits].sort());
          expect(again.purchasesByCustomer.offsets).toEqual(ledger.purchasesByCustomer.offsets);
          expect(again.firstActivity).toEqual(ledger.firstActivity);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("report bad dictionary ids, bad times and over-precise decimals of an Arrow table as the same rows do", () => {
    const ids = ["a", "", " ", "a\u0000b", "__proto__", "b"];
    const times = [Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3), Date.UTC(2024, 0, 4), Date.UTC(2024, 0, 5), Date.UTC(2024, 0, 6), Date.UTC(2024, 0, 7)];
    const words = new Uint32Array(ids.length * 4);
    const units = [1999n, 5n, 7n, 3n, 10n ** 30n, 1n];
    units.forEach((value, i) => {
      let v = BigInt.asUintN(128, value);
      for (let w = 0; w < 4; w++) {
        words[i * 4 + w] = Number(v & 0xffffffffn);
        v >>= 32n;
      }
    });
    const table = new Table({
      customerId: vectorFromArray(ids, new Dictionary(new Utf8(), new Int32())),
      at: vectorFromArray(times.map((ms) => new Date(ms)), new TimestampMillisecond()),
      amount: makeVector(makeData({ type: new ArrowDecimal(20, 38, 128), length: ids.length, data: words })),
    });
    const rows = ids.map((id, i) => ({ customerId: id, at: times[i]!, amount: new Decimal(units[i]!.toString()).div(new Decimal(10).pow(20)).toFixed() }));
    const fromTable = buildOutcome(() => createLedger(table));
    expect(fromTable).toEqual(buildOutcome(() => createLedger(rows)));
    expect((fromTable as { totalIssues: number }).totalIssues).toBe(5); // three bad ids, two amounts with 20 places
  });

  it("report the same errors for bad cells as rows and as columns", () => {
    const cell = <T>(good: fc.Arbitrary<T>, ...bad: unknown[]) => fc.oneof({ weight: 5, arbitrary: good as fc.Arbitrary<unknown> }, fc.constantFrom(...bad));
    const row = fc.record({
      customerId: cell(customerId, "", " ", 7, null),
      at: cell(instant.map((ms) => new Date(ms).toISOString()), "2024-02-30", "2024-01-01T25:00:00Z", 12.5, null),
      amount: cell(fc.integer({ min: -999, max: 99_999 }).map((c) => (c / 100).toFixed(2)), " 1.5 ", "1e2", "0.0000000000000001", "9007199254740993", "x", null),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const columns = { customerId: rows.map((r) => r.customerId), at: rows.map((r) => r.at), amount: rows.map((r) => r.amount) };
        const expected = buildOutcome(() => createLedger(rows as unknown as LedgerInput));
        expect(buildOutcome(() => createLedger({ purchases: columns } as unknown as LedgerInput))).toEqual(expected);
        const builder = createLedgerBuilder();
        expect(buildOutcome(() => {
          for (const r of rows) builder.addPurchase(r);
          return builder.finish();
        })).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it("keep no spare capacity in the ledger's columns when a builder grew them", () => {
    const builder = createLedgerBuilder();
    const n = 1000;
    for (let i = 0; i < n; i++) builder.addPurchase({ customerId: `c${i % 7}`, at: Date.UTC(2024, 0, 1) + ((i * 7919) % n) * 60_000, amount: "1.50" });
    const { purchases } = builder.finish();
    expect(purchases.count).toBe(n);
    for (const column of [purchases.customer, purchases.at, purchases.amountUnits, purchases.orderStart, purchases.sourceIndex]) {
      expect(column.length).toBe(n);
      expect(column.buffer.byteLength).toBe(n * column.BYTES_PER_ELEMENT);
    }
  });
});
